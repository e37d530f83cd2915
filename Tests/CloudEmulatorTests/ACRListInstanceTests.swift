import Foundation
import Testing

@testable import CloudEmulator

@Suite("ACR ListInstance")
struct ACRListInstanceTests {
    static var configuration: EmulatorConfiguration {
        var configuration = EmulatorConfiguration.standard
        configuration.acr.instances += [
            EmulatorACRInstance(id: "cri-emulatordev00001", name: "emulator-dev", region: "cn-hangzhou"),
            EmulatorACRInstance(id: "cri-production000001", name: "production", region: "cn-hangzhou"),
            EmulatorACRInstance(id: "cri-shanghaiemulator", name: "emulator", region: "cn-shanghai"),
        ]
        return configuration
    }

    func list(_ emulator: CloudEmulator, host: String = "cr.cn-hangzhou.aliyuncs.com", _ query: [String: String]) async throws -> Reply {
        try await ACS3TestRequest(host: host, query: query, action: "ListInstance").send(emulator)
    }

    func names(_ reply: Reply) -> [String] {
        ((reply.json["Instances"] as? [[String: Any]]) ?? []).compactMap { $0["InstanceName"] as? String }
    }

    @Test("InstanceName matches as a substring, only the endpoint's region, only Enterprise instances")
    func substringAndRegion() async throws {
        try await withEmulator(Self.configuration) { emulator async throws in
            let reply = try await list(emulator, ["InstanceName": "emulator"])
            #expect(reply.status == 200, "\(reply.text)")
            #expect(names(reply) == ["emulator", "emulator-dev"])
            #expect(reply.json["TotalCount"] as? Int == 2)
            #expect(reply.json["IsSuccess"] as? Bool == true && reply.json["Code"] as? String == "success")
            #expect(reply.json["PageNo"] as? Int == 1 && reply.json["PageSize"] as? Int == 30)
            let first = try #require((reply.json["Instances"] as? [[String: Any]])?.first)
            #expect(first["InstanceId"] as? String == "cri-emulatorexample01")
            #expect(first["InstanceSpecification"] as? String == "Enterprise_Basic")
            #expect(first["InstanceStatus"] as? String == "RUNNING")
            #expect(first["RegionId"] as? String == "cn-hangzhou")

            let shanghai = try await list(emulator, host: "cr.cn-shanghai.aliyuncs.com", ["InstanceName": "emulator"])
            #expect(names(shanghai) == ["emulator"])
            #expect((shanghai.json["Instances"] as? [[String: Any]])?.first?["InstanceId"] as? String == "cri-shanghaiemulator")
        }
    }

    @Test("no filter lists every Enterprise instance of the region; paging and status filter")
    func pagingAndStatus() async throws {
        try await withEmulator(Self.configuration) { emulator async throws in
            #expect(names(try await list(emulator, [:])) == ["emulator", "emulator-dev", "production"])
            let page = try await list(emulator, ["PageNo": "2", "PageSize": "2"])
            #expect(names(page) == ["production"])
            #expect(page.json["TotalCount"] as? Int == 3)
            #expect(names(try await list(emulator, ["InstanceStatus": "STOPPED"])).isEmpty)
            #expect(names(try await list(emulator, ["InstanceStatus": "RUNNING", "InstanceName": "prod"])) == ["production"])
            let bad = try await list(emulator, ["PageSize": "0"])
            #expect(bad.status == 400)
            #expect(bad.code == "InvalidParameter.PageSize")
        }
    }
}
