import CloudSigning
import CredentialsCore
import Foundation
import Testing

@testable import CloudEmulator

@Suite("ACR signatures and callers")
struct ACRAuthenticationTests {
    static let instanceId = "cri-emulatorexample01"

    @Test("an unsigned request and a wrong secret are SignatureDoesNotMatch (400), never echoing the secret")
    func signatureMismatch() async throws {
        try await withEmulator { emulator async throws in
            var reply = try await fetch(
                emulator, host: "cr.cn-hangzhou.aliyuncs.com", path: "/tokens", headers: [("x-acs-version", ACRService.personalVersion)])
            #expect(reply.status == 400)
            #expect(reply.code == "SignatureDoesNotMatch")

            reply = try await ACS3TestRequest.instanceToken(Self.instanceId).send(emulator, secret: "wrong-secret")
            #expect(reply.status == 400)
            #expect(reply.code == "SignatureDoesNotMatch")
            let message = try #require(reply.json["Message"] as? String)
            #expect(message.contains("server CanonicalRequest is [POST\n/\nInstanceId=\(Self.instanceId)\nhost:cr.cn-hangzhou.aliyuncs.com\n"))
            #expect(!reply.text.contains(Standard.secret))
            #expect(Set(reply.json.keys) == ["RequestId", "HostId", "Code", "Message", "Recommend"])

            reply = try await fetch(emulator, host: "cr.cn-hangzhou.aliyuncs.com", path: "/tokens", headers: roaTokenHeaders(secret: "wrong"))
            #expect(reply.code == "SignatureDoesNotMatch")
            #expect((reply.json["Message"] as? String)?.contains("server string to sign is:GET\napplication/json\n") == true)
            #expect(emulator.issuedRegistryLogins().isEmpty)
        }
    }

    @Test("a body that does not match x-acs-content-sha256, and an unsigned x-acs header, are refused")
    func bodyHashAndSignedHeaders() async throws {
        try await withEmulator { emulator async throws in
            let request = ACS3TestRequest(form: ["InstanceId": Self.instanceId])
            var headers = request.headers(accessKeyId: Standard.accessKeyId, secret: Standard.secret)
            var reply = try await fetch(emulator, host: request.host, method: "POST", headers: headers, body: "InstanceId=cri-other")
            #expect(reply.code == "SignatureDoesNotMatch")
            #expect((reply.json["Message"] as? String)?.contains("x-acs-content-sha256") == true)

            headers.append(("x-acs-region-id", "cn-hangzhou"))
            reply = try await fetch(emulator, host: request.host, method: "POST", headers: headers, body: request.body)
            #expect(reply.status == 400)
            #expect(reply.code == "IncompleteSignature")
        }
    }

    @Test("an unknown AccessKeyId is InvalidAccessKeyId.NotFound (404)")
    func unknownAccessKey() async throws {
        try await withEmulator { emulator async throws in
            let reply = try await ACS3TestRequest.personalToken().send(emulator, accessKeyId: "LTAIunknown")
            #expect(reply.status == 404)
            #expect(reply.code == "InvalidAccessKeyId.NotFound")
        }
    }

    @Test("a date more than 15 minutes off is InvalidTimeStamp.Expired, for ACS3 and ROA")
    func timestampSkew() async throws {
        try await withEmulator { emulator async throws in
            let old = Date().addingTimeInterval(-16 * 60)
            var reply = try await ACS3TestRequest.personalToken(date: old).send(emulator)
            #expect(reply.status == 400)
            #expect(reply.code == "InvalidTimeStamp.Expired")
            reply = try await fetch(emulator, host: "cr.cn-hangzhou.aliyuncs.com", path: "/tokens", headers: roaTokenHeaders(date: old))
            #expect(reply.code == "InvalidTimeStamp.Expired")
        }
    }

    @Test("a replayed request is SignatureNonceUsed")
    func nonceReplay() async throws {
        try await withEmulator { emulator async throws in
            let request = ACS3TestRequest.instanceToken(Self.instanceId)
            #expect(try await request.send(emulator).status == 200)
            let replay = try await request.send(emulator)
            #expect(replay.status == 400)
            #expect(replay.code == "SignatureNonceUsed")
            #expect(emulator.issuedRegistryLogins().count == 1)
        }
    }

