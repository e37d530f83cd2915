import CloudcredTestSupport
import CloudEmulator
import CredentialsCore
import Foundation
import Testing

@testable import AlibabaCloudCredentials

@Suite("CredentialsClient(config:) for ecs_ram_role, credentials_uri, rsa_key_pair, oidc_role_arn")
struct ConfigClientTests {
    @Test("P5, P6, P7: validation errors surface from the client's initialiser")
    func validation() async throws {
        try await withWorld { world in
            let context = world.context()
            let cases: [(Config, String)] = [
                (Config(type: "oidc_role_arn", roleArn: "r"), "oidc_provider_arn or environment variable ALIBABA_CLOUD_OIDC_PROVIDER_ARN cannot be empty"),
                (Config(type: "rsa_key_pair", publicKeyId: "p"), "private_key_file cannot be empty"),
                (Config(type: "credentials_uri"), "uri or environment variable ALIBABA_CLOUD_CREDENTIALS_URI cannot be empty"),
                (Config(type: "rsa_key_pair", roleSessionExpiration: 100, publicKeyId: "p", privateKeyFile: "f"),
                 "session duration should be in the range of 900s - max session duration"),
            ]
            for (config, message) in cases {
                let error = failure(sync: { try CredentialsClient(config: config, context: context) })
                #expect(error?.message == message)
                #expect(error?.code == .invalidArgument)
            }
            let disabled = failure(sync: {
                try CredentialsClient(config: Config(type: "ecs_ram_role"), context: world.context(["ALIBABA_CLOUD_ECS_METADATA_DISABLED": "true"]))
            })
            #expect(disabled?.message == "IMDS credentials is disabled")
            let unknown = failure(sync: { try CredentialsClient(config: Config(type: "x"), context: context) })
            #expect(unknown?.message
                == "invalid type option, support: access_key, sts, bearer, ecs_ram_role, ram_role_arn, rsa_key_pair, oidc_role_arn, credentials_uri")
        }
    }

    @Test("ecs_ram_role: role name and disable_imds_v1 from the config")
    func ecsRamRole() async throws {
        try await withWorld { world in
            let client = try CredentialsClient(config: Config(type: "ecs_ram_role", roleName: Standard.ecsRole), context: world.context())
            let model = try await client.credential()
            #expect(model.type == "ecs_ram_role")
            #expect(model.providerName == "ecs_ram_role")
            #expect(world.emulator.requestCount(.ecsMetadata) == 2)

            world.emulator.addFault(FaultRule(endpoint: .ecsMetadata, path: Standard.ecsTokenPath, effect: .status(403)))
            let strict = try CredentialsClient(
                config: Config(type: "ecs_ram_role", roleName: Standard.ecsRole, disableIMDSv1: true), context: world.context())
            let error = await failure { try await strict.credential() }
            #expect(error?.message == "Failed to get token from ECS Metadata Service. HttpCode=403")
        }
    }

    @Test("timeout is the read timeout in milliseconds")
    func readTimeoutFromConfig() async throws {
        try await withWorld { world in
            world.emulator.addFault(FaultRule(endpoint: .ecsMetadata, path: Standard.ecsCredentialsPath, effect: .delay(milliseconds: 700)))
            let client = try CredentialsClient(
                config: Config(type: "ecs_ram_role", roleName: Standard.ecsRole, disableIMDSv1: true, timeout: 200, connectTimeout: 300),
                context: world.context())
            let error = await failure { try await client.credential() }
            #expect(error?.message.hasSuffix("read timed out after 200 ms") == true)
        }
    }

    @Test("credentials_uri: type credentials_uri, provider credential_uri")
    func credentialsURI() async throws {
        try await withWorld { world in
            let client = try CredentialsClient(config: Config(type: "credentials_uri", credentialsURI: world.credentialsURI), context: world.context())
            let model = try await client.credential()
            #expect(model.type == "credentials_uri")
            #expect(model.providerName == "credential_uri")
            #expect(model.securityToken?.isEmpty == false)
        }
    }

    @Test("rsa_key_pair: role_session_expiration is the duration, sts_endpoint the endpoint")
    func rsaKeyPair() async throws {
        try await withWorld { world in
            let keyFile = try world.home.write("key.pem", Standard.privateKey)
            let config = Config(
                type: "rsa_key_pair", roleSessionExpiration: 1200, publicKeyId: Standard.publicKeyId, privateKeyFile: keyFile,
                stsEndpoint: "sts.cn-hangzhou.aliyuncs.com")
            let model = try await CredentialsClient(config: config, context: world.context()).credential()
            #expect(model.type == "rsa_key_pair")
            #expect(model.providerName == "rsa_key_pair")
            #expect(model.securityToken == nil)
            let record = try #require(world.records(.sts).first)
            #expect(record.host == "sts.cn-hangzhou.aliyuncs.com")
            #expect(record.queryValue("DurationSeconds") == "1200")
        }
    }

    @Test("oidc_role_arn: every field reaches the request")
    func oidcRoleArn() async throws {
        try await withWorld { world in
            let tokenFile = try world.home.write("token", "eyJ.config\n")
            let config = Config(
                type: "oidc_role_arn", roleArn: Standard.roleArn, roleSessionName: "config-session", roleSessionExpiration: 900,
                policy: #"{"Version":"1","Statement":[]}"#, oidcProviderArn: Standard.oidcProviderArn, oidcTokenFilePath: tokenFile,
                stsEndpoint: "sts.cn-shanghai.aliyuncs.com")
            let model = try await CredentialsClient(config: config, context: world.context()).credential()
            #expect(model.type == "oidc_role_arn")
            #expect(model.providerName == "oidc_role_arn")
            let record = try #require(world.records(.sts).first)
            #expect(record.host == "sts.cn-shanghai.aliyuncs.com")
            #expect(record.queryValue("RoleSessionName") == "config-session")
            #expect(record.queryValue("DurationSeconds") == "900")
            #expect(record.queryValue("Policy") == #"{"Version":"1","Statement":[]}"#)
            #expect(record.queryValue("OIDCToken") == RecordedRequest.mask("eyJ.config"))
        }
    }
}

