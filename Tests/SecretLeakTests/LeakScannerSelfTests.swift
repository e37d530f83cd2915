import CloudcredTestSupport
import Foundation
import Testing
import CredentialsCore

/// The scan must be able to fail: planted leaks are found, masked values and allowed channels are not, and the
/// allow-list is exactly the documented one.
@Suite("Secret-leak scan: the scanner finds what it must")
struct LeakScannerSelfTests {
    static let rules = Result { try LeakRules.load() }

    @Test("every canary, as written, base64-encoded inside a docker auth, or cut off after its marker, is found")
    func canaries() throws {
        let rules = try Self.rules.get()
        let scanner = LeakScanner(rules: rules)
        #expect(rules.canaries.count >= 20)
        for canary in rules.canaries {
            let plain = scanner.scan("error: bad value \(canary.value) in file", channel: "stderr")
            #expect(plain.map(\.rule) == ["canary:\(canary.name)"])
            #expect(plain.first.map { !$0.excerpt.contains(canary.value) && $0.excerpt.contains("<secret len=") } == true)
            for prefix in ["", "u", "us"] {
                let auth = Data("\(prefix):\(canary.value)".utf8).base64EncodedString()
                #expect(scanner.scan(#"{"auth": "\#(auth)"}"#, channel: "file").contains { $0.rule == "canary:\(canary.name)(base64)" })
            }
            if canary.value.contains(LeakRules.marker) {
                let cut = String(canary.value.prefix(through: canary.value.range(of: LeakRules.marker)!.upperBound).dropLast())
                #expect(scanner.scan("quoted: \"\(cut)…", channel: "log").map(\.rule) == ["canary-fragment"])
            }
        }
    }

    /// Samples per pattern: a raw secret and its masked form. Not test arguments: Swift Testing prints arguments,
    /// and `scripts/leak-scan` scans that output.
    static let patternSamples: [String: [(raw: String, masked: String)]] = [
        "authorization-header": [
            ("Authorization: Bearer abcDEF0123456789xyz", "Authorization: ******"),
            ("'Authorization': 'ACS3-HMAC-SHA256 Credential=LTAI5tX,Signature=00ff'", "'Authorization': '******'"),
        ],
        "signature-value": [("GET /?Action=AssumeRole&Signature=Zm9vYmFyYmF6cXV4%3D&SignatureMethod=HMAC-SHA1", "&Signature=******&SignatureMethod=HMAC-SHA1")],
        "security-token-value": [
            ("x-acs-security-token: CAISabcdefghij0123456789", "x-acs-security-token: ******"),
            ("{\"SecurityToken\": \"CAISabcdefghij\"}", "{'SecurityToken': '******'}"),
            ("AssumeRole%26SecurityToken%3DCAISabcdefghij%26SignatureMethod", "AssumeRole%26SecurityToken%3D******%26SignatureMethod"),
        ],
        "access-key-secret-value": [("AccessKeySecret=abcdefgh12345678", "'AccessKeySecret': '******'")],
        "password-value": [("{\"Secret\":\"0123456789abcdef0123\"}", "{\"Secret\":\"******\"}")],
        "docker-login-password": [
            ("X-Swr-Dockerlogin: docker login -u cn-north-4@ABC -p 0a1b2c3d4e5f swr.example", "docker login -u x --password-stdin"),
        ],
        "sts-token-shape": [("token CAIS" + String(repeating: "x", count: 60), "token CAIS****")],
        "jwt-shape": [("token eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.sig", "token ******")],
    ]

    @Test("each generic pattern flags a raw secret and ignores its masked form", arguments: patternSamples.keys.sorted())
    func patterns(name: String) throws {
        let rules = try Self.rules.get()
        #expect(rules.patterns.contains { $0.name == name })
        let scanner = LeakScanner(rules: rules)
        for (raw, masked) in Self.patternSamples[name] ?? [] {
            #expect(scanner.scan(raw, channel: "stderr").contains { $0.rule == "pattern:\(name)" }, "raw sample \(raw.count) chars")
            #expect(scanner.scan(masked, channel: "stderr").isEmpty, "masked sample of \(name)")
        }
    }

    @Test("every pattern of canaries.txt has samples here")
    func everyPatternSampled() throws {
        #expect(Set(try Self.rules.get().patterns.map(\.name)) == Set(Self.patternSamples.keys))
    }

    @Test("ordinary output is clean: masked credentials, help texts, hosts, user names")
    func noFalsePositives() throws {
        let scanner = LeakScanner(rules: try Self.rules.get())
        let clean = """
            provider:          default/cli_profile/ram_role_arn/static_ak
            AccessKey ID:      STS.****abcd
            {"access_key_id": "LTAI****0001", "access_key_secret": "******", "security_token": "******", "expiration": "2030-01-01T00:00:00Z"}
            cloudcred: error: refreshing RAM role ARN credentials: error code SignatureDoesNotMatch (RequestId 1A2B) from sts.aliyuncs.com
            hint: check the AccessKey secret of profile "wrong" in ~/.aliyun/config.json
            {"ServerURL":"registry.cn-hangzhou.aliyuncs.com","Username":"cr_temp_user"}
            2026-01-01T00:00:00Z cloudcred[42] debug: fetched a registry token host=registry.cn-hangzhou.aliyuncs.com user=cr_temp_user
            """
        #expect(scanner.scan(clean, channel: "stdout").isEmpty)
    }

