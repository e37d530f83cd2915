#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import AlibabaCloudCredentials
import ArgumentParser
import CloudEmulator
import CloudHTTP
import CredentialsCore
import RegistryLogin

/// `cloudcred quickstart`: the whole flow, end to end, on the embedded emulator.
struct QuickstartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quickstart",
        abstract: "Run the main flow end to end on a local emulator (no cloud account needed).",
        discussion: """
            Starts the cloud emulator on 127.0.0.1, lays out a throw-away HOME whose ~/.aliyun/config.json
            profile assumes a RAM role, resolves credentials through the default chain (a signed STS AssumeRole,
            checked by the emulator) and prints them with secrets masked. Then it logs in to an ACR registry
            (GetAuthorizationToken signed with those STS credentials) and an SWR registry (the long-term login
            from a Huawei AK/SK), and checks both passwords against the emulator's registry, as docker would.
            """
    )

    @Flag(name: .long, help: "Show the throw-away secrets too.")
    var reveal = false

    func run() async throws {
        let emulator = CloudEmulator()
        let scratch: ScratchDirectory
        do {
            _ = try await emulator.start()
            scratch = try ScratchDirectory.make(prefix: "cloudcred-quickstart")
        } catch {
            await emulator.stop()
            throw CommandFailure.report(error)
        }
        defer { scratch.remove() }
        do {
            try await runSteps(emulator: emulator, home: scratch)
            await emulator.stop()
        } catch {
            await emulator.stop()
            throw CommandFailure.report(error)
        }
    }

    private func runSteps(emulator: CloudEmulator, home: ScratchDirectory) async throws {
        let configuration = emulator.configuration
        guard let key = configuration.accessKeys.first, let role = configuration.roles.first else {
            throw CredentialsError(.invalidArgument, "the emulator configuration has no AccessKey or role")
        }
        say("1. Cloud emulator listening on \(emulator.baseURL) (STS, ECS metadata, credentials URI)")
        let profile = """
            {
                "current": "quickstart",
                "profiles": [
                    {
                        "name": "quickstart",
                        "mode": "RamRoleArn",
                        "access_key_id": "\(key.id)",
                        "access_key_secret": "\(key.secret)",
                        "ram_role_arn": "\(role.arn)",
                        "ram_session_name": "cloudcred-quickstart",
                        "expired_seconds": 3600,
                        "sts_region": "cn-hangzhou"
                    }
                ]
            }
            """
        try home.write(profile, to: ".aliyun/config.json")
        say("2. Throw-away HOME \(home.path) with ~/.aliyun/config.json: profile \"quickstart\" (mode RamRoleArn, role \(role.arn))")

        let environment = Environment([
            "HOME": home.path,
            "CLOUDCRED_CONNECT_TO": emulator.connectTo,
            "ALIBABA_CLOUD_ECS_METADATA_DISABLED": "true",
        ])
        let context = ProviderContext(environment: environment, logger: Logging.make(environment: Environment.process))
        let client = CredentialsClient(context: context)
        let model: CredentialModel
        do {
            model = try await client.credential()
            await client.shutdown()
        } catch {
            await client.shutdown()
            throw error
        }
        let stsCalls = emulator.requestCount(.sts)
        say("3. Default chain → cli_profile → ram_role_arn: STS AssumeRole on sts.cn-hangzhou.aliyuncs.com (\(stsCalls) call, signature checked by the emulator)")
        say("")
        say("Credentials resolved:")
        StandardStreams.write(CredentialOutput(model: model, reveal: reveal, now: context.clock.now()).human)
        say("")
        try await registryLogins(emulator: emulator, home: home)
        say("")
        say("Next: run `cloudcred emulator` and set CLOUDCRED_CONNECT_TO to use it from your own programs and tests.")
    }

    /// Steps 4 and 5: an ACR and an SWR login through the login service, each checked at the registry's `/v2/`.
    private func registryLogins(emulator: CloudEmulator, home: ScratchDirectory) async throws {
        guard let huawei = emulator.configuration.huawei.accessKeys.first else {
            throw CredentialsError(.invalidArgument, "the emulator configuration has no Huawei AccessKey")
        }
        let environment = Environment([
            "HOME": home.path, "XDG_CACHE_HOME": home.path + "/.cache", "XDG_DATA_HOME": home.path + "/.local/share",
            "XDG_CONFIG_HOME": home.path + "/.config", "CLOUDCRED_CONNECT_TO": emulator.connectTo,
            "ALIBABA_CLOUD_ECS_METADATA_DISABLED": "true", "HUAWEICLOUD_SDK_METADATA_DISABLED": "true",
            "HUAWEICLOUD_SDK_AK": huawei.ak, "HUAWEICLOUD_SDK_SK": huawei.sk,
        ])
        let transport = CloudHTTPClient(environment: environment)
        do {
            let service = try RegistryLoginService(environment: environment, transport: transport)
            let steps = [
                ("4", "registry.cn-hangzhou.aliyuncs.com", "ACR personal edition: cr GetAuthorizationToken signed with the STS credentials above"),
                ("5", "swr.cn-north-4.myhuaweicloud.com", "Huawei SWR: long-term login from HUAWEICLOUD_SDK_AK/SK (HMAC-SHA256, offline)"),
            ]
            for (number, host, how) in steps {
                guard case .login(let login, _) = try await service.login(for: host) else {
                    throw CredentialsError(.providerFailed, "\(host) was not recognised as a registry of ours")
                }
                let status = try await registryStatus(host: host, login: login, transport: transport)
                say("\(number). \(host): \(how)")
                say("   user \(login.username), password \(reveal ? login.password : Redact.secret(login.password)), expires \(login.expiresAt.map { TimeFormat.iso8601($0) } ?? "never")")
                say("   GET https://\(host)/v2/ with that login → HTTP \(status)\(status == 200 ? " (docker login would succeed)" : "")")
                guard status == 200 else {
                    throw CredentialsError(.providerFailed, "the emulator's registry refused the \(host) login (HTTP \(status))")
                }
            }
            await transport.shutdown()
        } catch {
            await transport.shutdown()
            throw error
        }
    }

    /// The status of `GET /v2/` with Basic auth, as `docker login` checks a password.
    private func registryStatus(host: String, login: RegistryPassword, transport: CloudHTTPClient) async throws -> Int {
        let basic = Data("\(login.username):\(login.password)".utf8).base64EncodedString()
        let request = HTTPRequest(
            method: "GET", scheme: "https", host: host, path: "/v2/", headers: [("Authorization", "Basic \(basic)")],
            routing: .cloudEndpoint)
        return try await transport.send(request).status
    }

    private func say(_ line: String) {
        StandardStreams.write(line + "\n")
    }
}
