import CloudcredTestSupport
import CloudEmulator
import CredentialsCore
import Foundation
import HuaweiCloudCredentials
import Testing

@testable import RegistryLogin

@Suite("SWR temporary login (CreateSecret) against the emulator")
struct SWRTemporaryLoginTests {
    @Test("a permanent AK/SK: a signed POST, the login the emulator issued, expiry from X-Swr-Expireat")
    func permanentKey() async throws {
        try await withSWRWorld { world in
            let login = try await world.client.login(endpoint: SWRTestEndpoints.north4, credential: world.permanentCredential)
            let issued = try #require(world.emulator.issuedRegistryLogins().last)
            #expect(issued.kind == .swrTemporary)
            #expect(issued.hosts == ["swr.cn-north-4.myhuaweicloud.com"])
            #expect(login.username == issued.username)
            #expect(login.username.hasPrefix("cn-north-4@"))
            #expect(login.password == issued.password)
            #expect(login.expiresAt == issued.expiration)
            #expect(login.expiresAt == world.clock.now().addingTimeInterval(21600))

            let record = try #require(world.records().first)
            #expect(record.method == "POST")
            #expect(record.host == "swr-api.cn-north-4.myhuaweicloud.com")
            #expect(record.path == "/v2/manage/utils/secret")
            #expect(record.query.map(\.name) == ["projectname"])
            #expect(record.query.first?.value == "cn-north-4")
            #expect(record.header("Content-Type") == "application/json")
            #expect(record.header("X-Sdk-Date") == TimeFormat.compactISO8601(world.clock.now()))
            #expect(record.header("X-Security-Token") == nil)
            #expect(record.status == 200)
        }
    }

    @Test("a project name other than the region, and the European domain")
    func projectAndDomain() async throws {
        try await withSWRWorld { world in
            let endpoint = try #require(SWREndpoint(registryHost: "swr.eu-west-101.myhuaweicloud.eu"))
            let login = try await world.client.login(endpoint: endpoint, credential: world.permanentCredential, projectName: "eu-west-101_sub")
            #expect(login.username.hasPrefix("eu-west-101_sub@"))
            #expect(world.emulator.issuedRegistryLogins().last?.hosts == ["swr.eu-west-101.myhuaweicloud.eu"])
        }
    }

    @Test("STS credentials from the emulator's Huawei metadata: X-Security-Token is sent and accepted")
    func metadataCredentials() async throws {
        try await withSWRWorld { world in
            let metadata = try HuaweiMetadataProvider(environment: world.environment, transport: world.transport, clock: world.clock, readTimeoutScale: 10)
            let credential = try await metadata.credential()
            let login = try await world.client.login(endpoint: SWRTestEndpoints.north4, credential: credential)
            #expect(world.emulator.issuedRegistryLogins().last?.requestedBy == credential.accessKeyId)
            #expect(!login.password.isEmpty)
            let record = try #require(world.records().last)
            #expect(record.header("X-Security-Token") == RecordedRequest.mask(credential.securityToken ?? ""))
        }
    }

    @Test("a wrong security token is refused with APIG.0301; the message has neither the token nor the signature")
    func wrongToken() async throws {
        try await withSWRWorld { world in
            let metadata = try HuaweiMetadataProvider(environment: world.environment, transport: world.transport, clock: world.clock, readTimeoutScale: 10)
            var credential = try await metadata.credential()
            credential.securityToken = "forged-security-token-value"
            let error = await failure { try await world.client.login(endpoint: SWRTestEndpoints.north4, credential: credential) }
            #expect(error?.message.hasPrefix("SWR CreateSecret at \(SWRTestEndpoints.url) failed with HTTP 401: APIG.0301: ") == true)
            #expect(error?.message.contains("forged-security-token-value") == false)
            #expect(error?.message.contains(credential.accessKeySecret) == false)
        }
    }

    @Test("a wrong SK: bad signature refused, one line naming the endpoint, with a hint")
    func badSignature() async throws {
        try await withSWRWorld { world in
            var credential = world.permanentCredential
            credential.accessKeySecret = "NotTheRightSecretKey000000000000000000"
            let error = await failure { try await world.client.login(endpoint: SWRTestEndpoints.north4, credential: credential) }
            #expect(error?.code == .server)
            #expect(error?.message.hasPrefix(
                "SWR CreateSecret at \(SWRTestEndpoints.url) failed with HTTP 401: APIG.0301: Incorrect IAM authentication information: verify aksk signature fail") == true)
            #expect(error?.message.contains("\n") == false)
            #expect(error?.message.contains(credential.accessKeySecret) == false)
            #expect(error?.hint?.contains("AK/SK") == true)
            #expect(world.emulator.issuedRegistryLogins().isEmpty)
        }
    }

    @Test("a clock 20 minutes off: signature expired, with the clock hint")
    func clockSkew() async throws {
        try await withSWRWorld { world in
            world.emulator.addFault(FaultRule(endpoint: .swr, action: "CreateSecret", times: 1, effect: .clockSkew(seconds: 1200)))
            let error = await failure { try await world.client.login(endpoint: SWRTestEndpoints.north4, credential: world.permanentCredential) }
            #expect(error?.message.contains("signature expired") == true)
            #expect(error?.hint?.contains("clock") == true)
        }
    }
}
