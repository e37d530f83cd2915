import CloudcredTestSupport
import CloudEmulator
import CredentialsCore
import Foundation
import Testing

@testable import HuaweiCloudCredentials

@Suite("Huawei ECS metadata provider")
struct HuaweiMetadataProviderTests {
    @Test("a token PUT (TTL 21600), then the security key with X-Metadata-Token; the credentials are the emulator's")
    func tokenThenSecurityKey() async throws {
        try await withHuaweiWorld { world in
            let value = try await world.metadataProvider().huaweiCredential()
            let issued = try #require(world.emulator.issuedCredentials().last)
            #expect(issued.kind == .huaweiMetadata)
            #expect(value.credential.accessKeyId == issued.accessKeyId)
            #expect(value.credential.accessKeySecret == issued.accessKeySecret)
            #expect(value.credential.securityToken == issued.securityToken)
            #expect(value.credential.expiration == issued.expiration)
            #expect(value.credential.expiration == world.clock.now().addingTimeInterval(86400))
            #expect(value.credential.providerName == "metadata")
            #expect(value.projectId == nil)

            let records = world.records()
            #expect(records.map(\.method) == ["PUT", "GET"])
            #expect(records.map(\.path) == [HuaweiPaths.token, HuaweiPaths.securityKey])
            #expect(records[0].host == "169.254.169.254")
            #expect(records[0].header("X-Metadata-Token-Ttl-Seconds") == "21600")
            #expect(records[1].header("X-Metadata-Token") != nil)
        }
    }

    @Test("v2Only: works with the token; when the token request is lost (404) the security key is refused 401")
    func v2Only() async throws {
        try await withHuaweiWorld(.huawei(.v2Only)) { world in
            _ = try await world.metadataProvider().credential()
            world.emulator.addFault(FaultRule(endpoint: .huaweiMetadata, path: HuaweiPaths.token, effect: .status(404)))
            let error = await failure { try await world.metadataProvider().credential() }
            #expect(error?.message == "the security key request to http://169.254.169.254/openstack/latest/securitykey failed with HTTP 401")
            #expect(error?.hint?.contains("X-Metadata-Token") == true)
            #expect(world.records().suffix(2).map(\.method) == ["PUT", "GET"])
            #expect(world.records().last?.header("X-Metadata-Token") == nil)
        }
    }

    @Test("older metadata (token PUT 404 or 405): asked without a token")
    func olderMetadata() async throws {
        for status in [404, 405] {
            try await withHuaweiWorld { world in
                world.emulator.addFault(FaultRule(endpoint: .huaweiMetadata, path: HuaweiPaths.token, effect: .status(status)))
                let credential = try await world.metadataProvider().credential()
                #expect(credential.securityToken?.isEmpty == false)
                #expect(world.records().last?.header("X-Metadata-Token") == nil)
            }
        }
    }

    @Test("a token request failing otherwise (500) is final: no security key request")
    func tokenFailure() async throws {
        try await withHuaweiWorld { world in
            world.emulator.addFault(FaultRule(endpoint: .huaweiMetadata, path: HuaweiPaths.token, effect: .status(500)))
            let error = await failure { try await world.metadataProvider().credential() }
            #expect(error?.message == "the session token request to http://169.254.169.254/meta-data/latest/api/token failed with HTTP 500")
            #expect(world.records().count == 1)
        }
    }

    @Test("no agency attached: 401 with the agency hint; metadata off: 404")
    func noAgencyAndOff() async throws {
        try await withHuaweiWorld(.huawei(.v1AndV2, agency: nil)) { world in
            let error = await failure { try await world.metadataProvider().credential() }
            #expect(error?.message.hasSuffix("failed with HTTP 401") == true)
            #expect(error?.hint?.contains("attach an agency") == true)
        }
        try await withHuaweiWorld(.huawei(.off)) { world in
            let error = await failure { try await world.metadataProvider().credential() }
            #expect(error?.message.hasSuffix("failed with HTTP 404") == true)
            #expect(error?.hint?.contains("no agency") == true)
        }
    }

    @Test("garbage and incomplete answers: errors naming the endpoint, without secrets")
    func badAnswers() async throws {
        try await withHuaweiWorld { world in
            world.emulator.addFault(FaultRule(endpoint: .huaweiMetadata, path: HuaweiPaths.securityKey, times: 1, effect: .malformedBody))
            // Generous read timeouts: this test is about answers, not time boxes (HuaweiMetadataTimeBoxTests).
            let garbage = await failure { try await world.metadataProvider().credential() }
            #expect(garbage?.message
                == "the answer of http://169.254.169.254/openstack/latest/securitykey is not a JSON object with a \"credential\" member")

            world.emulator.addFault(
                FaultRule(endpoint: .huaweiMetadata, path: HuaweiPaths.securityKey, times: 1, effect: .missingFields(["secret", "expires_at"])))
            let missing = await failure { try await world.metadataProvider().credential() }
            #expect(missing?.message == "the answer of http://169.254.169.254/openstack/latest/securitykey lacks secret, expires_at in \"credential\"")
            let issued = try #require(world.emulator.issuedCredentials().last)
            #expect(missing?.message.contains(issued.accessKeyId) == false)
        }
    }

    @Test("cached until 40 minutes before expiry, then refreshed")
    func refreshBeforeExpiry() async throws {
        try await withHuaweiWorld { world in
            let provider = try world.metadataProvider()
            let first = try await provider.credential()
            world.clock.advance(by: 86400 - 2400 - 1)
            #expect(try await provider.credential() == first)
            #expect(provider.fetches == 1)
            world.clock.advance(by: 2)
            let second = try await provider.credential()
            #expect(second.accessKeyId != first.accessKeyId)
            #expect(provider.fetches == 2)
            #expect(world.records().count == 4)
        }
    }

    @Test("HUAWEICLOUD_SDK_METADATA_DISABLED=true: the provider cannot be built")
    func disabled() async throws {
        try await withHuaweiWorld { world in
            #expect(throws: CredentialsError.self) { try world.metadataProvider(["HUAWEICLOUD_SDK_METADATA_DISABLED": "TRUE"]) }
            #expect(world.records().isEmpty)
        }
    }
}
