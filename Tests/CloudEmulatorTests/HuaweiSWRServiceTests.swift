import CloudSigning
import CredentialsCore
import Foundation
import Testing

@testable import CloudEmulator

@Suite("Huawei SWR CreateSecret")
struct HuaweiSWRServiceTests {
    @Test("a signed request gets the auths body, the docker login and expiry headers, and a recorded login")
    func createSecret() async throws {
        try await withEmulator { emulator async throws in
            let reply = try await HuaweiTestRequest().send(emulator)
            #expect(reply.status == 200)
            let auths = try #require(reply.json["auths"] as? [String: Any])
            #expect(Array(auths.keys) == ["swr.cn-north-4.myhuaweicloud.com"])
            let auth = try #require((auths["swr.cn-north-4.myhuaweicloud.com"] as? [String: Any])?["auth"] as? String)
            let decoded = String(decoding: try #require(Data(base64Encoded: auth)), as: UTF8.self)
            let login = try #require(emulator.issuedRegistryLogins().last)
            #expect(decoded == "\(login.username):\(login.password)")
            #expect(login.kind == .swrTemporary)
            #expect(login.hosts == ["swr.cn-north-4.myhuaweicloud.com"])
            #expect(login.username.hasPrefix("cn-north-4@"))
            #expect(login.requestedBy == HuaweiTestRequest.standardAK)
            #expect(reply.header("X-Swr-Dockerlogin") == "docker login -u \(login.username) -p \(login.password) swr.cn-north-4.myhuaweicloud.com")
            let expiry = try #require(login.expiration)
            #expect(abs(expiry.timeIntervalSince(login.issuedAt) - 21600) < 0.001)
            #expect(reply.header("X-Swr-Expireat")?.hasSuffix("Z") == true)
            #expect(reply.header("X-Swr-Expireat")?.contains(".") == true)
        }
    }

    @Test("the European and OTC API hosts serve their own registry hosts; projectname names the user's project")
    func otherDomains() async throws {
        try await withEmulator { emulator async throws in
            var request = HuaweiTestRequest(host: "swr-api.eu-west-101.myhuaweicloud.eu")
            request.query = ["projectname": "eu-west-101_sub"]
            #expect(try await request.send(emulator).status == 200)
            #expect(emulator.issuedRegistryLogins().last?.hosts == ["swr.eu-west-101.myhuaweicloud.eu"])
            #expect(emulator.issuedRegistryLogins().last?.username.hasPrefix("eu-west-101_sub@") == true)
            #expect(try await HuaweiTestRequest(host: "swr-api.eu-de.otc.t-systems.com").send(emulator).status == 200)
            #expect(emulator.issuedRegistryLogins().last?.hosts == ["swr.eu-de.otc.t-systems.com"])
        }
    }

    @Test("refusals shaped like APIG's (401 APIG.0301)", arguments: [
        ("wrong SK", "verify aksk signature fail"),
        ("unknown AK", "does not exist"),
        ("old date", "signature expired"),
        ("host not signed", "do not include host"),
    ])
    func refusals(kind: String, expected: String) async throws {
        try await withEmulator { emulator async throws in
            var request = HuaweiTestRequest()
            var ak = HuaweiTestRequest.standardAK
            var sk = HuaweiTestRequest.standardSK
            switch kind {
            case "wrong SK": sk = "NotTheSecret"
            case "unknown AK": ak = "HWUNKNOWNAK000000000"
            case "old date": request.date = Date().addingTimeInterval(-16 * 60)
            default: request.unsigned = ["host"]
            }
            let reply = try await request.send(emulator, ak: ak, sk: sk)
            #expect(reply.status == 401)
            #expect(reply.apigCode == "APIG.0301")
            #expect(reply.apigMessage.hasPrefix("Incorrect IAM authentication information: "))
            #expect(reply.apigMessage.contains(expected))
            #expect(reply.json["request_id"] is String)
            #expect(emulator.issuedRegistryLogins().isEmpty)
        }
    }

    @Test("no Authorization header, or another algorithm: 401")
    func badAuthorization() async throws {
        try await withEmulator { emulator async throws in
            let host = "swr-api.cn-north-4.myhuaweicloud.com"
            let none = try await fetch(emulator, host: host, method: "POST", path: "/v2/manage/utils/secret", body: "")
            #expect(none.status == 401)
            #expect(none.apigMessage.contains("Authorization header is missing"))
            let other = try await fetch(
                emulator, host: host, method: "POST", path: "/v2/manage/utils/secret",
                headers: [("Authorization", "SDK-HMAC-SM3 Access=A, SignedHeaders=host, Signature=ab")], body: "")
            #expect(other.status == 401)
        }
    }

    @Test("metadata credentials work with their security token and are refused without it or with another")
    func metadataCredentials() async throws {
        try await withEmulator { emulator async throws in
            let (ak, sk, token) = try await huaweiMetadataCredential(emulator)
            #expect(try await HuaweiTestRequest(securityToken: token).send(emulator, ak: ak, sk: sk).status == 200)
            let missing = try await HuaweiTestRequest().send(emulator, ak: ak, sk: sk)
            #expect(missing.status == 401)
            #expect(missing.apigMessage.contains("X-Security-Token is missing"))
            let other = try await HuaweiTestRequest(securityToken: "forged").send(emulator, ak: ak, sk: sk)
            #expect(other.apigMessage.contains("does not belong"))
        }
    }

    @Test("expired metadata credentials are refused")
    func expiredMetadataCredentials() async throws {
        let clock = ManualClock(now: Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)))
        try await withEmulator(clock: clock) { emulator async throws in
            let (ak, sk, token) = try await huaweiMetadataCredential(emulator)
            clock.advance(by: 86400 + 1)
            let reply = try await HuaweiTestRequest(date: clock.now(), securityToken: token).send(emulator, ak: ak, sk: sk)
            #expect(reply.apigMessage.contains("security token has expired"))
        }
    }

    @Test("other paths 404 and other methods 405, APIG-shaped; the fault action is CreateSecret")
    func routing() async throws {
        try await withEmulator { emulator async throws in
            let host = "swr-api.cn-north-4.myhuaweicloud.com"
            let unknown = try await fetch(emulator, host: host, path: "/v2/manage/namespaces")
            #expect(unknown.status == 404)
            #expect(unknown.apigCode == "APIG.0101")
            #expect(try await HuaweiTestRequest(method: "GET").send(emulator).status == 405)
            emulator.addFault(FaultRule(endpoint: .swr, action: "CreateSecret", times: 1, effect: .status(503)))
            #expect(try await HuaweiTestRequest().send(emulator).status == 503)
            #expect(try await HuaweiTestRequest().send(emulator).status == 200)
        }
    }
}
