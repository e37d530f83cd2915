import CredentialsCore
import Foundation
import NIOCore
import Testing

@testable import CloudEmulator

@Suite("Control API")
struct ControlTests {
    @Test("counters count per endpoint")
    func counters() async throws {
        try await withEmulator { emulator async throws in
            _ = try await fetch(emulator, path: "/credentials")
            _ = try await fetch(emulator, path: "/credentials")
            _ = try await fetch(emulator, host: "100.100.100.200", path: "/latest/meta-data/region-id")
            let counters = try await fetch(emulator, path: "/_emulator/counters").json
            #expect(counters["credentials-uri"] as? Int == 2)
            #expect(counters["ecs-metadata"] as? Int == 1)
            #expect(counters["sts"] as? Int == 0)
            #expect(emulator.requestCount(.credentialsURI) == 2)
            #expect(emulator.requestCount(.control) == 1)
        }
    }

    @Test("faults can be added, listed and cleared over HTTP; bad rules get a readable 400")
    func faultsOverHTTP() async throws {
        try await withEmulator { emulator async throws in
            let rules = #"[{"endpoint":"credentials-uri","times":1,"status":503},{"endpoint":"sts","action":"AssumeRole","slowDrip":{"chunkBytes":8}}]"#
            let added = try await fetch(emulator, method: "POST", path: "/_emulator/faults", body: rules)
            #expect(added.json["added"] as? Int == 2)
            let listed = try await fetch(emulator, path: "/_emulator/faults")
            #expect(listed.text.contains(#""intervalMs":20"#))
            #expect(try await fetch(emulator, path: "/credentials").status == 503)

            let bad = try await fetch(emulator, method: "POST", path: "/_emulator/faults", body: #"{"endpoint":"sts","status":500,"delayMs":3}"#)
            #expect(bad.status == 400)
            #expect((bad.json["error"] as? String)?.contains("exactly one effect") == true)
            let unknown = try await fetch(emulator, method: "POST", path: "/_emulator/faults", body: #"{"endpoint":"nope","dropConnection":true}"#)
            #expect((unknown.json["error"] as? String)?.contains("unknown endpoint \"nope\"") == true)

            let cleared = try await fetch(emulator, method: "DELETE", path: "/_emulator/faults")
            #expect(cleared.json["cleared"] as? Int == 1)
            #expect(emulator.activeFaults().isEmpty)
        }
    }

    @Test("recorded requests are listed per endpoint with secrets masked; reset clears them")
    func requestsAndReset() async throws {
        try await withEmulator { emulator async throws in
            _ = try await fetch(
                emulator, host: "100.100.100.200", path: "/latest/meta-data/region-id",
                headers: [("Authorization", "Bearer very-secret-token"), ("X-aliyun-ecs-metadata-token", "tok-secret")])
            let listed = try await fetch(emulator, host: "sts.aliyuncs.com", path: "/_emulator/requests", query: "endpoint=ecs-metadata")
            #expect(listed.status == 200)
            #expect(!listed.text.contains("very-secret-token"))
            #expect(!listed.text.contains("tok-secret"))
            #expect(listed.text.contains(RecordedRequest.mask("Bearer very-secret-token")))
            let records = try JSONDecoder().decode([RecordedRequest].self, from: Data(listed.text.utf8))
            #expect(records.map(\.path) == ["/latest/meta-data/region-id"])
            #expect(records.first?.host == "100.100.100.200")

            #expect(try await fetch(emulator, path: "/_emulator/requests", query: "endpoint=bogus").status == 400)
            #expect(try await fetch(emulator, method: "POST", path: "/_emulator/reset").status == 200)
            #expect(emulator.recordedRequests(.ecsMetadata).isEmpty)
            #expect(emulator.requestCount(.ecsMetadata) == 0)
            #expect(try await fetch(emulator, path: "/_emulator/nothing").status == 404)
            #expect(try await fetch(emulator, path: "/_emulator/health").json["status"] as? String == "ok")
        }
    }
}

@Suite("Dispatch by host and content")
struct DispatchTests {
    @Test("cloud hosts select their service whatever the path", arguments: [
        "sts.aliyuncs.com", "sts.cn-hangzhou.aliyuncs.com", "sts-vpc.cn-shanghai.aliyuncs.com", "STS.AP-NORTHEAST-1.ALIYUNCS.COM:443",
    ])
    func stsHosts(host: String) async throws {
        try await withEmulator { emulator async throws in
            let reply = try await fetch(emulator, host: host, path: "/", query: signedQuery(assumeRoleParameters(), secret: Standard.secret))
            #expect(reply.status == 200)
            #expect(emulator.requestCount(.sts) == 1)
        }
    }

    @Test("the metadata host wins over content: /credentials on 100.100.100.200 is a metadata 404")
    func hostBeatsContent() async throws {
        try await withEmulator { emulator async throws in
            #expect(try await fetch(emulator, host: "100.100.100.200", path: "/credentials").status == 404)
            #expect(emulator.requestCount(.ecsMetadata) == 1)
            #expect(emulator.requestCount(.credentialsURI) == 0)
        }
    }

    @Test("Host: http://127.0.0.1:PORT (Python's sts_endpoint) is dispatched by the Action parameter")
    func schemeInHostHeader() async throws {
        try await withEmulator { emulator async throws in
            let query = signedQuery(assumeRoleParameters(), secret: Standard.secret, encoding: .plus)
            let request = "GET /?\(query) HTTP/1.1\r\nhost: http://127.0.0.1:\(emulator.port)\r\nConnection: close\r\n\r\n"
            let raw = try await rawExchange(port: emulator.port, request)
            #expect(raw.received.hasPrefix("HTTP/1.1 200"), "\(raw.received)")
            #expect(emulator.recordedRequests(.sts).first?.host == "http://127.0.0.1:\(emulator.port)")
        }
    }

    @Test("absolute-form request targets (through HTTP_PROXY) are routed by host and path")
    func absoluteForm() async throws {
        try await withEmulator { emulator async throws in
            let list = "GET http://100.100.100.200/latest/meta-data/ram/security-credentials/ HTTP/1.1\r\nHost: 100.100.100.200\r\nConnection: close\r\n\r\n"
            let raw = try await rawExchange(port: emulator.port, list)
            #expect(raw.received.hasPrefix("HTTP/1.1 200"))
            #expect(raw.received.hasSuffix("\r\n\r\nEcsEmulatorRole"))
            let record = try #require(emulator.recordedRequests(.ecsMetadata).first)
            #expect(record.path == "/latest/meta-data/ram/security-credentials/")

            let uri = "GET http://127.0.0.1:\(emulator.port)/credentials?x=1 HTTP/1.1\r\nHost: 127.0.0.1:\(emulator.port)\r\nConnection: close\r\n\r\n"
            #expect(try await rawExchange(port: emulator.port, uri).received.hasPrefix("HTTP/1.1 200"))
            #expect(emulator.recordedRequests(.credentialsURI).first?.parameters == ["x": "1"])
        }
    }

    @Test("loopback requests are dispatched by content; nothing matching is a 404")
    func contentDispatch() async throws {
        try await withEmulator { emulator async throws in
            #expect(try await fetch(emulator, path: "/latest/meta-data/region-id").status == 200)
            #expect(try await fetch(emulator, query: signedQuery(assumeRoleParameters(), secret: Standard.secret)).status == 200)
            let nothing = try await fetch(emulator, path: "/nothing")
            #expect(nothing.status == 404)
            #expect(nothing.code == "Emulator.NoRoute")
        }
    }

    @Test("host normalisation")
    func normalizeHost() {
        #expect(EmulatorRequest.normalizeHost("http://127.0.0.1:8080") == "127.0.0.1")
        #expect(EmulatorRequest.normalizeHost("https://sts.aliyuncs.com/") == "sts.aliyuncs.com")
        #expect(EmulatorRequest.normalizeHost("Sts.Aliyuncs.Com.:443") == "sts.aliyuncs.com")
        #expect(EmulatorRequest.normalizeHost("[::1]:80") == "[::1]")
        #expect(EmulatorRequest.normalizeHost("100.100.100.200") == "100.100.100.200")
    }

    @Test("start, port, baseURL, connectTo, stop")
    func lifecycle() async throws {
        let emulator = CloudEmulator()
        #expect(emulator.port == 0)
        let port = try await emulator.start()
        #expect(port > 0)
        #expect(emulator.port == port)
        #expect(emulator.baseURL == "http://127.0.0.1:\(port)")
        #expect(emulator.connectTo == "127.0.0.1:\(port)")
        await #expect(throws: EmulatorError.self) { try await emulator.start() }
        await #expect(throws: EmulatorError.self) { try await CloudEmulator().start(port: port) }
        await emulator.stop()
        #expect(emulator.port == 0)
        await #expect(throws: (any Error).self) { _ = try await rawExchange(port: port, "GET / HTTP/1.1\r\n\r\n") }
    }
}
