import Foundation
import Testing

@testable import CloudEmulator

@Suite("ACR faults and configuration")
struct ACRFaultAndConfigurationTests {
    @Test("a fault rule on acr/GetAuthorizationToken hits both token APIs (RPC and ROA) and spares ListInstance")
    func faultRule() async throws {
        try await withEmulator { emulator async throws in
            emulator.addFault(FaultRule(endpoint: .acr, action: "GetAuthorizationToken", times: 2, effect: .status(503)))
            var reply = try await ACS3TestRequest(action: "ListInstance").send(emulator)
            #expect(reply.status == 200, "\(reply.text)")
            reply = try await ACS3TestRequest.instanceToken("cri-emulatorexample01").send(emulator)
            #expect(reply.status == 503)
            #expect(reply.code == "ServiceUnavailable")
            reply = try await fetch(emulator, host: "cr.cn-hangzhou.aliyuncs.com", path: "/tokens", headers: roaTokenHeaders())
            #expect(reply.status == 503)
            reply = try await ACS3TestRequest.personalToken().send(emulator)
            #expect(reply.status == 200, "the rule was used up")
            #expect(emulator.recordedRequests(.acr).map(\.faults) == [[], ["status"], ["status"], []])
        }
    }

    @Test("acrFixedLogins gives the personal instances' console passwords for their crpi hosts")
    func fixedLogins() throws {
        let logins = EmulatorConfiguration.standard.acrFixedLogins()
        let login = try #require(logins.first)
        #expect(logins.count == 1)
        #expect(login.kind == .fixedPassword)
        #expect(login.username == "emulator@1234567890123456")
        #expect(login.password == "EmulatorFixedPassword01")
        #expect(login.expiration == nil)
        #expect(login.hosts == [
            "crpi-emulatorexample01.cn-hangzhou.personal.cr.aliyuncs.com",
            "crpi-emulatorexample01-vpc.cn-hangzhou.personal.cr.aliyuncs.com",
        ])
        #expect(login.accepts(
            host: "crpi-emulatorexample01-vpc.cn-hangzhou.personal.cr.aliyuncs.com", username: login.username,
            password: "EmulatorFixedPassword01", now: Date()))
    }

    @Test("the standard instances, and keys left out keep their standard values")
    func configuration() throws {
        let standard = EmulatorConfiguration.standard.acr
        #expect(standard.tokenLifetimeSeconds == 3600)
        #expect(standard.instances.map(\.id) == ["cri-emulatorexample01", "crpi-emulatorexample01"])
        #expect(standard.instances[0].name == "emulator" && standard.instances[0].edition == .enterprise && standard.instances[0].tokenAPI)
        #expect(standard.instances[1].edition == .personal && !standard.instances[1].tokenAPI)

        var decoded = try EmulatorConfiguration.decode(Data(#"{"acr": {"tokenLifetimeSeconds": 600}}"#.utf8), path: nil)
        #expect(decoded.acr.tokenLifetimeSeconds == 600)
        #expect(decoded.acr.instances == standard.instances)

        decoded = try EmulatorConfiguration.decode(Data(#"{"acr": {"instances": [{"id": "crpi-abc"}, {"id": "cri-x", "name": "x", "region": "cn-beijing"}]}}"#.utf8), path: nil)
        #expect(decoded.acr.instances == [
            EmulatorACRInstance(id: "crpi-abc", name: "crpi-abc", region: "cn-hangzhou", edition: .personal, tokenAPI: false),
            EmulatorACRInstance(id: "cri-x", name: "x", region: "cn-beijing", edition: .enterprise, tokenAPI: true),
        ])
        #expect(decoded.acr.tokenLifetimeSeconds == 3600)
    }

    @Test("bad acr settings give one line naming the key", arguments: [
        (#"{"acr": {"tokenLifetime": 5}}"#, "unknown key \"tokenLifetime\""),
        (#"{"acr": {"tokenLifetimeSeconds": 0}}"#, "acr.tokenLifetimeSeconds: must be positive"),
        (#"{"acr": {"instances": [{"name": "x"}]}}"#, "missing key \"id\""),
        (#"{"acr": {"instances": [{"id": "cri-a", "edition": "basic"}]}}"#, "acr.instances[0].edition"),
        (#"{"acr": {"instances": [{"id": "cri-a"}, {"id": "CRI-A"}]}}"#, "duplicate instance id CRI-A"),
    ])
    func badSettings(text: String, expected: String) {
        do {
            _ = try EmulatorConfiguration.decode(Data(text.utf8), path: "emulator.json")
            Issue.record("\(text) decoded")
        } catch {
            #expect("\(error)".contains(expected), "\(error)")
            #expect(!"\(error)".contains("\n"))
        }
    }
}