    @Test("STS credentials the emulator issued are callers with their token; the registry token never outlives them")
    func stsCaller() async throws {
        let clock = ManualClock(now: Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)))
        try await withEmulator(clock: clock) { emulator async throws in
            let sts = try await sts(emulator, signedQuery(assumeRoleParameters(duration: 900, now: clock.now()), secret: Standard.secret))
            let id = try #require(sts.credentials["AccessKeyId"] as? String)
            let secret = try #require(sts.credentials["AccessKeySecret"] as? String)
            let token = try #require(sts.credentials["SecurityToken"] as? String)
            let stsExpiry = try #require(emulator.issuedCredentials().first { $0.accessKeyId == id }?.expiration)

            var request = ACS3TestRequest.instanceToken(Self.instanceId, date: clock.now())
            request.securityToken = token
            var reply = try await request.send(emulator, accessKeyId: id, secret: secret)
            #expect(reply.status == 200, "\(reply.text)")
            #expect(reply.json["ExpireTime"] as? Int == Int((stsExpiry.timeIntervalSince1970 * 1000).rounded(.down)))
            #expect(emulator.issuedRegistryLogins().last?.expiration == stsExpiry)
            #expect(emulator.issuedRegistryLogins().last?.requestedBy == id)

            reply = try await ACS3TestRequest.personalToken(date: clock.now()).send(emulator, accessKeyId: id, secret: secret)
            #expect(reply.code == "InvalidSecurityToken.Missing")

            clock.advance(by: 901)
            request = ACS3TestRequest.personalToken(date: clock.now())
            request.securityToken = token
            reply = try await request.send(emulator, accessKeyId: id, secret: secret)
            #expect(reply.code == "InvalidSecurityToken.Expired")
        }
    }

    @Test("the signing vectors of the registry notes are accepted at their date",
          arguments: ["acs3", "roa-v1", "rpc-v1"])
    func referenceVectors(scheme: String) async throws {
        var configuration = EmulatorConfiguration.standard
        configuration.accessKeys = [EmulatorAccessKey(id: "LTAIEXAMPLEEXAMPLE000000", secret: "SecretExampleSecretExample0000")]
        configuration.acr.instances = [EmulatorACRInstance(id: "cri-example0000000", name: "example")]
        let clock = ManualClock(now: try #require(TimeFormat.parseISO8601("2024-01-01T00:00:00Z")))
        try await withEmulator(configuration, clock: clock) { emulator async throws in
            let reply = try await fetch(emulator, host: "cr.cn-hangzhou.aliyuncs.com", method: scheme == "acs3" ? "POST" : "GET",
                                        path: scheme == "roa-v1" ? "/tokens" : "/", query: ReferenceVector.query(scheme),
                                        headers: ReferenceVector.headers(scheme))
            #expect(reply.status == 200, "\(reply.text)")
            #expect(emulator.recordedRequests(.acr).first?.annotations["signatureScheme"] == scheme)
        }
    }
}

/// The three requests of `registries.md` §3.5, byte for byte (computed there with the official SDK utilities).
enum ReferenceVector {
    static func query(_ scheme: String) -> String {
        switch scheme {
        case "acs3": "InstanceId=cri-example0000000"
        case "rpc-v1":
            "AccessKeyId=LTAIEXAMPLEEXAMPLE000000&Action=GetAuthorizationToken&Format=JSON&InstanceId=cri-example0000000"
                + "&RegionId=cn-hangzhou&SignatureMethod=HMAC-SHA1&SignatureNonce=abc123&SignatureVersion=1.0"
                + "&Timestamp=2024-01-01T00%3A00%3A00Z&Version=2018-12-01&Signature=JaPR1Kol0IMkKZ0Rgmdqs6Js5FU%3D"
        default: ""
        }
    }

    static func headers(_ scheme: String) -> [(String, String)] {
        switch scheme {
        case "acs3":
            [("x-acs-action", "GetAuthorizationToken"), ("x-acs-version", "2018-12-01"), ("x-acs-date", "2024-01-01T00:00:00Z"),
             ("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d"),
             ("x-acs-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
             ("Authorization", "ACS3-HMAC-SHA256 Credential=LTAIEXAMPLEEXAMPLE000000,SignedHeaders=host;x-acs-action;"
                + "x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
                + "Signature=9a6321fe36daf6b2572245c44d6c90ae045c35720c41e11bc52e8248178e535f")]
        case "roa-v1":
            [("accept", "application/json"), ("date", "Mon, 01 Jan 2024 00:00:00 GMT"), ("x-acs-action", "GetAuthorizationToken"),
             ("x-acs-signature-method", "HMAC-SHA1"), ("x-acs-signature-nonce", "abc123"), ("x-acs-signature-version", "1.0"),
             ("x-acs-version", "2016-06-07"), ("Authorization", "acs LTAIEXAMPLEEXAMPLE000000:rC0wFs83pixojqFcWJE912dLBBI=")]
        default: []
        }
    }
}
