import CloudcredTestSupport
import CloudEmulator
import CloudHTTP
import CredentialsCore
import Foundation
import Testing

@testable import AlibabaCloudCredentials

/// The chain vectors of the Python library (V1–V24) that involve the OIDC, INI, ECS and URI links.
/// As in the vectors, ECS is disabled unless a test says otherwise.
@Suite("Default chain")
struct DefaultChainTests {
    static let ecsOff = ["ALIBABA_CLOUD_ECS_METADATA_DISABLED": "true"]
    static let prefix = "unable to load credentials from any of the providers in the chain: "

    func chainError(_ context: ProviderContext) async -> CredentialsError? {
        await failure { try await DefaultCredentialsChain(context: context).credential() }
    }

    func envItem(_ text: String = "Environment variable accessKeyId cannot be empty") -> String {
        "EnvironmentVariableCredentialsProvider: \(text)"
    }

    func cliItem(_ world: TestWorld) -> String {
        "CLIProfileCredentialsProvider: unable to open credentials file: \(world.home.cliConfigPath)"
    }

    func iniItem(_ world: TestWorld) -> String {
        "ProfileCredentialsProvider: failed to get credential from credentials file: $\(world.home.iniPath)"
    }

    @Test("V24: nothing configured: the exact three-item message")
    func v24() async throws {
        try await withWorld { world in
            let error = await chainError(world.context(Self.ecsOff))
            let h = world.home.path
            #expect(error?.message
                == "unable to load credentials from any of the providers in the chain: ['EnvironmentVariableCredentialsProvider: "
                + "Environment variable accessKeyId cannot be empty', 'CLIProfileCredentialsProvider: unable to open credentials file: "
                + "\(h)/.aliyun/config.json', 'ProfileCredentialsProvider: failed to get credential from credentials file: "
                + "$\(h)/.alibabacloud/credentials.ini']")
            #expect(error?.code == .chainExhausted)
        }
    }

    @Test("V4: only ALIBABA_CLOUD_ACCESS_KEY_ID: the exact message")
    func v4() async throws {
        try await withWorld { world in
            let error = await chainError(world.context(Self.ecsOff.merging(["ALIBABA_CLOUD_ACCESS_KEY_ID": "ak"]) { $1 }))
            let h = world.home.path
            #expect(error?.message
                == "unable to load credentials from any of the providers in the chain: ['EnvironmentVariableCredentialsProvider: "
                + "Environment variable accessKeySecret cannot be empty', 'CLIProfileCredentialsProvider: unable to open credentials file: "
                + "\(h)/.aliyun/config.json', 'ProfileCredentialsProvider: failed to get credential from credentials file: "
                + "$\(h)/.alibabacloud/credentials.ini']")
        }
    }

    @Test("V14: CLI disabled, ini with comments: default/profile/static_ak")
    func v14() async throws {
        try await withWorld { world in
            try world.home.write(
                ".alibabacloud/credentials.ini",
                "[default]\ntype = access_key   # c\naccess_key_id = iniak # comment\naccess_key_secret = inisk\n")
            let client = CredentialsClient(context: world.context(Self.ecsOff.merging(["ALIBABA_CLOUD_CLI_PROFILE_DISABLED": "TRUE"]) { $1 }))
            let model = try await client.credential()
            #expect(model.accessKeyId == "iniak")
            #expect(model.accessKeySecret == "inisk")
            #expect(model.securityToken == nil)
            #expect(model.type == "default")
            #expect(model.providerName == "default/profile/static_ak")
        }
    }

    @Test("V15: an unsupported ini type, CLI disabled: the exact message")
    func v15() async throws {
        try await withWorld { world in
            try world.home.write(".alibabacloud/credentials.ini", "[client2]\ntype = bearer\n")
            let env = Self.ecsOff.merging(["ALIBABA_CLOUD_CLI_PROFILE_DISABLED": "TRUE", "ALIBABA_CLOUD_PROFILE": "client2"]) { $1 }
            let error = await chainError(world.context(env))
            #expect(error?.message == Self.prefix + PythonRepr.stringList([
                envItem(),
                "CLIProfileCredentialsProvider: cli credentials file is disabled",
                "ProfileCredentialsProvider: unsupported credential type bearer from credentials file \(world.home.iniPath)",
            ]))
            #expect(error?.message.hasSuffix(
                "'ProfileCredentialsProvider: unsupported credential type bearer from credentials file \(world.home.iniPath)']") == true)
        }
    }

    @Test("V16: an ini ecs_ram_role with ECS disabled: 'ProfileCredentialsProvider: IMDS credentials is disabled'")
    func v16() async throws {
        try await withWorld { world in
            try world.home.write(".alibabacloud/credentials.ini", "[client1]\ntype = ecs_ram_role\n")
            let env = Self.ecsOff.merging(["ALIBABA_CLOUD_CLI_PROFILE_DISABLED": "true", "ALIBABA_CLOUD_PROFILE": "client1"]) { $1 }
            let error = await chainError(world.context(env))
            #expect(error?.message.hasSuffix(", 'ProfileCredentialsProvider: IMDS credentials is disabled']") == true)
            #expect(DefaultCredentialsChain.standardLinks(context: world.context(env)).map(\.name) == [
                "EnvironmentVariableCredentialsProvider", "CLIProfileCredentialsProvider", "ProfileCredentialsProvider",
            ])
        }
    }

    @Test("V17: ALIBABA_CLOUD_CREDENTIALS_FILE names the ini file")
    func v17() async throws {
        try await withWorld { world in
            let custom = try world.home.write("x/custom.ini", "[default]\ntype = access_key\naccess_key_id = customak\naccess_key_secret = customsk\n")
            let env = Self.ecsOff.merging(["ALIBABA_CLOUD_CLI_PROFILE_DISABLED": "TRUE", "ALIBABA_CLOUD_CREDENTIALS_FILE": custom]) { $1 }
            let credential = try await DefaultCredentialsChain(context: world.context(env)).credential()
            #expect(credential.accessKeyId == "customak")
            #expect(credential.providerName == "default/profile/static_ak")
        }
    }

    @Test("V18: ECS enabled, token PUT refused (403): IMDSv1 fallback, default/ecs_ram_role")
    func v18() async throws {
        try await withWorld { world in
            world.emulator.addFault(FaultRule(endpoint: .ecsMetadata, path: Standard.ecsTokenPath, effect: .status(403)))
            let model = try await CredentialsClient(context: world.context()).credential()
            #expect(model.type == "default")
            #expect(model.providerName == "default/ecs_ram_role")
            #expect(model.accessKeyId?.hasPrefix("STS.") == true)
            #expect(model.securityToken?.isEmpty == false)
            #expect(world.records(.ecsMetadata).filter { $0.method == "GET" }.allSatisfy { $0.header("X-aliyun-ecs-metadata-token") == nil })
        }
    }

    @Test("V19: V18 with ALIBABA_CLOUD_IMDSV1_DISABLED=true: the exact message ends with the token error")
    func v19() async throws {
        try await withWorld { world in
            world.emulator.addFault(FaultRule(endpoint: .ecsMetadata, path: Standard.ecsTokenPath, effect: .status(403)))
            let error = await chainError(world.context(["ALIBABA_CLOUD_IMDSV1_DISABLED": "true"]))
            #expect(error?.message == Self.prefix + PythonRepr.stringList([
                envItem(), cliItem(world), iniItem(world),
                "EcsRamRoleCredentialsProvider: Failed to get token from ECS Metadata Service. HttpCode=403",
            ]))
            #expect(error?.message.hasSuffix(", 'EcsRamRoleCredentialsProvider: Failed to get token from ECS Metadata Service. HttpCode=403']") == true)
        }
    }

    @Test("V20: ALIBABA_CLOUD_CREDENTIALS_URI: default/credential_uri, then that provider alone is asked")
    func v20() async throws {
        try await withWorld { world in
            let chain = DefaultCredentialsChain(context: world.context(Self.ecsOff.merging(["ALIBABA_CLOUD_CREDENTIALS_URI": world.credentialsURI]) { $1 }))
            #expect(chain.links.map(\.name).last == "URLCredentialsProvider")
            let credential = try await chain.credential()
            #expect(credential.providerName == "default/credential_uri")

            // Reuse of the last provider: its own error propagates unchanged, without the other links.
            world.emulator.addFault(FaultRule(endpoint: .credentialsURI, effect: .status(500, body: "boom")))
            world.clock.advance(by: 3601)
            let error = await failure { try await chain.credential() }
            #expect(error?.message == "error refreshing credentials from \(world.credentialsURI),  http_code=500, result: boom")
        }
    }

    @Test("V21: URI answers Code Fail: the last item")
    func v21() async throws {
        try await withWorld { world in
            world.emulator.addFault(FaultRule(endpoint: .credentialsURI, effect: .status(200, body: #"{"Code": "Fail"}"#)))
            let error = await chainError(world.context(Self.ecsOff.merging(["ALIBABA_CLOUD_CREDENTIALS_URI": world.credentialsURI]) { $1 }))
            #expect(error?.message == Self.prefix + PythonRepr.stringList([
                envItem(), cliItem(world), iniItem(world),
                #"URLCredentialsProvider: error retrieving credentials from \#(world.credentialsURI) result: {"Code": "Fail"}"#,
            ]))
            #expect(error?.message.hasSuffix(
                #", 'URLCredentialsProvider: error retrieving credentials from \#(world.credentialsURI) result: {"Code": "Fail"}']"#) == true)
        }
    }

    @Test("V22: URI answers 500 boom: the last item, with two spaces before http_code")
    func v22() async throws {
        try await withWorld { world in
            world.emulator.addFault(FaultRule(endpoint: .credentialsURI, effect: .status(500, body: "boom")))
            let error = await chainError(world.context(Self.ecsOff.merging(["ALIBABA_CLOUD_CREDENTIALS_URI": world.credentialsURI]) { $1 }))
            #expect(error?.message.hasSuffix(
                ", 'URLCredentialsProvider: error refreshing credentials from \(world.credentialsURI),  http_code=500, result: boom']") == true)
        }
    }

    @Test("V23: the three OIDC variables with a missing token file: the OIDC item is second, double-quoted")
    func v23() async throws {
        try await withWorld { world in
            let env = Self.ecsOff.merging([
                "ALIBABA_CLOUD_ROLE_ARN": Standard.roleArn, "ALIBABA_CLOUD_OIDC_PROVIDER_ARN": Standard.oidcProviderArn,
                "ALIBABA_CLOUD_OIDC_TOKEN_FILE": "/nonexistent/token",
            ]) { $1 }
            let error = await chainError(world.context(env))
            #expect(error?.message == Self.prefix + "['\(envItem())', "
                + "\"OIDCRoleArnCredentialsProvider: [Errno 2] No such file or directory: '/nonexistent/token'\", "
                + "'\(cliItem(world))', '\(iniItem(world))']")
        }
    }

    @Test("OIDC in the chain: default/oidc_role_arn when the three variables are set and the token file exists")
    func oidcSuccess() async throws {
        try await withWorld { world in
            let tokenFile = try world.home.write("token", "eyJ.chain\n")
            let env = Self.ecsOff.merging([
                "ALIBABA_CLOUD_ROLE_ARN": Standard.roleArn, "ALIBABA_CLOUD_OIDC_PROVIDER_ARN": Standard.oidcProviderArn,
                "ALIBABA_CLOUD_OIDC_TOKEN_FILE": tokenFile,
            ]) { $1 }
            let model = try await CredentialsClient(context: world.context(env)).credential()
            #expect(model.providerName == "default/oidc_role_arn")
            #expect(world.records(.sts).first?.host == "sts.aliyuncs.com")
        }
    }

    @Test("the links: OIDC only with all three variables non-empty, ECS unless disabled, URI only when set")
    func links() async throws {
        try await withWorld { world in
            let all = [
                "ALIBABA_CLOUD_ROLE_ARN": "r", "ALIBABA_CLOUD_OIDC_PROVIDER_ARN": "p", "ALIBABA_CLOUD_OIDC_TOKEN_FILE": "f",
                "ALIBABA_CLOUD_CREDENTIALS_URI": world.credentialsURI,
            ]
            #expect(DefaultCredentialsChain.standardLinks(context: world.context(all)).map(\.name) == [
                "EnvironmentVariableCredentialsProvider", "OIDCRoleArnCredentialsProvider", "CLIProfileCredentialsProvider",
                "ProfileCredentialsProvider", "EcsRamRoleCredentialsProvider", "URLCredentialsProvider",
            ])
            var partial = all
            partial["ALIBABA_CLOUD_OIDC_PROVIDER_ARN"] = ""
            partial["ALIBABA_CLOUD_CREDENTIALS_URI"] = ""
            partial["ALIBABA_CLOUD_ECS_METADATA_DISABLED"] = "TRUE"
            #expect(DefaultCredentialsChain.standardLinks(context: world.context(partial)).map(\.name) == [
                "EnvironmentVariableCredentialsProvider", "CLIProfileCredentialsProvider", "ProfileCredentialsProvider",
            ])
        }
    }

    @Test("no metadata service (connection refused): the ECS link fails after one request")
    func ecsFailsFast() async throws {
        let closed = try await closedLoopbackAddress()
        try await withWorld { world in
            let environment = world.context(["CLOUDCRED_CONNECT_TO": closed]).environment
            let transport = CloudHTTPClient(environment: environment)
            let context = ProviderContext(environment: environment, homeDirectory: world.home.path, clock: world.clock, transport: transport)
            let error = await chainError(context)
            await transport.shutdown()
            // The token endpoint is named: no IMDSv1 request followed the refused token request.
            #expect(error?.message == Self.prefix + PythonRepr.stringList([
                envItem(), cliItem(world), iniItem(world),
                "EcsRamRoleCredentialsProvider: request to http://100.100.100.200/latest/api/token "
                    + "(through CLOUDCRED_CONNECT_TO=\(closed)) failed: connection refused",
            ]))
        }
    }
}
