import CloudSigning
import CredentialsCore
import Foundation
import Testing

@testable import CloudEmulator

@Suite("STS")
struct STSTests {
    @Test("a signed AssumeRole is accepted and answers STS credentials")
    func signedAssumeRole() async throws {
        try await withEmulator { emulator async throws in
            let reply = try await sts(emulator, signedQuery(assumeRoleParameters(), secret: Standard.secret))
            #expect(reply.status == 200)
            let credentials = reply.credentials
            #expect((credentials["AccessKeyId"] as? String)?.hasPrefix("STS.") == true)
            #expect((credentials["AccessKeySecret"] as? String)?.isEmpty == false)
            #expect((credentials["SecurityToken"] as? String)?.isEmpty == false)
            let expiration = try #require(credentials["Expiration"] as? String)
            let expires = try #require(TimeFormat.parseISO8601(expiration))
            #expect(abs(expires.timeIntervalSinceNow - 3600) < 10)
            let user = try #require(reply.json["AssumedRoleUser"] as? [String: Any])
            #expect(user["Arn"] as? String == "acs:ram::1234567890123456:assumed-role/emulator-role/emulator-test")
            #expect(reply.json["RequestId"] as? String == reply.header("x-acs-request-id"))
            #expect(emulator.issuedCredentials().map(\.accessKeyId) == [credentials["AccessKeyId"] as? String])
            #expect(emulator.recordedRequests(.sts).first?.signatureEncoding == "either")
        }
    }

    @Test("both space encodings are accepted, and the record says which one matched")
    func spaceEncodings() async throws {
        try await withEmulator { emulator async throws in
            let policy = #"{"Statement": [{"Action": ["*"], "Effect": "Allow", "Resource": ["*"]}], "Version": "1"}"#
            for encoding in [RPCSpaceEncoding.plus, .percent20] {
                let query = signedQuery(assumeRoleParameters(["Policy": policy]), secret: Standard.secret, encoding: encoding)
                let reply = try await sts(emulator, query)
                #expect(reply.status == 200, "\(encoding): \(reply.text)")
            }
            #expect(emulator.recordedRequests(.sts).map(\.signatureEncoding) == ["plus", "percent20"])
        }
    }

    @Test("a tampered signature is SignatureDoesNotMatch with the server's string to sign, never the secret")
    func tamperedSignature() async throws {
        try await withEmulator { emulator async throws in
            var parameters = assumeRoleParameters()
            parameters["Signature"] = AlibabaRPCSigner.sign(method: "GET", parameters: parameters, secret: "wrong-secret")
            let reply = try await sts(emulator, formEncode(parameters))
            #expect(reply.status == 400)
            #expect(reply.code == "SignatureDoesNotMatch")
            let message = try #require(reply.json["Message"] as? String)
            #expect(message.contains("server string to sign is:GET&%2F&AccessKeyId%3D\(Standard.accessKeyId)"))
            #expect(!reply.text.contains(Standard.secret))
            #expect(Set((reply.json).keys) == ["RequestId", "HostId", "Code", "Message", "Recommend"])
            #expect(reply.json["HostId"] as? String == "sts.aliyuncs.com")
        }
    }

    @Test("an unknown AccessKeyId is InvalidAccessKeyId.NotFound (404)")
    func unknownAccessKey() async throws {
        try await withEmulator { emulator async throws in
            let reply = try await sts(emulator, signedQuery(assumeRoleParameters(accessKeyId: "LTAIunknown"), secret: "x"))
            #expect(reply.status == 404)
            #expect(reply.code == "InvalidAccessKeyId.NotFound")
        }
    }

