import Foundation
import Testing

@testable import CloudEmulator

@Suite("Registry token realm")
struct RegistryTokenRealmTests {
    static let acrHost = "registry.cn-hangzhou.aliyuncs.com"

    @Test("an issued login gets a JWT that verifies with the published certificate and grants the requested actions")
    func issuedLoginGetsToken() async throws {
        try await withEmulator { emulator async throws in
            let login = try await issueLoginOverHTTP(emulator, hosts: [Self.acrHost])
            let reply = try await requestToken(emulator, service: Self.acrHost, credentials: login)
            #expect(reply.status == 200)
            #expect(reply.json["expires_in"] as? Int == 300)
            #expect(reply.json["issued_at"] is String)
            let token = try #require(reply.json["token"] as? String)
            #expect(reply.json["access_token"] as? String == token)

            let published = try await fetch(emulator, path: "/_emulator/registry/token-cert.pem")
            #expect(published.text == emulator.registryTokenCertificatePEM)
            let jwt = try DecodedJWT(token, certificatePEM: published.text)
            #expect(jwt.signatureValid)
            #expect(jwt.header["alg"] as? String == "ES256")
            #expect(jwt.header["typ"] as? String == "JWT")
            let pemBody = published.text.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
            #expect(jwt.header["x5c"] as? [String] == [pemBody])
            #expect(jwt.claims["iss"] as? String == CloudEmulator.registryTokenIssuer)
            #expect(jwt.claims["sub"] as? String == login.0)
            #expect(jwt.claims["aud"] as? String == Self.acrHost)
            let issuedAt = try #require(jwt.claims["iat"] as? Int)
            #expect(jwt.claims["exp"] as? Int == issuedAt + 300)
            #expect(jwt.claims["nbf"] as? Int == issuedAt)
            #expect((jwt.claims["jti"] as? String)?.isEmpty == false)
            let access = try #require(jwt.claims["access"] as? [[String: Any]])
            #expect(access.count == 1)
            #expect(access.first?["type"] as? String == "repository")
            #expect(access.first?["name"] as? String == "ns/app")
            #expect(access.first?["actions"] as? [String] == ["pull", "push"])
            #expect(emulator.requestCount(.registry) == 1)
        }
    }

    @Test("wrong password, unknown user, expired login and another host's login are refused with 401")
    func refusals() async throws {
        try await withEmulator { emulator async throws in
            let login = try await issueLoginOverHTTP(emulator, hosts: [Self.acrHost])
            emulator.issueRegistryLogin(IssuedRegistryLogin(
                kind: .acrPersonal, hosts: [], username: "expired-user", password: "expired-password",
                expiration: Date().addingTimeInterval(-5), issuedAt: Date().addingTimeInterval(-3600)))
            let attempts: [(service: String, credentials: (String, String))] = [
                (Self.acrHost, (login.0, login.1 + "x")),
                (Self.acrHost, ("nobody", login.1)),
                (Self.acrHost, ("expired-user", "expired-password")),
                ("swr.cn-north-4.myhuaweicloud.com", login),
            ]
            for attempt in attempts {
                let reply = try await requestToken(emulator, service: attempt.service, credentials: attempt.credentials)
                #expect(reply.status == 401)
                #expect(reply.text == #"{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}"#)
            }
            let garbled = try await fetch(emulator, path: "/token", query: "service=\(Self.acrHost)", headers: [("Authorization", "Basic !!")])
            #expect(garbled.status == 401)
            #expect(!emulator.recordedRequests(.registry).map(\.errorCode).contains(nil))
        }
    }

    @Test("a service that is no host name accepts a login for any host; the ACR realm host serves /auth")
    func serviceWithoutHost() async throws {
        try await withEmulator { emulator async throws in
            let login = try await issueLoginOverHTTP(emulator, hosts: ["swr.cn-north-4.myhuaweicloud.com"])
            let acrStyle = try await requestToken(
                emulator, host: "dockerauth.cn-hangzhou.aliyuncs.com", service: "registry.aliyuncs.com:cn-hangzhou:26842", credentials: login)
            #expect(acrStyle.status == 200)
            let vpc = try await requestToken(emulator, host: "dockerauth-vpc.cn-hangzhou.aliyuncs.com", service: "dockyard", credentials: login)
            #expect(vpc.status == 200)
            let wrongPath = try await fetch(emulator, host: "dockerauth.cn-hangzhou.aliyuncs.com", path: "/token", query: "service=x")
            #expect(wrongPath.status == 404)
            let post = try await fetch(emulator, method: "POST", path: "/token", query: "service=x")
            #expect(post.status == 405)
        }
    }

    @Test("an anonymous request gets a token with no access")
    func anonymous() async throws {
        try await withEmulator { emulator async throws in
            let reply = try await requestToken(emulator, service: Self.acrHost, credentials: nil)
            #expect(reply.status == 200)
            let jwt = try DecodedJWT(try #require(reply.json["token"] as? String), certificatePEM: emulator.registryTokenCertificatePEM)
            #expect(jwt.signatureValid)
            #expect(jwt.claims["sub"] as? String == "")
            #expect((jwt.claims["access"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("the start-up banner names the realm and the issuer a registry must be configured with")
    func banner() async throws {
        try await withEmulator { emulator async throws in
            #expect(emulator.banner().contains("registry token realm \(emulator.baseURL)/token issuer \(CloudEmulator.registryTokenIssuer)"))
        }
    }

    @Test("the control API issues logins with given values and refuses bad requests")
    func controlLogins() async throws {
        try await withEmulator { emulator async throws in
            let body = #"{"hosts":["HTTPS://Registry.cn-hangzhou.aliyuncs.com:443"],"username":"u1","password":"p1","expiresInSeconds":60}"#
            let reply = try await fetch(emulator, method: "POST", path: "/_emulator/registry/logins", body: body)
            #expect(reply.status == 200)
            #expect(reply.json["hosts"] as? [String] == [Self.acrHost])
            #expect(reply.json["expiration"] is String)
            let issued = try #require(emulator.issuedRegistryLogins().last)
            #expect(issued.username == "u1" && issued.password == "p1" && issued.kind == .fixedPassword)
            #expect(issued.accepts(host: Self.acrHost, username: "u1", password: "p1", now: Date()))

            let bad = try await fetch(emulator, method: "POST", path: "/_emulator/registry/logins", body: "[1]")
            #expect(bad.status == 400)
            let negative = try await fetch(emulator, method: "POST", path: "/_emulator/registry/logins", body: #"{"expiresInSeconds":0}"#)
            #expect(negative.status == 400)
            let wrongMethod = try await fetch(emulator, method: "DELETE", path: "/_emulator/registry/token-cert.pem")
            #expect(wrongMethod.status == 405)
            #expect(emulator.issuedRegistryLogins().count == 1)
        }
    }
}
