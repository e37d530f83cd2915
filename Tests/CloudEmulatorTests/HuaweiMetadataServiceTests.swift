import CredentialsCore
import Foundation
import Testing

@testable import CloudEmulator

@Suite("Huawei ECS metadata service")
struct HuaweiMetadataServiceTests {
    static let host = "169.254.169.254"
    static let securityKey = "/openstack/latest/securitykey"
    static let tokenPath = "/meta-data/latest/api/token"

    func configuration(_ mode: EmulatorHuaweiMetadata.Mode, agency: String? = "EmulatorAgency") -> EmulatorConfiguration {
        var configuration = EmulatorConfiguration.standard
        configuration.huawei.metadata = EmulatorHuaweiMetadata(mode: mode, agencyName: agency)
        return configuration
    }

    func token(_ emulator: CloudEmulator, ttl: String? = "21600") async throws -> Reply {
        try await fetch(
            emulator, host: Self.host, method: "PUT", path: Self.tokenPath,
            headers: ttl.map { [("X-Metadata-Token-Ttl-Seconds", $0)] } ?? [])
    }

    func securityKey(_ emulator: CloudEmulator, token: String? = nil) async throws -> Reply {
        try await fetch(emulator, host: Self.host, path: Self.securityKey, headers: token.map { [("X-Metadata-Token", $0)] } ?? [])
    }

    @Test("v1AndV2: the security key with or without a token; a bad token is refused; the credentials are recorded")
    func v1AndV2() async throws {
        let clock = ManualClock(now: Date(timeIntervalSince1970: 1_700_000_000))
        try await withEmulator(configuration(.v1AndV2), clock: clock) { emulator async throws in
            let plain = try await securityKey(emulator)
            #expect(plain.status == 200)
            let credential = try #require(plain.json["credential"] as? [String: Any])
            #expect(credential["expires_at"] as? String == "2023-11-15T22:13:20.000000Z")
            let issued = try #require(emulator.issuedCredentials().last)
            #expect(issued.kind == .huaweiMetadata)
            #expect(credential["access"] as? String == issued.accessKeyId)
            #expect(credential["secret"] as? String == issued.accessKeySecret)
            #expect(credential["securitytoken"] as? String == issued.securityToken)
            #expect(issued.roleArn == "EmulatorAgency")

            let token = try await token(emulator)
            #expect(token.status == 200)
            #expect(try await securityKey(emulator, token: token.text).status == 200)
            #expect(try await securityKey(emulator, token: "forged").status == 401)
            #expect(emulator.recordedRequests(.huaweiMetadata).count == 4)
        }
    }

    @Test("v2Only: no token is 401, a valid one works")
    func v2Only() async throws {
        try await withEmulator(configuration(.v2Only)) { emulator async throws in
            #expect(try await securityKey(emulator).status == 401)
            let token = try await token(emulator).text
            #expect(try await securityKey(emulator, token: token).status == 200)
        }
    }

    @Test("token requests: TTL 1…21600 required, PUT only")
    func tokenRules() async throws {
        try await withEmulator { emulator async throws in
            #expect(try await token(emulator, ttl: nil).status == 400)
            #expect(try await token(emulator, ttl: "21601").status == 400)
            #expect(try await token(emulator, ttl: "1").status == 200)
            #expect(try await fetch(emulator, host: Self.host, path: Self.tokenPath).status == 405)
        }
    }

    @Test("off: every path 404; no agency: 401 asking for one; unknown paths 404")
    func offAndNoAgency() async throws {
        try await withEmulator(configuration(.off)) { emulator async throws in
            #expect(try await token(emulator).status == 404)
            #expect(try await securityKey(emulator).status == 404)
        }
        try await withEmulator(configuration(.v1AndV2, agency: nil)) { emulator async throws in
            let reply = try await securityKey(emulator)
            #expect(reply.status == 401)
            #expect(reply.text == "Please configure Cloud Service Agency first")
            #expect(emulator.issuedCredentials().isEmpty)
            #expect(try await fetch(emulator, host: Self.host, path: "/openstack/latest/meta_data.json").status == 404)
        }
    }

    @Test("reached on the loopback address by path, and kept apart from the Alibaba ECS metadata")
    func dispatchByPath() async throws {
        try await withEmulator { emulator async throws in
            #expect(try await fetch(emulator, path: Self.securityKey).status == 200)
            #expect(emulator.requestCount(.huaweiMetadata) == 1)
            #expect(emulator.requestCount(.ecsMetadata) == 0)
        }
    }
}
