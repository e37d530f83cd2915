import CloudcredTestSupport
import CloudEmulator
import CredentialsCore
import Foundation
import Testing

/// `cloudcred doctor` as users run it: the built binary, the real helper on PATH, the emulator behind
/// `CLOUDCRED_CONNECT_TO`.
@Suite("cloudcred doctor (built binary)")
struct DoctorCommandTests {
    static let host = "registry.cn-hangzhou.aliyuncs.com"

    /// A HOME whose docker config sends the host to cloudcred, and an environment with the emulator's key and the
    /// products directory (cloudcred and docker-credential-cloudcred) on PATH.
    static func setUp(_ emulator: CloudEmulator, secret: String? = nil) throws -> [String: String] {
        let home = try BinaryRunner.makeHome()
        try FileManager.default.createDirectory(atPath: home + "/.docker", withIntermediateDirectories: true)
        try #"{"credHelpers": {"\#(host)": "cloudcred"}}"#.write(toFile: home + "/.docker/config.json", atomically: true, encoding: .utf8)
        let key = try #require(emulator.configuration.accessKeys.first)
        return BinaryRunner.cleanEnvironment(home: home, extra: [
            "PATH": BinaryRunner.productsDirectory.path + ":/usr/bin:/bin",
            "CLOUDCRED_CONNECT_TO": emulator.connectTo,
            "ALIBABA_CLOUD_ACCESS_KEY_ID": key.id, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": secret ?? key.secret,
        ])
    }

    @Test("a healthy login: exit 0, one JSON object in Chinese, every check, no secret")
    func healthyJSON() async throws {
        let emulator = CloudEmulator()
        _ = try await emulator.start()
        defer { Task { await emulator.stop() } }
        let environment = try Self.setUp(emulator)
        let result = try await BinaryRunner.run("cloudcred", ["doctor", Self.host + "/ns/app", "--json", "--lang", "zh"], environment: environment)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let document = try JSONValue.parse(result.stdout)
        #expect(document["host"]?.stringValue == Self.host)
        let findings = document["findings"]?.arrayValue ?? []
        let checks = Set(findings.compactMap { $0["check"]?.stringValue })
        #expect(checks == ["host", "client-config", "credentials", "clock", "network", "token-api", "registry", "cache", "helper"])
        #expect(findings.allSatisfy { $0["status"]?.stringValue != "fail" })
        let helper = findings.first { $0["check"]?.stringValue == "helper" }?["cause"]?.stringValue ?? ""
        #expect(helper.contains("退出码 0") && helper.contains("******"))
        for secret in emulator.issuedRegistryLogins().map(\.password) + [emulator.configuration.accessKeys[0].secret] {
            #expect(!result.stdout.contains(secret))
        }
    }

    @Test("a wrong secret: exit 1, a plain report (piped) naming token-api and the cause")
    func wrongSecretHuman() async throws {
        let emulator = CloudEmulator()
        _ = try await emulator.start()
        defer { Task { await emulator.stop() } }
        let wrong = "WrongSecretForTheDoctorCommand000000"
        var environment = try Self.setUp(emulator, secret: wrong)
        environment["LANG"] = "en_US.UTF-8"
        let result = try await BinaryRunner.run("cloudcred", ["doctor", Self.host, "--timeout", "15"], environment: environment)
        #expect(result.status == 1)
        #expect(!result.stdout.contains("\u{1B}["))
        let line = result.stdout.split(separator: "\n").first { $0.contains("token-api") } ?? ""
        #expect(line.contains("FAIL") && line.contains("SignatureDoesNotMatch"), "\(result.stdout)")
        #expect(!result.stdout.contains(wrong))
    }

    @Test("--yes without --fix and a bad --lang are usage errors")
    func usage() async throws {
        let home = try BinaryRunner.makeHome()
        let environment = BinaryRunner.cleanEnvironment(home: home)
        let yes = try await BinaryRunner.run("cloudcred", ["doctor", "--yes"], environment: environment)
        #expect(yes.status != 0 && yes.status != 1 && yes.stderr.contains("--fix"))
        let lang = try await BinaryRunner.run("cloudcred", ["doctor", "--lang", "fr"], environment: environment)
        #expect(lang.status != 0 && lang.stderr.contains("--lang"))
    }
}
