import Foundation
import Testing

@testable import CloudEmulator

@Suite("Registry front (/v2/)")
struct RegistryFrontTests {
    @Test("an ACR registry challenges with ACR's realm and accepts the realm's token for its service")
    func acrChallengeAndBearer() async throws {
        try await withEmulator { emulator async throws in
            let host = "emulator-registry.cn-hangzhou.cr.aliyuncs.com"
            let login = try await issueLoginOverHTTP(emulator, hosts: [host])
            let challenge = try await fetch(emulator, host: host, path: "/v2/")
            #expect(challenge.status == 401)
            #expect(challenge.header("Docker-Distribution-API-Version") == "registry/2.0")
            let parameters = challengeParameters(challenge.header("WWW-Authenticate"))
            #expect(parameters["realm"] == "https://dockerauth.cn-hangzhou.aliyuncs.com/auth")
            #expect(parameters["service"] == host)

            let tokenReply = try await requestToken(
                emulator, host: "dockerauth.cn-hangzhou.aliyuncs.com", service: try #require(parameters["service"]), credentials: login)
            let token = try #require(tokenReply.json["token"] as? String)
            let accepted = try await fetch(emulator, host: host, path: "/v2/", headers: [("Authorization", "Bearer \(token)")])
            #expect(accepted.status == 200)
            #expect(accepted.text == "{}")

            // The same token is not good for another registry, and a tampered one is refused.
            let other = try await fetch(emulator, host: "registry.cn-hangzhou.aliyuncs.com", path: "/v2/", headers: [("Authorization", "Bearer \(token)")])
            #expect(other.status == 401)
            let tampered = try await fetch(emulator, host: host, path: "/v2/", headers: [("Authorization", "Bearer \(token.dropLast(4))AAAA")])
            #expect(tampered.status == 401)
        }
    }

    @Test("an SWR registry serves its realm on its own host and accepts Basic auth with an accepted login")
    func swrRealmAndBasic() async throws {
        try await withEmulator { emulator async throws in
            let host = "swr.cn-north-4.myhuaweicloud.com"
            let login = try await issueLoginOverHTTP(emulator, hosts: [host])
            let challenge = challengeParameters(try await fetch(emulator, host: host, path: "/v2/").header("WWW-Authenticate"))
            #expect(challenge["realm"] == "https://\(host)/swr/auth/v2/registry/auth/")

            let tokenReply = try await fetch(
                emulator, host: host, path: "/swr/auth/v2/registry/auth/", query: "service=\(host)&scope=repository:ns/app:pull",
                headers: [basicAuthorization(login.0, login.1)])
            #expect(tokenReply.status == 200)
            #expect(try await fetch(emulator, host: host, path: "/v2/", headers: [basicAuthorization(login.0, login.1)]).status == 200)
            #expect(try await fetch(emulator, host: host, path: "/v2/", headers: [basicAuthorization(login.0, "wrong")]).status == 401)
            // A login for this host is not one for another region's registry.
            let elsewhere = try await fetch(emulator, host: "swr.cn-east-3.myhuaweicloud.com", path: "/v2/", headers: [basicAuthorization(login.0, login.1)])
            #expect(elsewhere.status == 401)
            #expect(try await fetch(emulator, host: host, path: "/v2/ns/app/manifests/latest").status == 404)
        }
    }

    @Test("over plain loopback the challenge points at the emulator's own /token")
    func loopbackChallenge() async throws {
        try await withEmulator { emulator async throws in
            let challenge = try await fetch(emulator, path: "/v2/")
            #expect(challenge.status == 401)
            let parameters = challengeParameters(challenge.header("WWW-Authenticate"))
            #expect(parameters["realm"] == "http://\(emulator.connectTo)/token")
            #expect(parameters["service"] == RegistryFrontService.loopbackService)
            let token = try #require(try await requestToken(emulator, service: RegistryFrontService.loopbackService, credentials: nil).json["token"] as? String)
            #expect(try await fetch(emulator, path: "/v2/", headers: [("Authorization", "Bearer \(token)")]).status == 200)
        }
    }

    @Test("registry host patterns are anchored", arguments: [
        ("registry.cn-hangzhou.aliyuncs.com", true), ("registry-intl-vpc.ap-southeast-1.aliyuncs.com", true),
        ("emulator-registry-vpc.cn-hangzhou.cr.aliyuncs.com", true), ("crpi-abc123.cn-hangzhou.personal.cr.aliyuncs.com", true),
        ("swr.cn-north-4.myhuaweicloud.com", true), ("swr.eu-de.otc.t-systems.com", true),
        ("registry.cn-hangzhou.aliyuncs.com.evil.example", false), ("cr.cn-hangzhou.aliyuncs.com", false),
        ("-registry.cn-hangzhou.cr.aliyuncs.com", false), ("crpi-.cn-hangzhou.personal.cr.aliyuncs.com", false),
        ("sts.cn-hangzhou.aliyuncs.com", false), ("swr-api.cn-north-4.myhuaweicloud.com", false),
    ])
    func hostPatterns(host: String, isRegistry: Bool) {
        #expect((RegistryHost(host: host) != nil) == isRegistry)
    }
}