    @Test("DurationSeconds must be within 900 and the role's maximum", arguments: [(899, 400), (900, 200), (3600, 200), (3601, 400)])
    func durationBounds(duration: Int, status: Int) async throws {
        try await withEmulator { emulator async throws in
            let reply = try await sts(emulator, signedQuery(assumeRoleParameters(duration: duration), secret: Standard.secret))
            #expect(reply.status == status)
            if status == 400 { #expect(reply.code == "InvalidParameter.DurationSeconds") }
            if status == 200 {
                let expiration = try #require(TimeFormat.parseISO8601(reply.credentials["Expiration"] as? String ?? ""))
                #expect(abs(expiration.timeIntervalSinceNow - Double(duration)) < 10)
            }
        }
    }

    @Test("missing parameters, unknown roles, refused principals")
    func requestValidation() async throws {
        var configuration = EmulatorConfiguration.standard
        configuration.roles.append(EmulatorRole(arn: "acs:ram::1234567890123456:role/locked", allowedPrincipals: ["LTAIsomeoneElse"]))
        try await withEmulator(configuration) { emulator async throws in
            var parameters = assumeRoleParameters()
            parameters["RoleArn"] = nil
            var reply = try await sts(emulator, signedQuery(parameters, secret: Standard.secret))
            #expect(reply.status == 400)
            #expect(reply.code == "MissingParameter")
            #expect((reply.json["Message"] as? String)?.contains("\"RoleArn\"") == true)

            reply = try await sts(emulator, signedQuery(assumeRoleParameters(roleArn: "acs:ram::1234567890123456:role/nope"), secret: Standard.secret))
            #expect(reply.status == 404)
            #expect(reply.code == "EntityNotExist.Role")

            reply = try await sts(emulator, signedQuery(assumeRoleParameters(roleArn: "acs:ram::1234567890123456:role/locked"), secret: Standard.secret))
            #expect(reply.status == 403)
            #expect(reply.code == "NoPermission")

            reply = try await sts(emulator, signedQuery(assumeRoleParameters(sessionName: "bad name!"), secret: Standard.secret))
            #expect(reply.code == "InvalidParameter.RoleSessionName")

            reply = try await sts(emulator, signedQuery(rpcParameters(action: "DescribeRegions", accessKeyId: Standard.accessKeyId), secret: Standard.secret))
            #expect(reply.status == 404)
            #expect(reply.code == "InvalidAction.NotFound")
        }
    }

    @Test("a timestamp more than 15 minutes off is InvalidTimeStamp.Expired; a reused nonce is SignatureNonceUsed")
    func timestampAndNonce() async throws {
        try await withEmulator { emulator async throws in
            let old = assumeRoleParameters(now: Date().addingTimeInterval(-16 * 60))
            var reply = try await sts(emulator, signedQuery(old, secret: Standard.secret))
            #expect(reply.code == "InvalidTimeStamp.Expired")

            let query = signedQuery(assumeRoleParameters(), secret: Standard.secret)
            reply = try await sts(emulator, query)
            #expect(reply.status == 200)
            reply = try await sts(emulator, query)
            #expect(reply.status == 400)
            #expect(reply.code == "SignatureNonceUsed")
        }
    }

    @Test("credentials the emulator issued can assume a role again (role chaining), with their token")
    func roleChaining() async throws {
        var configuration = EmulatorConfiguration.standard
        configuration.roles[0].maxSessionDuration = 7200
        try await withEmulator(configuration) { emulator async throws in
            let first = try await sts(emulator, signedQuery(assumeRoleParameters(), secret: Standard.secret)).credentials
            let id = try #require(first["AccessKeyId"] as? String)
            let secret = try #require(first["AccessKeySecret"] as? String)
            let token = try #require(first["SecurityToken"] as? String)

            var reply = try await sts(emulator, signedQuery(assumeRoleParameters(accessKeyId: id, ["SecurityToken": token]), secret: secret))
            #expect(reply.status == 200, "\(reply.text)")

            reply = try await sts(emulator, signedQuery(assumeRoleParameters(accessKeyId: id, duration: 3601, ["SecurityToken": token]), secret: secret))
            #expect(reply.code == "InvalidParameter.DurationSeconds", "role chaining is limited to one hour")

            reply = try await sts(emulator, signedQuery(assumeRoleParameters(accessKeyId: id, ["SecurityToken": "CAISwrong"]), secret: secret))
            #expect(reply.code == "InvalidSecurityToken.MismatchWithAccessKey")

            reply = try await sts(emulator, signedQuery(assumeRoleParameters(accessKeyId: id), secret: secret))
            #expect(reply.code == "InvalidSecurityToken.Missing")

            reply = try await sts(emulator, signedQuery(assumeRoleParameters(accessKeyId: id, ["SecurityToken": token]), secret: "wrong"))
            #expect(reply.code == "SignatureDoesNotMatch")
            #expect(reply.text.contains("SecurityToken%3D%252A%252A%252A%252A%252A%252A"))
            #expect(!reply.text.contains(token) && !reply.text.contains(secret))

            let record = try #require(emulator.recordedRequests(.sts).dropFirst().first)
            #expect(record.parameters["SecurityToken"] == RecordedRequest.mask(token))
        }
    }

    @Test("an expired issued token is InvalidSecurityToken.Expired")
    func expiredIssuedToken() async throws {
        let clock = ManualClock(now: Date())
        try await withEmulator(clock: clock) { emulator async throws in
            let first = try await sts(emulator, signedQuery(assumeRoleParameters(duration: 900, now: clock.now()), secret: Standard.secret))
            let credentials = first.credentials
            let id = try #require(credentials["AccessKeyId"] as? String)
            clock.advance(by: 901)
            let parameters = assumeRoleParameters(accessKeyId: id, now: clock.now(), ["SecurityToken": credentials["SecurityToken"] as? String ?? ""])
            let reply = try await sts(emulator, signedQuery(parameters, secret: credentials["AccessKeySecret"] as? String ?? ""))
            #expect(reply.code == "InvalidSecurityToken.Expired")
        }
    }

    @Test("a POST with a form body is verified like a GET")
    func postForm() async throws {
        try await withEmulator { emulator async throws in
            let body = signedQuery(assumeRoleParameters(), secret: Standard.secret, method: "POST")
            let reply = try await fetch(
                emulator, host: "sts.cn-hangzhou.aliyuncs.com", method: "POST",
                headers: [("Content-Type", "application/x-www-form-urlencoded")], body: body)
            #expect(reply.status == 200, "\(reply.text)")
        }
    }
}