@Suite("aliyun CLI profiles: EcsRamRole, OIDC, CredentialsURI")
struct CLIInstanceModeTests {
    func writeConfig(_ world: TestWorld, _ profile: String) throws {
        try world.home.write(".aliyun/config.json", #"{"current": "p", "profiles": [\#(profile)]}"#)
    }

    @Test("EcsRamRole: ram_role_name; without it the role is discovered")
    func ecsRamRole() async throws {
        try await withWorld { world in
            try writeConfig(world, #"{"name": "p", "mode": "EcsRamRole", "ram_role_name": "\#(Standard.ecsRole)"}"#)
            let credential = try await CLIProfileProvider(context: world.context()).credential()
            #expect(credential.providerName == "cli_profile/ecs_ram_role")
            #expect(world.emulator.requestCount(.ecsMetadata) == 2)

            try writeConfig(world, #"{"name": "p", "mode": "EcsRamRole"}"#)
            _ = try await CLIProfileProvider(context: world.context()).credential()
            #expect(world.emulator.requestCount(.ecsMetadata) == 6)
        }
    }

    @Test("OIDC: role_session_name, expired_seconds 0 (→ 3600), sts_region and enable_vpc")
    func oidc() async throws {
        try await withWorld { world in
            let tokenFile = try world.home.write("token", "eyJ.cli\n")
            try writeConfig(world, """
                {"name": "p", "mode": "OIDC", "ram_role_arn": "\(Standard.roleArn)", "oidc_provider_arn": "\(Standard.oidcProviderArn)",
                 "oidc_token_file": "\(tokenFile)", "role_session_name": "cli-session", "expired_seconds": 0,
                 "sts_region": "cn-hangzhou", "enable_vpc": true}
                """)
            let model = try await CredentialsClient(context: world.context(["ALIBABA_CLOUD_ECS_METADATA_DISABLED": "true"])).credential()
            #expect(model.providerName == "default/cli_profile/oidc_role_arn")
            let record = try #require(world.records(.sts).first)
            #expect(record.host == "sts-vpc.cn-hangzhou.aliyuncs.com")
            #expect(record.queryValue("RoleSessionName") == "cli-session")
            #expect(record.queryValue("DurationSeconds") == "3600")
            #expect(record.queryValue("OIDCToken") == RecordedRequest.mask("eyJ.cli"))
        }
    }

    @Test("CredentialsURI (an extension: Python rejects this mode, aliyun CLI writes it)")
    func credentialsURI() async throws {
        try await withWorld { world in
            try writeConfig(world, #"{"name": "p", "mode": "CredentialsURI", "credentials_uri": "\#(world.credentialsURI)"}"#)
            let credential = try await CLIProfileProvider(context: world.context()).credential()
            #expect(credential.providerName == "cli_profile/credential_uri")

            try writeConfig(world, #"{"name": "p", "mode": "CredentialsURI"}"#)
            let error = await failure { try await CLIProfileProvider(context: world.context()).credential() }
            #expect(error?.message == "uri or environment variable ALIBABA_CLOUD_CREDENTIALS_URI cannot be empty")
        }
    }
}
