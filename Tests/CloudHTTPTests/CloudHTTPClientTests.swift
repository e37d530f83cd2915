import CloudHTTP
import CredentialsCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

@Suite("HTTP transport")
struct CloudHTTPClientTests {
    @Test("a plain request reaches a loopback server and returns its answer")
    func plainRequest() async throws {
        let server = try await LoopbackServer.start(.respond(status: 200, body: "hello"))
        let client = CloudHTTPClient(environment: Environment([:]))
        let response = try await client.send(HTTPRequest(scheme: "http", host: "127.0.0.1", port: server.port, path: "/x", rawQuery: "a=1", routing: .direct))
        await client.shutdown()
        await server.stop()
        #expect(response.status == 200)
        #expect(response.text == "hello")
        #expect(server.requests.first?.hasPrefix("GET /x?a=1 HTTP/1.1") == true)
    }

    @Test("the read timeout fires and the error names the endpoint and the timeout")
    func readTimeout() async throws {
        let server = try await LoopbackServer.start(.silent)
        let client = CloudHTTPClient(environment: Environment([:]))
        let started = Date()
        do {
            _ = try await client.send(HTTPRequest(scheme: "http", host: "127.0.0.1", port: server.port, connectTimeoutMs: 500, readTimeoutMs: 300, routing: .direct))
            Issue.record("expected a timeout")
        } catch let error as CredentialsError {
            #expect(error.code == .network)
            #expect(error.message.contains("http://127.0.0.1:\(server.port)/"))
            #expect(error.message.contains("timed out"))
        }
        #expect(Date().timeIntervalSince(started) < 10)
        await client.shutdown()
        await server.stop()
    }

    @Test("connection refused is named as such")
    func refused() async throws {
        // A socket bound to a port but not listening: connecting to it is refused, and no other
        // test can take the port while we hold it.
        let reserved = try ReservedPort()
        defer { reserved.release() }
        let port = reserved.port
        let client = CloudHTTPClient(environment: Environment([:]))
        await #expect {
            _ = try await client.send(HTTPRequest(scheme: "http", host: "127.0.0.1", port: port, connectTimeoutMs: 1000, readTimeoutMs: 1000, routing: .direct))
        } throws: { error in
            (error as? CredentialsError)?.message.contains("refused") == true
        }
        await client.shutdown()
    }

    @Test("HTTP_PROXY sends the request through a proxy on loopback")
    func proxyFromEnvironment() async throws {
        let proxy = try await LoopbackServer.start(.respond(status: 200, body: "via proxy"))
        let client = CloudHTTPClient(environment: Environment(["HTTP_PROXY": "http://user:pa%3Ass@127.0.0.1:\(proxy.port)"]))
        let response = try await client.send(HTTPRequest(scheme: "http", host: "metadata.example.test", port: 8080, path: "/latest", routing: .direct))
        await client.shutdown()
        await proxy.stop()
        #expect(response.text == "via proxy")
        let connect = try #require(proxy.requests.first)
        #expect(connect.hasPrefix("CONNECT metadata.example.test:8080"))
        // user:pa:ss, base64
        #expect(connect.lowercased().contains("proxy-authorization: basic dxnlcjpwytpzcw=="))
    }

    @Test("NO_PROXY bypasses the proxy for the listed host")
    func noProxyBypass() async throws {
        let proxy = try await LoopbackServer.start(.respond(status: 200, body: "via proxy"))
        let target = try await LoopbackServer.start(.respond(status: 200, body: "direct"))
        let client = CloudHTTPClient(environment: Environment(["http_proxy": "127.0.0.1:\(proxy.port)", "NO_PROXY": "example.com,127.0.0.0/8"]))
        let response = try await client.send(HTTPRequest(scheme: "http", host: "127.0.0.1", port: target.port, routing: .direct))
        await client.shutdown()
        await proxy.stop()
        await target.stop()
        #expect(response.text == "direct")
        #expect(proxy.requests.isEmpty)
    }

    @Test("CLOUDCRED_CONNECT_TO sends cloud endpoints to the emulator with the original Host header")
    func connectTo() async throws {
        let emulator = try await LoopbackServer.start(.respond(status: 200, body: "emulated"))
        let proxy = try await LoopbackServer.start(.respond(status: 200, body: "via proxy"))
        let client = CloudHTTPClient(environment: Environment([
            "CLOUDCRED_CONNECT_TO": "127.0.0.1:\(emulator.port)", "HTTPS_PROXY": "127.0.0.1:\(proxy.port)",
        ]))
        let response = try await client.send(HTTPRequest(host: "sts.cn-hangzhou.aliyuncs.com", path: "/", rawQuery: "Action=AssumeRole"))
        await client.shutdown()
        await emulator.stop()
        await proxy.stop()
        #expect(response.text == "emulated")
        let head = try #require(emulator.requests.first)
        #expect(head.hasPrefix("GET /?Action=AssumeRole HTTP/1.1"))
        #expect(head.lowercased().contains("host: sts.cn-hangzhou.aliyuncs.com"))
        #expect(proxy.requests.isEmpty)
    }

    @Test("CLOUDCRED_CONNECT_TO refuses addresses that are not loopback", arguments: ["10.0.0.1:80", "example.com:80", "192.168.1.1:8080", "nonsense"])
    func connectToRejectsRemote(value: String) async throws {
        let client = CloudHTTPClient(environment: Environment(["CLOUDCRED_CONNECT_TO": value]))
        await #expect {
            _ = try await client.send(HTTPRequest(host: "sts.aliyuncs.com"))
        } throws: { error in
            (error as? CredentialsError)?.message.contains("CLOUDCRED_CONNECT_TO=\(value) is not valid") == true
        }
        await client.shutdown()
    }

    @Test("proxy selection rules", arguments: [
        ("example.com", "example.com", true), ("api.example.com", ".example.com", true), ("example.com.evil", "example.com", false),
        ("10.1.2.3", "10.0.0.0/8", true), ("11.1.2.3", "10.0.0.0/8", false), ("anything", "*", true), ("host", "other,host:8080", true),
    ])
    func noProxyMatching(host: String, list: String, bypass: Bool) {
        #expect(RouteResolver(environment: Environment(["NO_PROXY": list])).bypassesProxy(host) == bypass)
    }
}

/// A TCP port on 127.0.0.1 bound but never listened on.
struct ReservedPort {
    let fd: Int32
    let port: Int

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard fd >= 0, bound == 0 else { throw CredentialsError(.network, "cannot reserve a port") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.fd = fd
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    func release() { close(fd) }
}