    @Test("a canary planted in a forbidden channel of a real run is flagged; in an allowed channel it is not")
    func plantedInRealRun() async throws {
        let rules = try Self.rules.get()
        let world = try await LeakWorld(scenario: "self-test", rules: rules, configuration: LeakIdentities.configuration(rules), contributesToScanLog: false)
        try world.plant(".aliyun/config.json", LeakIdentities.aliyunConfig(world))
        world.sealPlanting()
        // A profile name is no secret, so the error quotes it: with a canary as the name, stderr carries a canary.
        let planted = try await world.cloudcred(["credentials", "--profile", world.canary("cfg-ak-secret")])
        #expect(planted.status == 1)
        let revealed = try await world.cloudcred(["credentials", "--profile", "ak", "--json", "--reveal"])
        #expect(revealed.stdout.contains(world.canary("cfg-ak-secret")))
        let channels = await world.finish()
        let scanner = LeakScanner(rules: rules)
        let flagged = channels.filter { !$0.mayHoldSecrets }.flatMap { scanner.scan($0.text, channel: $0.name) }
        #expect(flagged.contains { $0.channel.hasSuffix("--profile <cfg-ak-secret> [stderr]") && $0.rule == "canary:cfg-ak-secret" })
        #expect(!flagged.contains { $0.channel.contains("--reveal [stdout]") })
        #expect(channels.contains { $0.name.hasSuffix("--reveal [stdout]") && $0.mayHoldSecrets })
    }

    @Test("the allow-list: only the stdout of successful hand-over commands and the files meant to hold secrets")
    func allowList() {
        let cases: [(String, [String], Int32, Bool)] = [
            ("cloudcred", ["credentials", "--json", "--reveal"], 0, true),
            ("cloudcred", ["credentials", "--json"], 0, false),
            ("cloudcred", ["credentials", "--reveal"], 1, false),
            ("cloudcred", ["get-login", "h", "--reveal"], 0, true),
            ("cloudcred", ["get-login", "h", "--json"], 0, false),
            ("cloudcred", ["get-login-password", "h"], 0, true),
            ("cloudcred", ["get-login-password", "h"], 1, false),
            ("cloudcred", ["write-docker-config", "h"], 0, true),
            ("cloudcred", ["write-docker-config", "h", "--output", "f"], 0, false),
            ("cloudcred", ["kubernetes-secret", "h", "--name", "n"], 0, true),
            ("cloudcred", ["kubelet-credential-provider"], 0, true),
            ("cloudcred", ["cache", "list"], 0, false),
            ("cloudcred", ["doctor", "h"], 0, false),
            ("cloudcred", ["login", "h", "--password-stdin"], 0, false),
            ("docker-credential-cloudcred", ["get"], 0, true),
            ("docker-credential-cloudcred", ["get"], 1, false),
            ("docker-credential-cloudcred", ["list"], 0, false),
            ("docker-credential-cloudcred", ["store"], 1, false),
        ]
        for (tool, arguments, status, allowed) in cases {
            #expect(LeakAllowList.stdoutMayHoldSecrets(tool: tool, arguments: arguments, status: status) == allowed, "\(tool) \(arguments) \(status)")
        }
        let hash = String(repeating: "ab", count: 32)
        let files: [(String, Bool)] = [
            ("cache/cloudcred/\(hash).json", true), ("cache/acr-500/cloudcred/\(hash).json", true),
            ("cache/cloudcred/\(hash).failure.json", false), ("cache/cloudcred/acr-instances.json", false),
            ("cache/cloudcred/\(hash).lock", false), ("data/cloudcred/secrets/\(hash)", true), (".aliyun/config.json", true),
            ("docker/config.json", false), ("config/containers/auth.json", false), ("logs/cloudcred.log", false),
        ]
        for (relative, allowed) in files {
            #expect(LeakAllowList.fileMayHoldSecrets(relative: relative, absolute: "/h/" + relative, outputs: ["/h/out/config.json"]) == allowed, "\(relative)")
        }
        #expect(LeakAllowList.fileMayHoldSecrets(relative: "out/config.json", absolute: "/h/out/config.json", outputs: ["/h/out/config.json"]))
    }

    @Test("scripts/leak-scan --self-test: the shell scanner flags a planted canary and passes clean text")
    func scriptSelfTest() async throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/leak-scan").path
        let result = try await ScriptRunner.run(script, ["--self-test"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("self-test passed"))
    }
}

/// Runs a script with the test's environment minus the scan variables (the self-test must not touch the scan's log).
enum ScriptRunner {
    static func run(_ path: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await withCheckedThrowingContinuation { continuation in
            OwnThread.detach {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/bash")
                process.arguments = [path] + arguments
                var environment = ProcessInfo.processInfo.environment
                for name in [LeakScanEnvironment.variable, "CLOUDCRED_LOG", "CLOUDCRED_LOG_FILE"] { environment[name] = nil }
                process.environment = environment
                let pipe = Pipe()
                process.standardOutput = pipe
                process.standardError = pipe
                do {
                    try process.run()
                } catch {
                    return continuation.resume(throwing: error)
                }
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: (process.terminationStatus, String(decoding: data, as: UTF8.self)))
            }
        }
    }
}
