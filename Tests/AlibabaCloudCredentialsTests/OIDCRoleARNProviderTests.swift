import CloudcredTestSupport
import CloudEmulator
import CredentialsCore
import Foundation
import Testing

@testable import AlibabaCloudCredentials

@Suite("OIDC role ARN provider")
struct OIDCRoleARNProviderTests {
    func provider(_ world: TestWorld, tokenFile: String, policy: String? = nil, env: [String: String] = [:]) throws -> OIDCRoleARNProvider {
        try OIDCRoleARNProvider(
            roleARN: Standard.roleArn, oidcProviderARN: Standard.oidcProviderArn, oidcTokenFilePath: tokenFile, policy: policy,
            context: world.context(env))
    }

    @Test("an unsigned AssumeRoleWithOIDC GET in Python's parameter order; the token's trailing newline is trimmed")
    func success() async throws {
        try await withWorld { world in
            let tokenFile = try world.home.write("token", "eyJ.token\n")
            let provider = try provider(world, tokenFile: tokenFile)
            let credential = try await provider.credential()
            #expect(credential.providerName == "oidc_role_arn")
            #expect(credential.securityToken?.isEmpty == false)
            #expect(credential.expiration == world.clock.now().addingTimeInterval(3600))

            let record = try #require(world.records(.sts).first)
            #expect(record.status == 200)
            #expect(record.host == "sts.aliyuncs.com")
            #expect(record.queryNames == [
                "Action", "Format", "Version", "DurationSeconds", "RoleArn", "OIDCProviderArn", "OIDCToken", "RoleSessionName", "Timestamp",
            ])
            #expect(record.queryValue("Action") == "AssumeRoleWithOIDC")
            #expect(record.queryValue("DurationSeconds") == "3600")
            #expect(record.queryValue("OIDCToken") == RecordedRequest.mask("eyJ.token"))
            #expect(record.queryValue("RoleSessionName") == "credentials-swift-\(Int(world.clock.now().timeIntervalSince1970))")
            #expect(record.queryValue("Timestamp") == TimeFormat.iso8601(world.clock.now()))
            _ = try await provider.credential()
            #expect(world.emulator.requestCount(.sts) == 1)
        }
    }

    @Test("CRLF and several trailing line breaks are trimmed too; inner text is kept")
    func trimming() async throws {
        try await withWorld { world in
            let tokenFile = try world.home.write("token", "eyJ.a.b\r\n\n")
            #expect(try AssumeRoleWithOIDCRequest.readToken(tokenFile) == "eyJ.a.b")
            try world.home.write("token", "eyJ.a.b")
            #expect(try AssumeRoleWithOIDCRequest.readToken(tokenFile) == "eyJ.a.b")
        }
    }

    @Test("the token file is read again at every refresh, not at construction")
    func rereadsToken() async throws {
        try await withWorld { world in
            let tokenFile = world.home.path + "/token"
            let provider = try provider(world, tokenFile: tokenFile)
            try world.home.write("token", "eyJ.first\n")
            _ = try await provider.credential()
            try world.home.write("token", "eyJ.second\n")
            world.clock.advance(by: 3600 - 900 + 1)
            _ = try await provider.credential()
            let tokens = world.records(.sts).map { $0.queryValue("OIDCToken") }
            #expect(tokens == [RecordedRequest.mask("eyJ.first"), RecordedRequest.mask("eyJ.second")])
        }
    }

    @Test("a missing token file fails at refresh with Python's OSError text")
    func missingTokenFile() async throws {
        try await withWorld { world in
            let provider = try provider(world, tokenFile: "/nonexistent/token")
            let error = await failure { try await provider.credential() }
            #expect(error?.message == "[Errno 2] No such file or directory: '/nonexistent/token'")
            #expect(world.emulator.requestCount(.sts) == 0)
        }
    }

    @Test("validation order and texts")
    func validation() async throws {
        try await withWorld { world in
            let context = world.context()
            let cases: [(() throws -> OIDCRoleARNProvider, String)] = [
                ({ try OIDCRoleARNProvider(durationSeconds: 100, context: context) }, "session duration should be in the range of 900s - max session duration"),
                ({ try OIDCRoleARNProvider(context: context) }, "role_arn or environment variable ALIBABA_CLOUD_ROLE_ARN cannot be empty"),
                ({ try OIDCRoleARNProvider(roleARN: "r", context: context) },
                 "oidc_provider_arn or environment variable ALIBABA_CLOUD_OIDC_PROVIDER_ARN cannot be empty"),
                ({ try OIDCRoleARNProvider(roleARN: "r", oidcProviderARN: "p", oidcTokenFilePath: "", context: context) },
                 "oidc_token_file_path or environment variable ALIBABA_CLOUD_OIDC_TOKEN_FILE cannot be empty"),
            ]
            for (make, message) in cases {
                let error = failure(sync: make)
                #expect(error?.message == message)
                #expect(error?.code == .invalidArgument)
            }
            // 0 (aliyun CLI's expired_seconds) means the default.
            let zero = try OIDCRoleARNProvider(roleARN: "r", oidcProviderARN: "p", oidcTokenFilePath: "f", durationSeconds: 0, context: context)
            #expect(zero.durationSeconds == 3600)
        }
    }

    @Test("role ARN, provider ARN, token file and session name fall back to the environment")
    func environmentFallbacks() async throws {
        try await withWorld { world in
            let tokenFile = try world.home.write("token", "eyJ.env")
            let context = world.context([
                "ALIBABA_CLOUD_ROLE_ARN": Standard.roleArn, "ALIBABA_CLOUD_OIDC_PROVIDER_ARN": Standard.oidcProviderArn,
                "ALIBABA_CLOUD_OIDC_TOKEN_FILE": tokenFile, "ALIBABA_CLOUD_ROLE_SESSION_NAME": "env-session",
            ])
            let provider = try OIDCRoleARNProvider(roleARN: "", context: context)
            #expect(provider.roleARN == Standard.roleArn)
            #expect(provider.oidcTokenFilePath == tokenFile)
            #expect(provider.roleSessionName == "env-session")
            _ = try await provider.credential()
            #expect(world.records(.sts).first?.queryValue("RoleSessionName") == "env-session")
        }
    }

    @Test("policy is sent last; region and VPC settings choose the endpoint")
    func policyAndEndpoint() async throws {
        try await withWorld { world in
            let tokenFile = try world.home.write("token", "eyJ.policy")
            let policy = #"{"Statement":[{"Action":["*"],"Effect":"Allow","Resource":["*"]}],"Version":"1"}"#
            let provider = try OIDCRoleARNProvider(
                roleARN: Standard.roleArn, oidcProviderARN: Standard.oidcProviderArn, oidcTokenFilePath: tokenFile, policy: policy,
                stsRegionId: "cn-shanghai", enableVPC: true, context: world.context())
            #expect(provider.endpoint == "sts-vpc.cn-shanghai.aliyuncs.com")
            _ = try await provider.credential()
            let record = try #require(world.records(.sts).first)
            #expect(record.host == "sts-vpc.cn-shanghai.aliyuncs.com")
            #expect(record.queryNames.last == "Policy")
            #expect(record.queryValue("Policy") == policy)
        }
    }

    @Test("an STS error: error refreshing credentials from oidc_role_arn, http_code: <code>, result: <body>")
    func stsError() async throws {
        try await withWorld { world in
            let tokenFile = try world.home.write("token", "eyJ.x")
            let provider = try OIDCRoleARNProvider(
                roleARN: Standard.roleArn, oidcProviderARN: "acs:ram::1234567890123456:oidc-provider/unknown", oidcTokenFilePath: tokenFile,
                context: world.context())
            let error = await failure { try await provider.credential() }
            let message = try #require(error?.message)
            #expect(message.hasPrefix("error refreshing credentials from oidc_role_arn, http_code: 404, result: {"))
            #expect(message.contains("EntityNotExist.OIDCProvider"))
        }
    }

    @Test("an answer without SecurityToken: error retrieving credentials from oidc_role_arn result: … (secrets masked)")
    func missingField() async throws {
        try await withWorld { world in
            world.emulator.addFault(FaultRule(endpoint: .sts, action: "AssumeRoleWithOIDC", effect: .missingFields(["SecurityToken"])))
            let tokenFile = try world.home.write("token", "eyJ.x")
            let error = await failure { try await provider(world, tokenFile: tokenFile).credential() }
            let message = try #require(error?.message)
            #expect(message.hasPrefix("error retrieving credentials from oidc_role_arn result: {"))
            let issued = try #require(world.emulator.issuedCredentials().first)
            #expect(!message.contains(issued.accessKeySecret))
        }
    }

    @Test("a 503 and a dropped connection surface as errors naming the endpoint")
    func faults() async throws {
        try await withWorld { world in
            let tokenFile = try world.home.write("token", "eyJ.x")
            world.emulator.addFault(FaultRule(endpoint: .sts, times: 1, effect: .status(503)))
            let unavailable = await failure { try await provider(world, tokenFile: tokenFile).credential() }
            #expect(unavailable?.message.hasPrefix("error refreshing credentials from oidc_role_arn, http_code: 503, result: ") == true)
            world.emulator.addFault(FaultRule(endpoint: .sts, times: 1, effect: .dropConnection))
            let dropped = await failure { try await provider(world, tokenFile: tokenFile).credential() }
            #expect(dropped?.code == .network)
            #expect(dropped?.message.hasPrefix("request to https://sts.aliyuncs.com/") == true)
        }
    }
}
