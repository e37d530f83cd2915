import CredentialsCore
import Foundation
import Testing

@testable import CloudEmulator

@Suite("ECS metadata")
struct ECSMetadataTests {
    static let host = "100.100.100.200"
    static let list = "/latest/meta-data/ram/security-credentials/"

    func configuration(_ mode: EmulatorECS.Mode) -> EmulatorConfiguration {
        var configuration = EmulatorConfiguration.standard
        configuration.ecs.mode = mode
        return configuration
    }

    func token(_ emulator: CloudEmulator, ttl: String? = "21600") async throws -> Reply {
        try await fetch(
            emulator, host: Self.host, method: "PUT", path: "/latest/api/token",
            headers: ttl.map { [("X-aliyun-ecs-metadata-token-ttl-seconds", $0)] } ?? [])
    }

    func get(_ emulator: CloudEmulator, _ path: String, token: String? = nil) async throws -> Reply {
        try await fetch(emulator, host: Self.host, path: path, headers: token.map { [("X-aliyun-ecs-metadata-token", $0)] } ?? [])
    }

    @Test("v1AndV2: role list and credentials with or without a token; a bad token is refused")
    func v1AndV2() async throws {
        try await withEmulator(configuration(.v1AndV2)) { emulator async throws in
            let list = try await get(emulator, Self.list)
            #expect(list.status == 200)
            #expect(list.text == "EcsEmulatorRole")

            let withoutToken = try await get(emulator, Self.list + "EcsEmulatorRole")
            #expect(withoutToken.status == 200)
            #expect(withoutToken.json["Code"] as? String == "Success")
            for key in ["AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration", "LastUpdated"] {
                #expect(withoutToken.json[key] is String, "\(key)")
            }

            let token = try await token(emulator)
            #expect(token.status == 200)
            #expect(try await get(emulator, Self.list + "EcsEmulatorRole", token: token.text).status == 200)
            #expect(try await get(emulator, Self.list + "EcsEmulatorRole", token: "forged").status == 401)

            let records = emulator.recordedRequests(.ecsMetadata)
            #expect(records.count == 5)
            #expect(records[3].header("X-aliyun-ecs-metadata-token") == RecordedRequest.mask(token.text))
            #expect(!records.contains { $0.headers.contains { $0.value == token.text } })
        }
    }

    @Test("v2Only: no token is 403, an invalid one 401, a valid one works")
    func v2Only() async throws {
        try await withEmulator(configuration(.v2Only)) { emulator async throws in
            #expect(try await get(emulator, Self.list).status == 403)
            #expect(try await get(emulator, Self.list, token: "forged").status == 401)
            let token = try await token(emulator).text
            let list = try await get(emulator, Self.list, token: token)
            #expect(list.status == 200)
            #expect(try await get(emulator, Self.list + list.text, token: token).json["Code"] as? String == "Success")
        }
    }

    @Test("a token expires after its TTL on the emulator clock")
    func tokenExpiry() async throws {
        let clock = ManualClock(now: Date())
        try await withEmulator(configuration(.v2Only), clock: clock) { emulator async throws in
            let token = try await token(emulator, ttl: "60").text
            #expect(try await get(emulator, Self.list, token: token).status == 200)
            clock.advance(by: 61)
            #expect(try await get(emulator, Self.list, token: token).status == 401)
        }
    }

    @Test("noRole: the list and every role are 404; an unknown role is 404 in every mode")
    func noRole() async throws {
        try await withEmulator(configuration(.noRole)) { emulator async throws in
            #expect(try await get(emulator, Self.list).status == 404)
            #expect(try await get(emulator, Self.list + "EcsEmulatorRole").status == 404)
        }
        try await withEmulator(configuration(.v1AndV2)) { emulator async throws in
            #expect(try await get(emulator, Self.list + "OtherRole").status == 404)
            #expect(try await get(emulator, "/latest/meta-data/region-id").text == "cn-hangzhou")
        }
    }

    @Test("the token TTL must be 1…21600", arguments: [("0", 400), ("1", 200), ("21600", 200), ("21601", 400), ("abc", 400), (nil, 400)])
    func tokenTTL(ttl: String?, status: Int) async throws {
        try await withEmulator { emulator async throws in
            #expect(try await token(emulator, ttl: ttl).status == status)
        }
    }

    @Test("the token endpoint only takes PUT")
    func tokenMethod() async throws {
        try await withEmulator { emulator async throws in
            #expect(try await get(emulator, "/latest/api/token").status == 405)
        }
    }
}

@Suite("Credentials URI")
struct CredentialsURITests {
    @Test("GET /credentials answers Code=Success credentials")
    func standardPath() async throws {
        try await withEmulator { emulator async throws in
            let reply = try await fetch(emulator, path: "/credentials")
            #expect(reply.status == 200)
            #expect(reply.json["Code"] as? String == "Success")
            for key in ["AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration"] { #expect(reply.json[key] is String, "\(key)") }
            let expiration = try #require(TimeFormat.parseISO8601(reply.json["Expiration"] as? String ?? ""))
            #expect(abs(expiration.timeIntervalSinceNow - 3600) < 10)
            #expect(emulator.requestCount(.credentialsURI) == 1)
        }
    }

    @Test("the path and lifetime are configurable; other methods are refused")
    func configuredPath() async throws {
        var configuration = EmulatorConfiguration.standard
        configuration.credentialsURIPath = "/v1/creds"
        configuration.credentialLifetimeSeconds = 1200
        try await withEmulator(configuration) { emulator async throws in
            let reply = try await fetch(emulator, host: "localhost", path: "/v1/creds", query: "x=2&y=a+b")
            #expect(reply.status == 200)
            let expiration = try #require(TimeFormat.parseISO8601(reply.json["Expiration"] as? String ?? ""))
            #expect(abs(expiration.timeIntervalSinceNow - 1200) < 10)
            #expect(emulator.recordedRequests(.credentialsURI).first?.parameters == ["x": "2", "y": "a b"])
            #expect(try await fetch(emulator, path: "/credentials").status == 404)
            #expect(try await fetch(emulator, method: "POST", path: "/v1/creds").status == 405)
        }
    }
}
