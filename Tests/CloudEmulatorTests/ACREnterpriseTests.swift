import CredentialsCore
import Foundation
import Testing

@testable import CloudEmulator

@Suite("ACR Enterprise (cr 2018-12-01)")
struct ACREnterpriseTests {
    static let enterpriseId = "cri-emulatorexample01"
    static let personalId = "crpi-emulatorexample01"

    @Test("GetAuthorizationToken answers the RPC shape, expiry in ms, and records the login for the instance's hosts")
    func instanceToken() async throws {
        try await withEmulator { emulator async throws in
            let reply = try await ACS3TestRequest.instanceToken(Self.enterpriseId).send(emulator)
            #expect(reply.status == 200, "\(reply.text)")
            #expect(Set(reply.json.keys) == ["RequestId", "ExpireTime", "Code", "IsSuccess", "TempUsername", "AuthorizationToken"])
            #expect(reply.json["Code"] as? String == "success")
            #expect(reply.json["IsSuccess"] as? Bool == true)
            #expect(reply.json["TempUsername"] as? String == "cr_temp_user")
            let token = try #require(reply.json["AuthorizationToken"] as? String)
            let expires = try #require(Reply.date(milliseconds: reply.json["ExpireTime"]))
            #expect(abs(expires.timeIntervalSinceNow - 3600) < 10)

            let login = try #require(emulator.issuedRegistryLogins().last)
            #expect(login.kind == .acrEnterprise)
            #expect(login.password == token && login.username == "cr_temp_user")
            #expect(login.hosts == ["emulator-registry.cn-hangzhou.cr.aliyuncs.com", "emulator-registry-vpc.cn-hangzhou.cr.aliyuncs.com"])
        }
    }

    @Test("ExpiresInHours 1…24 sets the lifetime; other values are InvalidParameter.ExpiresInHours",
          arguments: [("24", 200), ("1", 200), ("0", 400), ("25", 400), ("x", 400)])
    func expiresInHours(value: String, status: Int) async throws {
        try await withEmulator { emulator async throws in
            let request = ACS3TestRequest(form: ["InstanceId": Self.enterpriseId, "ExpiresInHours": value])
            let reply = try await request.send(emulator)
            #expect(reply.status == status, "\(reply.text)")
            if status == 200 {
                let expires = try #require(Reply.date(milliseconds: reply.json["ExpireTime"]))
                #expect(abs(expires.timeIntervalSinceNow - Double(Int(value)! * 3600)) < 10)
            } else {
                #expect(reply.code == "InvalidParameter.ExpiresInHours")
            }
        }
    }

    @Test("RPC v1 (Signature parameter) is accepted, GET or POST form")
    func rpcV1() async throws {
        try await withEmulator { emulator async throws in
            let parameters = acrRPCParameters(action: "GetAuthorizationToken", ["InstanceId": Self.enterpriseId])
            var reply = try await fetch(emulator, host: "cr.cn-hangzhou.aliyuncs.com", query: signedQuery(parameters, secret: Standard.secret))
            #expect(reply.status == 200, "\(reply.text)")
            let form = signedQuery(acrRPCParameters(action: "ListInstance"), secret: Standard.secret, method: "POST")
            reply = try await fetch(
                emulator, host: "127.0.0.1", method: "POST", headers: [("Content-Type", "application/x-www-form-urlencoded")], body: form)
            #expect(reply.status == 200, "\(reply.text)")
            #expect(emulator.recordedRequests(.acr).map { $0.annotations["signatureScheme"] } == ["rpc-v1", "rpc-v1"])
        }
    }

    @Test("unknown instances and instances of another region are INSTANCE_NOT_EXIST (404)")
    func unknownInstance() async throws {
        try await withEmulator { emulator async throws in
            for request in [ACS3TestRequest.instanceToken("cri-nothere"), .instanceToken(Self.enterpriseId, host: "cr.cn-beijing.aliyuncs.com")] {
                let reply = try await request.send(emulator)
                #expect(reply.status == 404)
                #expect(reply.code == "INSTANCE_NOT_EXIST")
                #expect(reply.json["HostId"] as? String == request.host)
            }
            let reply = try await ACS3TestRequest(query: [:]).send(emulator)
            #expect(reply.code == "MissingParameter")
            #expect(emulator.issuedRegistryLogins().isEmpty)
        }
    }

    @Test("a personal crpi instance without the token API refuses with 403: fixed console password only")
    func personalInstanceRefuses() async throws {
        var configuration = EmulatorConfiguration.standard
        configuration.acr.instances.append(EmulatorACRInstance(id: "crpi-withtokens0001", tokenAPI: true))
        try await withEmulator(configuration) { emulator async throws in
            var reply = try await ACS3TestRequest.instanceToken(Self.personalId).send(emulator)
            #expect(reply.status == 403)
            #expect(reply.code == "NOT_SUPPORTED")
            #expect((reply.json["Message"] as? String)?.contains("only supports the fixed login password set in the console") == true)
            #expect(emulator.issuedRegistryLogins().isEmpty)

            reply = try await ACS3TestRequest.instanceToken("crpi-withtokens0001").send(emulator)
            #expect(reply.status == 200, "\(reply.text)")
            let login = try #require(emulator.issuedRegistryLogins().last)
            #expect(login.kind == .acrPersonal)
            #expect(login.hosts == [
                "crpi-withtokens0001.cn-hangzhou.personal.cr.aliyuncs.com", "crpi-withtokens0001-vpc.cn-hangzhou.personal.cr.aliyuncs.com",
            ])
        }
    }
}
