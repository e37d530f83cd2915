import CredentialsCore
import Foundation
import Testing

@testable import CloudEmulator

@Suite("ACR personal edition (GET /tokens)")
struct ACRPersonalTokenTests {
    @Test("an ACS3-signed GET /tokens answers a token in data, expiry in ms, and records the login for the legacy hosts")
    func acs3Token() async throws {
        try await withEmulator { emulator async throws in
            let reply = try await ACS3TestRequest.personalToken().send(emulator)
            #expect(reply.status == 200, "\(reply.text)")
            #expect(Set(reply.json.keys) == ["data", "requestId"])
            #expect(reply.json["requestId"] as? String == reply.header("x-acs-request-id"))
            let data = reply.data
            #expect(data["tempUserName"] as? String == "cr_temp_user")
            let token = try #require(data["authorizationToken"] as? String)
            let expires = try #require(Reply.date(milliseconds: data["expireDate"]))
            #expect(abs(expires.timeIntervalSinceNow - 3600) < 10)

            let login = try #require(emulator.issuedRegistryLogins().last)
            #expect(login.kind == .acrPersonal)
            #expect(login.username == "cr_temp_user" && login.password == token)
            #expect(login.requestedBy == Standard.accessKeyId)
            #expect(login.expiration.map { Int($0.timeIntervalSince1970 * 1000) } == data["expireDate"] as? Int)
            #expect(login.hosts == [
                "registry.cn-hangzhou.aliyuncs.com", "registry-vpc.cn-hangzhou.aliyuncs.com",
                "registry-intl.cn-hangzhou.aliyuncs.com", "registry-intl-vpc.cn-hangzhou.aliyuncs.com",
                "registry-internal.cn-hangzhou.aliyuncs.com",
            ])
            #expect(login.accepts(host: "registry-vpc.cn-hangzhou.aliyuncs.com", username: "cr_temp_user", password: token, now: Date()))
            #expect(emulator.recordedRequests(.acr).first?.annotations["signatureScheme"] == "acs3")
        }
    }

    @Test("a ROA v1 (acs AK:signature) request is accepted; the region comes from the cr host")
    func roaToken() async throws {
        try await withEmulator { emulator async throws in
            let reply = try await fetch(emulator, host: "cr-vpc.cn-shanghai.aliyuncs.com", path: "/tokens", headers: roaTokenHeaders())
            #expect(reply.status == 200, "\(reply.text)")
            #expect((reply.data["authorizationToken"] as? String)?.isEmpty == false)
            #expect(emulator.issuedRegistryLogins().last?.hosts.first == "registry.cn-shanghai.aliyuncs.com")
            #expect(emulator.recordedRequests(.acr).first?.annotations["signatureScheme"] == "roa-v1")
        }
    }

    @Test("tokenLifetimeSeconds sets the lifetime")
    func configuredLifetime() async throws {
        var configuration = EmulatorConfiguration.standard
        configuration.acr.tokenLifetimeSeconds = 600
        try await withEmulator(configuration) { emulator async throws in
            let reply = try await ACS3TestRequest.personalToken().send(emulator)
            let expires = try #require(Reply.date(milliseconds: reply.data["expireDate"]))
            #expect(abs(expires.timeIntervalSinceNow - 600) < 10)
        }
    }

    @Test("loopback requests are claimed by their cr x-acs-version; a wrong version or method is refused")
    func dispatchAndVersion() async throws {
        try await withEmulator { emulator async throws in
            var request = ACS3TestRequest.personalToken()
            request.host = emulator.connectTo
            var reply = try await request.send(emulator)
            #expect(reply.status == 200, "\(reply.text)")
            #expect(emulator.issuedRegistryLogins().last?.hosts.first == "registry.cn-hangzhou.aliyuncs.com")

            request = ACS3TestRequest.personalToken()
            request.version = ACRService.enterpriseVersion
            reply = try await request.send(emulator)
            #expect(reply.status == 400)
            #expect(reply.code == "InvalidVersion")

            request = ACS3TestRequest.personalToken()
            request.method = "POST"
            reply = try await request.send(emulator)
            #expect(reply.status == 405)
            #expect(emulator.requestCount(.acr) == 3)
        }
    }
}
