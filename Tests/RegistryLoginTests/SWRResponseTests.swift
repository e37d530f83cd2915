import CloudcredTestSupport
import CloudEmulator
import CredentialsCore
import Foundation
import Testing

@testable import RegistryLogin

@Suite("SWR CreateSecret answers: faults, error bodies, expiry")
struct SWRResponseTests {
    func loginError(_ effect: FaultEffect) async throws -> CredentialsError? {
        try await withSWRWorld { world in
            world.emulator.addFault(FaultRule(endpoint: .swr, action: "CreateSecret", effect: effect))
            return await failure { try await world.client.login(endpoint: SWRTestEndpoints.north4, credential: world.permanentCredential) }
        }
    }

    @Test("a body that is not JSON")
    func garbage() async throws {
        let error = try await loginError(.malformedBody)
        #expect(error?.message.hasPrefix("SWR CreateSecret at \(SWRTestEndpoints.url) answered with something that is not JSON: ") == true)
        #expect(error?.hint?.contains("swr-api.cn-north-4.myhuaweicloud.com") == true)
    }

    @Test("a truncated body, an object without auths, an auth that is not base64 of user:password")
    func unreadable() async throws {
        #expect(try await loginError(.truncatedBody)?.message.contains("is not JSON") == true)
        let noAuths = try await loginError(.status(200, body: "{\"auth\": {\"x\": 1}, \"token\": \"abcdefgh\"}"))
        #expect(noAuths?.message == "SWR CreateSecret at \(SWRTestEndpoints.url) answered without \"auths\": {\"auth\":{\"x\":1},\"token\":\"******\"}")
        let notBase64 = try await loginError(.status(200, body: "{\"auths\": {\"swr.cn-north-4.myhuaweicloud.com\": {\"auth\": \"!!!\"}}}"))
        #expect(notBase64?.message.hasSuffix("answered with an \"auth\" that is not base64 of user:password") == true)
    }

    @Test("Huawei error bodies in both spellings: code and message on one line, with a hint")
    func errorBodies() async throws {
        let snake = try await loginError(.status(403, body: "{\"error_code\": \"SVCSTG.SWR.4030000\", \"error_msg\": \"no\\npermission\"}"))
        #expect(snake?.message == "SWR CreateSecret at \(SWRTestEndpoints.url) failed with HTTP 403: SVCSTG.SWR.4030000: no permission")
        #expect(snake?.hint?.contains("SWR permissions") == true)
        let camel = try await loginError(.status(500, body: "{\"errorCode\": \"SVCSTG.SWR.5000000\", \"errorMessage\": \"internal\"}"))
        #expect(camel?.message == "SWR CreateSecret at \(SWRTestEndpoints.url) failed with HTTP 500: SVCSTG.SWR.5000000: internal")
        let plain = try await loginError(.status(502, body: "<html>bad gateway</html>"))
        #expect(plain?.message == "SWR CreateSecret at \(SWRTestEndpoints.url) failed with HTTP 502: <html>bad gateway</html>")
    }

    @Test("without X-Swr-Expireat the login lasts 6 hours from the call; the first ':' splits user and password")
    func defaultExpiry() async throws {
        try await withSWRWorld { world in
            let auth = Data("cn-north-4@TEMPID:pass:with:colons".utf8).base64EncodedString()
            let body = "{\"auths\": {\"swr.cn-north-4.myhuaweicloud.com\": {\"auth\": \"\(auth)\"}}}"
            world.emulator.addFault(FaultRule(endpoint: .swr, action: "CreateSecret", effect: .status(200, body: body)))
            let login = try await world.client.login(endpoint: SWRTestEndpoints.north4, credential: world.permanentCredential)
            #expect(login.username == "cn-north-4@TEMPID")
            #expect(login.password == "pass:with:colons")
            #expect(login.expiresAt == world.clock.now().addingTimeInterval(6 * 3600))
        }
    }

    @Test("X-Swr-Expireat is read leniently", arguments: [
        ("2024-12-26T11:22:50.769Z", 1_735_212_170.769),
        ("2024-12-26T11:22:50Z", 1_735_212_170),
        ("2024-12-26 11:22:50", 1_735_212_170),
        ("2024-12-26T19:22:50+08:00", 1_735_212_170),
        ("1735212170769", 1_735_212_170.769),
        (" 1735212170 ", 1_735_212_170),
    ])
    func lenientExpiry(text: String, epoch: Double) throws {
        let date = try #require(SWRResponse.parseExpiry(text))
        #expect(abs(date.timeIntervalSince1970 - epoch) < 0.001)
    }

    @Test("an expiry header that cannot be read is ignored", arguments: ["", "tomorrow", "2024-13-45T00:00:00Z"])
    func unreadableExpiry(text: String) {
        #expect(SWRResponse.parseExpiry(text) == nil)
    }
}
