import CloudHTTP
import CredentialsCore
import Foundation
import Testing

@testable import AlibabaCloudCredentials

@Suite("config.json write-back (OAuth, External)")
struct ConfigWriteBackTests {
    /// A config.json with what Python's rewrite must keep: key order, unknown keys, non-ASCII, escapes, numbers.
    static let richConfig = #"""
        {
          "current": "o",
          "profiles": [
            {"name": "ak", "mode": "AK", "access_key_id": "LTAIexample", "access_key_secret": "s", "region_id": "cn-hangzhou",
             "output_format": "json", "language": "zh", "retry_count": 0, "ratio": 1.50, "big": 1E2, "flags": [true, false, null],
             "nested": {"z": 1, "a": {}}, "empty": []},
            {"mode": "OAuth", "name": "o", "oauth_site_type": "CN", "oauth_access_token": "old-access",
             "oauth_access_token_expire": 1700000300, "oauth_refresh_token": "old-refresh", "note": "caf\u00e9 \/ 生产 \t tab",
             "region_id": "cn-shanghai"},
            {"name": "ext", "mode": "External", "process_command": "PLACEHOLDER", "sts_token": "stale", "extra": "kept"},
            {"name": "chain", "mode": "ChainableRamRoleArn", "source_profile": "mid", "ram_role_arn": "acs:ram::1:role/r"},
            {"name": "mid", "mode": "RamRoleArn", "source_profile": "o"}
          ],
          "meta_path": "",
          "\u00fcnicode-key": "\ud83d\ude00"
        }
        """#

    /// What Python's `json.dumps(config, indent=4, ensure_ascii=False)` writes after setting `updates` on `profile`.
    static func pythonRewrite(of original: String, profile: String, updates: String) throws -> String? {
        try loginPython(
            """
            import json, sys
            config = json.loads(sys.argv[1])
            for p in config['profiles']:
                if p.get('name') == sys.argv[2]:
                    for k, v in json.loads(sys.argv[3]).items():
                        p[k] = v
                    break
            sys.stdout.buffer.write(json.dumps(config, indent=4, ensure_ascii=False).encode('utf-8'))
            """, [original, profile, updates])
    }

    static let oauthService = LoginScriptedTransport { request in
        request.path == "/v1/token"
            ? loginJSON(#"{"access_token": "new-access", "refresh_token": "new-refresh", "expires_in": 7200}"#)
            : loginJSON(
                #"{"AccessKeyId": "STS.oauth-1", "AccessKeySecret": "oauth-secret", "SecurityToken": "oauth-token", "Expiration": "\#(LoginTime.iso(3600))"}"#)
    }

    // MARK: Byte-exact rewrites

    @Test("OAuth: the rewritten file is byte for byte Python's, with the seven keys updated", .enabled(if: loginHasPython))
    func oauthByteExact() async throws {
        let directory = try LoginTestDirectory()
        let path = try directory.write("config.json", Self.richConfig, mode: 0o640)
        let provider = CLIProfileProvider(profileFile: path, context: loginContext(transport: Self.oauthService))
        let credential = try await provider.credential()
        #expect(credential.providerName == "cli_profile/oauth")

        let updates = """
            {"oauth_refresh_token": "new-refresh", "oauth_access_token": "new-access", "oauth_access_token_expire": \(LoginTime.nowSeconds + 7200),
             "access_key_id": "STS.oauth-1", "access_key_secret": "oauth-secret", "sts_token": "oauth-token", "sts_expiration": \(LoginTime.nowSeconds + 3600)}
            """
        let expected = try #require(try Self.pythonRewrite(of: Self.richConfig, profile: "o", updates: updates))
        #expect(try directory.read("config.json") == expected)
        #expect(lockTestModeOf(path) == 0o640)
        #expect(directory.listing() == ["config.json"])
    }

    @Test("External: access key, secret, a null token and expiration 0 are written after every run", .enabled(if: loginHasPython))
    func externalByteExact() async throws {
        let directory = try LoginTestDirectory()
        let script = try directory.script("creds.sh", #"echo '{"mode": "AK", "access_key_id": "akid", "access_key_secret": "secret"}'"#)
        let original = Self.richConfig.replacingOccurrences(of: "PLACEHOLDER", with: script)
        let path = try directory.write("config.json", original, mode: 0o600)
        let provider = CLIProfileProvider(
            profileName: "ext", profileFile: path, context: loginContext(transport: Self.oauthService, environment: loginProcessEnvironment()))
        let credential = try await provider.credential()
        #expect(credential.providerName == "cli_profile/external")

        let updates = #"{"access_key_id": "akid", "access_key_secret": "secret", "sts_token": null, "sts_expiration": 0}"#
        let expected = try #require(try Self.pythonRewrite(of: original, profile: "ext", updates: updates))
        #expect(try directory.read("config.json") == expected)
        #expect(lockTestModeOf(path) == 0o600)

        // AK mode has no expiry: the command runs, and the file is rewritten, on every call.
        try directory.write("config.json", original, mode: 0o600)
        _ = try await provider.credential()
        #expect(try directory.read("config.json") == expected)
    }

    @Test("External with expiry writes the STS token and the epoch", .enabled(if: loginHasPython))
    func externalWithExpiry() async throws {
        let directory = try LoginTestDirectory()
        let json = #"{"mode": "StsToken", "access_key_id": "STS.e", "access_key_secret": "es", "sts_token": "et", "expiration": "2030-01-02T03:04:05Z"}"#
        let script = try directory.script("creds.sh", "echo '\(json)'")
        let original = #"{"current": "ext", "profiles": [{"name": "ext", "mode": "External", "process_command": "\#(script)"}]}"#
        let path = try directory.write("config.json", original)
        _ = try await CLIProfileProvider(
            profileFile: path, context: loginContext(transport: Self.oauthService, environment: loginProcessEnvironment())
        ).credential()
        let updates = #"{"access_key_id": "STS.e", "access_key_secret": "es", "sts_token": "et", "sts_expiration": 1893553445}"#
        #expect(try directory.read("config.json") == (try Self.pythonRewrite(of: original, profile: "ext", updates: updates)))
        #expect(lockTestModeOf(path) == 0o644)
    }

    @Test("ALIBABA_CLOUD_PROFILE names the profile written, not current")
    func environmentProfile() async throws {
        let directory = try LoginTestDirectory()
        let script = try directory.script("creds.sh", #"echo '{"access_key_id": "env-ak", "access_key_secret": "s"}'"#)
        let path = try directory.write(
            "config.json",
            #"""
            {"current": "one", "profiles": [
              {"name": "one", "mode": "External", "process_command": "\#(script)"},
              {"name": "two", "mode": "External", "process_command": "\#(script)"}]}
            """#)
        _ = try await CLIProfileProvider(
            profileFile: path,
            context: loginContext(transport: Self.oauthService, environment: loginProcessEnvironment(["ALIBABA_CLOUD_PROFILE": "two"]))
        ).credential()
        let document = try JSONValue.parse(try directory.read("config.json"))
        #expect(document["profiles"]?[0]?["access_key_id"] == nil)
        #expect(document["profiles"]?[1]?["access_key_id"] == "env-ak")
    }

    // MARK: Finding the profile

    @Test("the walk follows source_profile to the OAuth profile")
    func followsSourceProfile() async throws {
        let directory = try LoginTestDirectory()
        let path = try directory.write("config.json", Self.richConfig)
        let writeBack = CLIConfigWriteBack(path: path, profileName: "chain")
        try await writeBack.save(.oauth, [("oauth_access_token", "via-chain")])
        let document = try JSONValue.parse(try directory.read("config.json"))
        #expect(document["profiles"]?[1]?["oauth_access_token"] == "via-chain")
        #expect(document["profiles"]?[3]?["oauth_access_token"] == nil)
        #expect(document["profiles"]?[1]?.objectValue?.keys.last == "region_id")
    }

    @Test("errors carry the Python texts", arguments: [
        (CLIConfigWriteBack.Kind.oauth, nil, #"{"profiles": []}"#, "failed to update OAuth tokens in config file: unable to get profile to updated."),
        (.oauth, "nope", #"{"profiles": [{"name": "o", "mode": "OAuth"}]}"#,
         "failed to update OAuth tokens in config file: unable to get profile with name 'nope' from cli credentials file."),
        (.oauth, "ak", ConfigWriteBackTests.richConfig, "failed to update OAuth tokens in config file: unable to get OAuth profile with name 'ak' from cli credentials file."),
        (.external, "chain", ConfigWriteBackTests.richConfig,
         "failed to update External credentials in config file: unable to get External profile with name 'o' from cli credentials file."),
        (.external, "x", "invalid json", "failed to update External credentials in config file: Expecting value: line 1 column 1 (char 0)"),
        (.external, "x", "[1]", "failed to update External credentials in config file: 'list' object has no attribute 'get'"),
        (.oauth, "a", #"{"profiles": [{"name": "a", "source_profile": "b"}, {"name": "b", "source_profile": "a"}]}"#,
         "failed to update OAuth tokens in config file: source_profile cycle in cli credentials file: a -> b -> a"),
    ] as [(CLIConfigWriteBack.Kind, String?, String, String)])
    func errors(kind: CLIConfigWriteBack.Kind, profile: String?, content: String, message: String) async throws {
        let directory = try LoginTestDirectory()
        let path = try directory.write("config.json", content)
        let error = await #expect(throws: CredentialsError.self) {
            try await CLIConfigWriteBack(path: path, profileName: profile).save(kind, [("k", "v")])
        }
        #expect(error?.message == message)
        #expect(try directory.read("config.json") == content)
    }

    @Test("a missing file: Python's OSError text")
    func missingFile() async throws {
        let directory = try LoginTestDirectory()
        let path = directory.file("config.json")
        let error = await #expect(throws: CredentialsError.self) {
            try await CLIConfigWriteBack(path: path, profileName: "o").save(.oauth, [("k", "v")])
        }
        #expect(error?.message == "failed to update OAuth tokens in config file: [Errno 2] No such file or directory: '\(path)'")
        #expect(directory.listing().isEmpty)
    }

    @Test("a failed write-back is logged, doubly prefixed as Python logs it, and the credentials are still returned")
    func failureIsLogged() async throws {
        let directory = try LoginTestDirectory()
        let script = try directory.script("creds.sh", #"rm -f "$1"; echo '{"access_key_id": "a", "access_key_secret": "b"}'"#)
        let path = directory.file("config.json")
        try directory.write(
            "config.json", #"{"current": "ext", "profiles": [{"name": "ext", "mode": "External", "process_command": "\#(script) \#(path)"}]}"#)
        let logs = LoginLogCapture()
        let credential = try await CLIProfileProvider(
            profileFile: path, context: loginContext(transport: Self.oauthService, environment: loginProcessEnvironment(), logs: logs)
        ).credential()
        #expect(credential.accessKeyId == "a")
        #expect(
            logs.lines == [
                "failed to update external credentials in config file: failed to update External credentials in config file: [Errno 2] No such file or directory: '\(path)'"
            ])
    }

    // MARK: Concurrency and locking

    @Test("concurrent write-backs to different profiles lose no update")
    func concurrentWriteBacks() async throws {
        let directory = try LoginTestDirectory()
        let count = 40
        let profiles = (0..<count).map { #"{"name": "p\#($0)", "mode": "External", "process_command": "x"}"# }.joined(separator: ",\n")
        let path = try directory.write("config.json", #"{"current": "p0", "profiles": [\#(profiles)]}"#)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<count {
                group.addTask {
                    let update = ExternalCredentialUpdate(accessKeyId: "ak-\(index)", accessKeySecret: "s", securityToken: nil, expiration: 0)
                    try await CLIConfigWriteBack(path: path, profileName: "p\(index)", lockTimeout: 60).save(update)
                }
            }
            try await group.waitForAll()
        }
        let document = try JSONValue.parse(try directory.read("config.json"))
        for index in 0..<count {
            #expect(document["profiles"]?[index]?["access_key_id"] == .string("ak-\(index)"))
        }
        #expect(directory.listing() == ["config.json"])
    }

    @Test("a Python process holding flock on config.json is waited for; past the timeout the error names the file",
          .enabled(if: loginHasPython))
    func pythonHoldsLock() async throws {
        let directory = try LoginTestDirectory()
        let path = try directory.write("config.json", #"{"current": "e", "profiles": [{"name": "e", "mode": "External"}]}"#)
        let update = ExternalCredentialUpdate(accessKeyId: "ak", accessKeySecret: "s", securityToken: "t", expiration: 5)

        let holder = try LoginLockHolder(path: path, seconds: 1.0)
        let start = Date()
        try await CLIConfigWriteBack(path: path, profileName: "e").save(update)
        #expect(Date().timeIntervalSince(start) >= 0.5)
        holder.wait()
        #expect(try JSONValue.parse(try directory.read("config.json"))["profiles"]?[0]?["sts_token"] == "t")

        let longHolder = try LoginLockHolder(path: path, seconds: 3.0)
        let error = await #expect(throws: CredentialsError.self) {
            try await CLIConfigWriteBack(path: path, profileName: "e", lockTimeout: 0.3).save(update)
        }
        #expect(
            error?.message
                == "failed to update External credentials in config file: timed out after 0.3 s waiting for the lock on \(path) (another process holds it)"
        )
        longHolder.wait()
    }
}

/// A python3 process that holds `flock(LOCK_EX)` on a file for a while (as the Python library's write-back does).
final class LoginLockHolder: @unchecked Sendable {
    private let process = Process()

    init(path: String, seconds: Double) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import fcntl, sys, time\nf = open(sys.argv[1], 'r+')\nfcntl.flock(f.fileno(), fcntl.LOCK_EX)\nprint('locked', flush=True)\ntime.sleep(float(sys.argv[2]))",
            path, String(seconds),
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // Wait until it holds the lock.
        _ = output.fileHandleForReading.availableData
    }

    func wait() { process.waitUntilExit() }
}

/// The permission bits of `path`.
func lockTestModeOf(_ path: String) -> UInt32 {
    var info = stat()
    guard stat(path, &info) == 0 else { return 0 }
    return UInt32(info.st_mode) & 0o7777
}
