import CloudSigning
import CredentialsCore
import Foundation
import Testing

@testable import CloudEmulator

@Suite("STS AssumeRoleWithOIDC and GenerateSessionAccessKey")
struct STSOIDCAndSessionKeyTests {
    /// The query the Python library sends (unsigned, `+` for spaces).
    func oidcQuery(token: String, provider: String = Standard.oidcProviderArn, duration: Int = 3600) -> String {
        formEncode([
            "Action": "AssumeRoleWithOIDC", "Format": "JSON", "Version": "2015-04-01", "DurationSeconds": String(duration),
            "RoleArn": Standard.roleArn, "OIDCProviderArn": provider, "OIDCToken": token,
            "RoleSessionName": "credentials-python-1700000000", "Timestamp": TimeFormat.iso8601(Date()),
        ], encoding: .plus)
    }

    @Test("OIDC: unsigned, any token accepted, the token received is recorded as a fingerprint (trailing newline kept)")
    func oidcAccepted() async throws {
        try await withEmulator { emulator async throws in
            let header = Data(#"{"alg":"none"}"#.utf8).base64EncodedString()
            let payload = Data(#"{"sub":"system:serviceaccount:ns:app","iss":"https://oidc.example","aud":"sts.aliyuncs.com"}"#.utf8)
                .base64EncodedString().replacingOccurrences(of: "=", with: "")
            let token = "\(header).\(payload).sig\n"
            let reply = try await sts(emulator, oidcQuery(token: token), host: "sts-vpc.cn-shanghai.aliyuncs.com")
            #expect(reply.status == 200, "\(reply.text)")
            #expect((reply.credentials["AccessKeyId"] as? String)?.hasPrefix("STS.") == true)
            let info = try #require(reply.json["OIDCTokenInfo"] as? [String: Any])
            #expect(info["Subject"] as? String == "system:serviceaccount:ns:app")
            #expect(info["Issuer"] as? String == "https://oidc.example")
            let record = try #require(emulator.recordedRequests(.sts).first)
            #expect(record.parameters["OIDCToken"] == RecordedRequest.mask(token))
            #expect(record.parameters["OIDCToken"] != RecordedRequest.mask(String(token.dropLast())))
            #expect(!(try String(data: JSONEncoder().encode(record), encoding: .utf8) ?? "").contains(payload))
            #expect(emulator.issuedCredentials().first?.kind == .assumeRoleWithOIDC)
        }
    }

    @Test("OIDC: a configured expected token must match; unknown providers and empty tokens are refused")
    func oidcRefused() async throws {
        var configuration = EmulatorConfiguration.standard
        configuration.oidcProviders[0].expectedToken = "eyJ.expected"
        try await withEmulator(configuration) { emulator async throws in
            var reply = try await sts(emulator, oidcQuery(token: "eyJ.expected\n"))
            #expect(reply.status == 200, "a trailing newline is tolerated")
            reply = try await sts(emulator, oidcQuery(token: "eyJ.other"))
            #expect(reply.status == 400)
            #expect(reply.code == "AuthenticationFail.OIDCToken.Invalid")
            reply = try await sts(emulator, oidcQuery(token: "eyJ.expected", provider: "acs:ram::1234567890123456:oidc-provider/nope"))
            #expect(reply.status == 404)
            #expect(reply.code == "EntityNotExist.OIDCProvider")
            reply = try await sts(emulator, oidcQuery(token: ""))
            #expect(reply.code == "MissingParameter")
            reply = try await sts(emulator, oidcQuery(token: "eyJ.expected", duration: 600))
            #expect(reply.code == "InvalidParameter.DurationSeconds")
        }
    }

    @Test("GenerateSessionAccessKey is signed with the private key content and answers a session access key")
    func sessionAccessKey() async throws {
        try await withEmulator { emulator async throws in
            let parameters = rpcParameters(action: "GenerateSessionAccessKey", accessKeyId: Standard.publicKeyId, ["DurationSeconds": "3600"])
            let reply = try await sts(emulator, signedQuery(parameters, secret: Standard.privateKey, encoding: .plus), host: "sts.ap-northeast-1.aliyuncs.com")
            #expect(reply.status == 200, "\(reply.text)")
            let key = try #require(reply.json["SessionAccessKey"] as? [String: Any])
            let id = try #require(key["SessionAccessKeyId"] as? String)
            let secret = try #require(key["SessionAccessKeySecret"] as? String)
            #expect(TimeFormat.parseISO8601(key["Expiration"] as? String ?? "") != nil)
            #expect(emulator.issuedCredentials().first?.securityToken == nil)

            // The session access key signs further calls without a token.
            let chained = try await sts(emulator, signedQuery(assumeRoleParameters(accessKeyId: id), secret: secret))
            #expect(chained.status == 200, "\(chained.text)")

            let wrongKey = rpcParameters(action: "GenerateSessionAccessKey", accessKeyId: Standard.publicKeyId)
            let refused = try await sts(emulator, signedQuery(wrongKey, secret: "-----BEGIN PRIVATE KEY-----\nother\n"))
            #expect(refused.code == "SignatureDoesNotMatch")

            let unknown = rpcParameters(action: "GenerateSessionAccessKey", accessKeyId: "LTRSA.unknown")
            #expect(try await sts(emulator, signedQuery(unknown, secret: Standard.privateKey)).code == "InvalidAccessKeyId.NotFound")

            // Configured AccessKeys cannot call it: only key pairs sign GenerateSessionAccessKey.
            let withAccessKey = rpcParameters(action: "GenerateSessionAccessKey", accessKeyId: Standard.accessKeyId)
            #expect(try await sts(emulator, signedQuery(withAccessKey, secret: Standard.secret)).code == "InvalidAccessKeyId.NotFound")
        }
    }
}
