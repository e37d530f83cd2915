import CloudcredTestSupport
import CloudEmulator
import CredentialsCore
import Foundation
import Testing

/// The registry commands of the built `cloudcred`, against the emulator.
@Suite("cloudcred registry commands (built binary)")
struct RegistryCommandTests {
    static let acr = "registry.cn-hangzhou.aliyuncs.com"
    static let crpi = "crpi-emulatorexample01.cn-hangzhou.personal.cr.aliyuncs.com"
    static let secret = "EmulatorExampleSecretNotForProduction01"

    /// Runs `body` with an emulator and an environment whose cloud keys are the emulator's standard ones.
    static func withCLI(_ body: ([String: String], CloudEmulator) async throws -> Void) async throws {
        let emulator = CloudEmulator()
        _ = try await emulator.start()
        let home = try BinaryRunner.makeHome()
        let environment = BinaryRunner.cleanEnvironment(home: home, extra: [
            "CLOUDCRED_CONNECT_TO": emulator.connectTo, "XDG_CACHE_HOME": home + "/cache", "XDG_DATA_HOME": home + "/data",
            "XDG_CONFIG_HOME": home + "/config", "DOCKER_CONFIG": home + "/docker",
            "ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAI5tEmulatorExample01", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": secret,
            "ALIBABA_CLOUD_ECS_METADATA_DISABLED": "true",
        ])
        do {
            try await body(environment, emulator)
        } catch {
            await emulator.stop()
            throw error
        }
        await emulator.stop()
    }

    static func cloudcred(_ arguments: [String], stdin: String = "", _ environment: [String: String]) async throws -> BinaryRunner.Result {
        try await BinaryRunner.run("cloudcred", arguments, stdin: stdin, environment: environment)
    }

    @Test("get-login masks the password; --reveal and get-login-password print it; the token is fetched once")
    func getLogin() async throws {
        try await Self.withCLI { env, emulator in
            let shown = try await Self.cloudcred(["get-login", Self.acr], env)
            #expect(shown.status == 0)
            #expect(shown.stdout.contains("username: cr_temp_user"))
            let password = try await Self.cloudcred(["get-login-password", Self.acr], env)
            let token = password.stdout.trimmingCharacters(in: .newlines)
            #expect(!token.isEmpty && !shown.stdout.contains(token))
            let revealed = try await Self.cloudcred(["get-login", Self.acr, "--json", "--reveal"], env)
            #expect(try JSONValue.parse(revealed.stdout)["Secret"]?.stringValue == token)
            #expect(emulator.requestCount(.acr) == 1)
        }
    }

    @Test("login --password-stdin stores the crpi password (newline dropped); logout forgets it")
    func loginLogout() async throws {
        try await Self.withCLI { env, _ in
            let stored = try await Self.cloudcred(
                ["login", Self.crpi, "--username", "emulator@1234567890123456", "--password-stdin"], stdin: "EmulatorFixedPassword01\n", env)
            #expect(stored.status == 0, "\(stored.stderr)")
            let password = try await Self.cloudcred(["get-login-password", Self.crpi], env)
            #expect(password.stdout == "EmulatorFixedPassword01\n")
            let helper = try await BinaryRunner.run("docker-credential-cloudcred", ["get"], stdin: Self.crpi, environment: env)
            #expect(helper.stdout.contains(#""Secret":"EmulatorFixedPassword01""#))
            let logout = try await Self.cloudcred(["logout", Self.crpi], env)
            #expect(logout.stdout.contains("stored password removed"))
            let after = try await Self.cloudcred(["get-login-password", Self.crpi], env)
            #expect(after.status == 1)
            #expect(after.stderr.contains("cloudcred login \(Self.crpi)"))
            #expect(!after.stderr.contains("EmulatorFixedPassword01"))
        }
    }

