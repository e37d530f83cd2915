import CloudEmulator
import CredentialsCore
import Foundation
import Testing

@Suite("cloudcred CLI (built binary)")
struct CloudcredCLITests {
    @Test("quickstart resolves a RAM role through the default chain and masks the secrets")
    func quickstart() async throws {
        let home = try BinaryRunner.makeHome()
        let result = try await BinaryRunner.run("cloudcred", ["quickstart"], environment: BinaryRunner.cleanEnvironment(home: home))
        #expect(result.status == 0)
        #expect(result.stdout.contains("provider:          default/cli_profile/ram_role_arn/static_ak"))
        #expect(result.stdout.contains("AccessKey ID:      STS.****"))
        #expect(!result.stdout.contains("EmulatorExampleSecretNotForProduction01"))
        #expect(result.stderr.isEmpty)
    }

    @Test("credentials --json prints one object with masked secrets; --reveal shows them")
    func credentialsJSON() async throws {
        let emulator = CloudEmulator()
        _ = try await emulator.start()
        defer { Task { await emulator.stop() } }
        let home = try BinaryRunner.makeHome()
        let key = try #require(emulator.configuration.accessKeys.first)
        let role = try #require(emulator.configuration.roles.first)
        try FileManager.default.createDirectory(atPath: home + "/.aliyun", withIntermediateDirectories: true)
        let config = """
            {"current": "p", "profiles": [{"name": "p", "mode": "RamRoleArn", "access_key_id": "\(key.id)",
            "access_key_secret": "\(key.secret)", "ram_role_arn": "\(role.arn)"}]}
            """
        try config.write(toFile: home + "/.aliyun/config.json", atomically: true, encoding: .utf8)
        let env = BinaryRunner.cleanEnvironment(home: home, extra: ["CLOUDCRED_CONNECT_TO": emulator.connectTo])

        let masked = try await BinaryRunner.run("cloudcred", ["credentials", "--json"], environment: env)
        #expect(masked.status == 0)
        let object = try #require(try JSONValue.parse(masked.stdout).objectValue)
        #expect(object["provider_name"]?.stringValue == "default/cli_profile/ram_role_arn/static_ak")
        #expect(object["access_key_secret"]?.stringValue == "******")
        #expect(object["security_token"]?.stringValue == "******")
        #expect(object["expiration"]?.stringValue?.hasSuffix("Z") == true)
        #expect(masked.stdout.split(separator: "\n").count == 1)

        let revealed = try await BinaryRunner.run("cloudcred", ["credentials", "--json", "--reveal"], environment: env)
        let issued = emulator.issuedCredentials().map(\.accessKeyId)
        let shown = try #require(try JSONValue.parse(revealed.stdout)["access_key_id"]?.stringValue)
        #expect(issued.contains(shown))
        #expect(try JSONValue.parse(revealed.stdout)["access_key_secret"]?.stringValue != "******")
    }

    @Test("with no credentials anywhere: exit 1 and one error line naming every source")
    func noCredentials() async throws {
        let home = try BinaryRunner.makeHome()
        let result = try await BinaryRunner.run("cloudcred", ["credentials"], environment: BinaryRunner.cleanEnvironment(home: home))
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.first?.hasPrefix("cloudcred: error: unable to load credentials from any of the providers in the chain: [") == true)
        #expect(lines.count <= 2)
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test("a broken config.json names the file and the position")
    func brokenConfig() async throws {
        let home = try BinaryRunner.makeHome()
        try FileManager.default.createDirectory(atPath: home + "/.aliyun", withIntermediateDirectories: true)
        try "{\"current\": \"p\",\n \"profiles\": [}".write(toFile: home + "/.aliyun/config.json", atomically: true, encoding: .utf8)
        let result = try await BinaryRunner.run("cloudcred", ["credentials", "--profile", "p"], environment: BinaryRunner.cleanEnvironment(home: home))
        #expect(result.status == 1)
        #expect(result.stderr.contains("failed to parse credential form cli credentials file: \(home)/.aliyun/config.json"))
        #expect(result.stderr.contains("line 2 column"))
    }

    @Test("--version shows version and commit")
    func version() async throws {
        let result = try await BinaryRunner.run("cloudcred", ["--version"], environment: ["PATH": "/usr/bin:/bin"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("cloudcred \(CloudcredVersion.version) (commit "))
    }
}

@Suite("docker-credential-cloudcred protocol (built binary)")
struct HelperProtocolTests {
    let env = ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent"]

    @Test("get for a host that is not ours: the not-found message and exit 1", arguments: ["ghcr.io", "https://index.docker.io/v1/", "registry.cn-hangzhou.aliyuncs.com.evil.example"])
    func notOurs(host: String) async throws {
        let result = try await BinaryRunner.run("docker-credential-cloudcred", ["get"], stdin: host + "\n", environment: env)
        #expect(result.status == 1)
        #expect(result.stdout == "credentials not found in native keychain\n")
    }

    @Test("get with an empty payload: no credentials server URL")
    func emptyGet() async throws {
        let result = try await BinaryRunner.run("docker-credential-cloudcred", ["get"], stdin: "  \n", environment: env)
        #expect(result.status == 1)
        #expect(result.stdout == "no credentials server URL\n")
    }

    @Test("version, list, usage and unknown verbs")
    func verbs() async throws {
        let version = try await BinaryRunner.run("docker-credential-cloudcred", ["version"], environment: env)
        #expect(version.status == 0 && version.stdout.hasPrefix("docker-credential-cloudcred "))
        let list = try await BinaryRunner.run("docker-credential-cloudcred", ["list"], stdin: "unused", environment: env)
        #expect(list.status == 0 && list.stdout == "{}\n")
        let usage = try await BinaryRunner.run("docker-credential-cloudcred", [], environment: env)
        #expect(usage.status == 1 && usage.stdout.hasPrefix("Usage: docker-credential-cloudcred <store|get|erase|list|version>"))
        let bogus = try await BinaryRunner.run("docker-credential-cloudcred", ["bogus"], environment: env)
        #expect(bogus.status == 1 && bogus.stdout.contains("unknown action: bogus"))
    }
}
