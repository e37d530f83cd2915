import CloudcredTestSupport
import CloudHTTP
import CredentialsCore
import Foundation
import Testing

@testable import HuaweiCloudCredentials

/// Where no metadata service answers, the probe gives up after its 300 ms connect and read timeouts. The tests
/// allow 2 s, the registry helper's whole budget: generous for a loaded machine, and still far below what a probe
/// with the ordinary API timeouts would take on the silent port (a 10 s read timeout).
@Suite("Huawei ECS metadata time box")
struct HuaweiMetadataTimeBoxTests {
    /// Runs the metadata provider against `CLOUDCRED_CONNECT_TO=127.0.0.1:<port>` and returns the error and the time taken.
    func probe(port: Int) async throws -> (CredentialsError?, Duration) {
        let environment = Environment(["CLOUDCRED_CONNECT_TO": "127.0.0.1:\(port)"])
        let transport = CloudHTTPClient(environment: environment)
        let provider = try HuaweiMetadataProvider(environment: environment, transport: transport, clock: ManualClock())
        let clock = ContinuousClock()
        let start = clock.now
        let error = await failure { try await provider.credential() }
        let elapsed = clock.now - start
        await transport.shutdown()
        return (error, elapsed)
    }

    @Test("a port that refuses connections: a network error with the hint, within the helper's 2 s budget")
    func refused() async throws {
        let port = try ReservedPort()
        defer { port.release() }
        let (error, elapsed) = try await probe(port: port.port)
        #expect(error?.code == .network)
        #expect(error?.hint?.contains("HUAWEICLOUD_SDK_METADATA_DISABLED=true") == true)
        #expect(elapsed < .seconds(2))
    }

    @Test("a port that accepts but never answers: given up within the helper's 2 s budget, without a second request")
    func silent() async throws {
        let port = try ReservedPort(listening: true)
        defer { port.release() }
        let (error, elapsed) = try await probe(port: port.port)
        #expect(error?.code == .network)
        #expect(error?.message.contains("meta-data/latest/api/token") == true)
        #expect(elapsed < .seconds(2))
    }
}

/// A TCP port on 127.0.0.1, bound and either not listening (connections refused) or listening but never accepting
/// (connections complete in the kernel, requests are never answered). No other test can take it while held.
struct ReservedPort {
    let fd: Int32
    let port: Int

    init(listening: Bool = false) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard fd >= 0, bound == 0, !listening || listen(fd, 4) == 0 else { throw CredentialsError(.network, "cannot reserve a port") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.fd = fd
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    func release() { close(fd) }
}