    @Test("configure-docker adds credHelpers, keeps other keys, --undo removes ours only; no host is an error")
    func configureDocker() async throws {
        try await Self.withCLI { env, _ in
            let dockerConfig = env["DOCKER_CONFIG"]! + "/config.json"
            try FileManager.default.createDirectory(atPath: env["DOCKER_CONFIG"]!, withIntermediateDirectories: true)
            try #"{"auths": {"ghcr.io": {}}, "credHelpers": {"gcr.io": "gcloud"}}"#.write(toFile: dockerConfig, atomically: true, encoding: .utf8)
            let none = try await Self.cloudcred(["configure-docker"], env)
            #expect(none.status == 1 && none.stderr.contains("--registries"))
            let added = try await Self.cloudcred(["configure-docker", "--registries", "\(Self.acr),https://swr.cn-north-4.myhuaweicloud.com"], env)
            #expect(added.status == 0, "\(added.stderr)")
            let text = try String(contentsOfFile: dockerConfig, encoding: .utf8)
            let helpers = try #require(try JSONValue.parse(text)["credHelpers"]?.objectValue)
            #expect(helpers["gcr.io"]?.stringValue == "gcloud")
            #expect(helpers[Self.acr]?.stringValue == "cloudcred")
            #expect(helpers["swr.cn-north-4.myhuaweicloud.com"]?.stringValue == "cloudcred")
            #expect(try JSONValue.parse(text)["auths"]?["ghcr.io"] != nil)
            _ = try await Self.cloudcred(["configure-docker", "--undo"], env)
            let undone = try #require(try JSONValue.parse(String(contentsOfFile: dockerConfig, encoding: .utf8))["credHelpers"]?.objectValue)
            #expect(undone.count == 1 && undone["gcr.io"] != nil)
        }
    }

    @Test("write-docker-config writes auths 0600; kubernetes-secret prints a dockerconfigjson Secret")
    func exports() async throws {
        try await Self.withCLI { env, _ in
            let output = env["HOME"]! + "/kaniko/config.json"
            let written = try await Self.cloudcred(["write-docker-config", Self.acr, "--output", output], env)
            #expect(written.status == 0, "\(written.stderr)")
            let attributes = try FileManager.default.attributesOfItem(atPath: output)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            let auth = try JSONValue.parse(String(contentsOfFile: output, encoding: .utf8))["auths"]?[Self.acr]?["auth"]?.stringValue
            let decoded = String(decoding: Data(base64Encoded: auth ?? "") ?? Data(), as: UTF8.self)
            #expect(decoded.hasPrefix("cr_temp_user:"))
            let secret = try await Self.cloudcred(["kubernetes-secret", Self.acr, "--name", "acr-pull", "--namespace", "apps"], env)
            #expect(secret.stdout.contains("type: kubernetes.io/dockerconfigjson"))
            #expect(secret.stdout.contains("  namespace: apps"))
            let bad = try await Self.cloudcred(["kubernetes-secret", Self.acr, "--name", "Bad_Name"], env)
            #expect(bad.status != 0 && bad.stderr.contains("DNS-1123"))
        }
    }

    @Test("kubelet-credential-provider answers a CredentialProviderRequest; not-ours gets an empty auth; bad input one line")
    func kubelet() async throws {
        try await Self.withCLI { env, _ in
            let request = #"{"apiVersion":"credentialprovider.kubelet.k8s.io/v1","kind":"CredentialProviderRequest","image":"registry.cn-hangzhou.aliyuncs.com/ns/app:1"}"#
            let answer = try await Self.cloudcred(["kubelet-credential-provider"], stdin: request, env)
            #expect(answer.status == 0, "\(answer.stderr)")
            let response = try JSONValue.parse(answer.stdout)
            #expect(response["kind"]?.stringValue == "CredentialProviderResponse")
            #expect(response["cacheKeyType"]?.stringValue == "Registry")
            #expect(response["auth"]?[Self.acr]?["username"]?.stringValue == "cr_temp_user")
            // Until cloudcred's refresh point of the 1-hour token: between 40 % and 50 % of its life.
            let duration = response["cacheDuration"]?.stringValue ?? ""
            let minutes = duration.split(separator: "m").first.flatMap { Int($0) } ?? -1
            #expect((23...30).contains(minutes) && duration.hasSuffix("s"), "cacheDuration \(duration)")
            let other = try await Self.cloudcred(
                ["kubelet-credential-provider"], stdin: request.replacingOccurrences(of: "registry.cn-hangzhou.aliyuncs.com/", with: "ghcr.io/"), env)
            #expect(try JSONValue.parse(other.stdout)["auth"]?.objectValue?.isEmpty == true)
            let garbage = try await Self.cloudcred(["kubelet-credential-provider"], stdin: "{not json", env)
            #expect(garbage.status == 1)
            #expect(garbage.stderr.split(separator: "\n").first?.contains("CredentialProviderRequest") == true)
        }
    }
}
