import CredentialsCore
import Foundation
import RegistryCredentials
import Testing

/// The built helper against a cache seeded through this module (CLITests does not link RegistryCredentials).
@Suite("docker-credential-cloudcred with a seeded cache (built binary)")
struct HelperBinaryTests {
    let host = "registry.cn-hangzhou.aliyuncs.com"

    /// A home, an environment, and a fake `cloudcred` that records that it ran.
    func setUp(_ extra: [String: String] = [:]) throws -> (home: String, environment: [String: String]) {
        let home = try makeTemporaryDirectory("helper")
        try writeFile(home + "/fake-cloudcred", "#!/bin/sh\necho handed-over > \"$HOME/handed-over\"\necho '{\"ServerURL\":\"x\",\"Username\":\"from-cloudcred\",\"Secret\":\"s\"}'\n", mode: 0o755)
        var environment = ["HOME": home, "PATH": "/usr/bin:/bin", "CLOUDCRED_EXECUTABLE": home + "/fake-cloudcred"]
        environment.merge(extra) { _, new in new }
        // Under scripts/leak-scan (docs/RELIABILITY.md), the helper appends its debug log to the file it scans.
        if let scanLog = ProcessInfo.processInfo.environment["CLOUDCRED_LEAK_SCAN_LOG"], environment["CLOUDCRED_LOG"] == nil {
            environment["CLOUDCRED_LOG"] = "debug"
            environment["CLOUDCRED_LOG_FILE"] = scanLog
        }
        return (home, environment)
    }

    func source(_ environment: [String: String], profile: String = "default") throws -> (TokenCache, String) {
        let env = Environment(environment)
        let config = try ToolConfig.load(environment: env)
        let target = try #require(config.target(for: host, profile: profile))
        return (TokenCache(environment: env), CredentialSource.identity(for: target, environment: env))
    }

    /// Runs `get` on a thread of its own (OwnThread), so the blocking wait never holds a thread of the task pool.
    func runHelper(_ stdin: String, environment: [String: String]) async throws -> (status: Int32, stdout: String, stderr: String) {
        try await withCheckedThrowingContinuation { continuation in
            OwnThread.detach {
                continuation.resume(with: Result { try Self.runBlocking(stdin, environment: environment) })
            }
        }
    }

    static func runBlocking(_ stdin: String, environment: [String: String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("docker-credential-cloudcred")
        process.arguments = ["get"]
        process.environment = environment
        let (input, output, error) = (Pipe(), Pipe(), Pipe())
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    @Test("a fresh cached token is answered without cloudcred; past half-life or for another source, cloudcred is run")
    func cacheHit() async throws {
        let (home, environment) = try setUp()
        let (cache, source) = try source(environment)
        let now = Date()
        cache.store(CachedLogin(host: host, username: "cr_temp_user", password: "CachedToken1", issuedAt: now, expiresAt: now.addingTimeInterval(3600)), source: source)

        let hit = try await runHelper("https://\(host)/v2/\n", environment: environment)
        #expect(hit.status == 0)
        #expect(hit.stdout == #"{"ServerURL":"https://\#(host)/v2/","Username":"cr_temp_user","Secret":"CachedToken1"}"# + "\n")
        #expect(!FileManager.default.fileExists(atPath: home + "/handed-over"))

        var otherProfile = environment
        otherProfile["ALIBABA_CLOUD_PROFILE"] = "other"
        let other = try await runHelper(host, environment: otherProfile)
        #expect(other.stdout.contains("from-cloudcred"))
        try FileManager.default.removeItem(atPath: home + "/handed-over")

        cache.store(CachedLogin(host: host, username: "cr_temp_user", password: "OldToken", issuedAt: now.addingTimeInterval(-2400), expiresAt: now.addingTimeInterval(1200)), source: source)
        let stale = try await runHelper(host, environment: environment)
        #expect(stale.stdout.contains("from-cloudcred") && FileManager.default.fileExists(atPath: home + "/handed-over"))
    }

    @Test("a remembered failure is answered at once (stdout and stderr), until a credentials file changes")
    func rememberedFailure() async throws {
        let (home, environment) = try setUp()
        let (cache, source) = try source(environment)
        let fingerprint = SourceFingerprint.current(environment: Environment(environment), toolConfigPath: home + "/.config/cloudcred/config.json")
        cache.rememberFailure(host: host, source: source, message: "no Alibaba Cloud credentials found (checked env, ~/.aliyun/config.json)", fingerprint: fingerprint)

        let failed = try await runHelper(host, environment: environment)
        #expect(failed.status == 1)
        #expect(failed.stdout == "\(host): no Alibaba Cloud credentials found (checked env, ~/.aliyun/config.json)\n")
        #expect(failed.stderr == "docker-credential-cloudcred: \(failed.stdout)")
        #expect(!FileManager.default.fileExists(atPath: home + "/handed-over"))

        try writeFile(home + "/.aliyun/config.json", "{}")
        let retried = try await runHelper(host, environment: environment)
        #expect(retried.status == 0 && FileManager.default.fileExists(atPath: home + "/handed-over"))
    }

    @Test("with onError not-found a remembered failure answers not found")
    func failureAsNotFound() async throws {
        let (home, environment) = try setUp()
        try writeFile(home + "/.config/cloudcred/config.json", #"{"profiles": {"default": {"onError": "not-found"}}}"#)
        let (cache, source) = try source(environment)
        let fingerprint = SourceFingerprint.current(environment: Environment(environment), toolConfigPath: home + "/.config/cloudcred/config.json")
        cache.rememberFailure(host: host, source: source, message: "denied", fingerprint: fingerprint)
        let result = try await runHelper(host, environment: environment)
        #expect(result.status == 1 && result.stdout == "credentials not found in native keychain\n" && result.stderr.isEmpty)
    }
}
