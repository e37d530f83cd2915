import CloudEmulator
import CloudcredDoctor
import CredentialsCore
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// DNS through the injectable resolver, and the emulator's TLS listener with certificates that do not fit.
@Suite("doctor: network scenarios")
struct NetworkScenarios {
    static let host = "registry.cn-hangzhou.aliyuncs.com"
    static let api = "cr.cn-hangzhou.aliyuncs.com"

    /// Sends `hosts` to the emulator's TLS listener, on 127.0.0.2: the certificate names 127.0.0.1, and NIOSSL accepts
    /// a certificate whose IP address matches the connection's whatever the host name.
    static func resolveToTLS(_ world: DoctorWorld, _ hosts: [String], trusted: Bool) async throws {
        let port = try await world.emulator.startTLS(host: "127.0.0.2")
        let pem = try #require(world.emulator.caCertificatePEM)
        let table = Dictionary(uniqueKeysWithValues: hosts.map { ($0, ResolvedAddress(ip: "127.0.0.2", port: port)) })
        world.update {
            $0.resolver = MappedHostResolver(table)
            $0.trustRoots = trusted ? [pem] : []
        }
    }

    static let all: [Scenario] = [
        Scenario("TLS to the registry and the API with a trusted certificate", host + "/ns/app", exitCode: 0, expect: [
            Expectation(.network, .ok, "network.ok", argument: host), Expectation(.network, .ok, "network.ok", argument: api),
        ]) { world in try await resolveToTLS(world, [host, api], trusted: true) },
        Scenario("x509: certificate signed by unknown authority", host + "/ns/app", exitCode: 1, expect: [
            Expectation(.network, .fail, "network.unknownAuthority", argument: "cloudcred emulator"),
        ]) { world in try await resolveToTLS(world, [host, api], trusted: false) },
        Scenario("a certificate for another name", "emulator-registry.cn-hangzhou.cr.aliyuncs.com/ns/app", exitCode: 1, expect: [
            Expectation(.network, .fail, "network.nameMismatch", argument: "emulator-registry.cn-hangzhou.cr.aliyuncs.com"),
        ]) { world in try await resolveToTLS(world, ["emulator-registry.cn-hangzhou.cr.aliyuncs.com", api], trusted: true) },
        Scenario("a mistyped region does not resolve", "registry.cn-hangzou.aliyuncs.com/ns/app", exitCode: 1, expect: [
            Expectation(.network, .fail, "network.dnsNotFound", argument: "registry.cn-hangzou.aliyuncs.com"),
        ]) { world in world.update { $0.resolver = MappedHostResolver([:]) } },
        Scenario("a VPC registry address used outside the VPC", "registry-vpc.cn-hangzhou.aliyuncs.com/ns/app", exitCode: 1, expect: [
            Expectation(.host, .warn, "host.vpc"), Expectation(.network, .fail, "network.vpcOutside", argument: host),
        ]) { world in world.update { $0.resolver = MappedHostResolver([:]) } },
        Scenario("TLS handshake timeout", host + "/ns/app", exitCode: 1, expect: [
            Expectation(.network, .fail, "network.tlsTimeout", argument: host),
        ]) { world in
            let port = try SilentListener.shared.port
            world.update {
                $0.resolver = MappedHostResolver([NetworkScenarios.host: ResolvedAddress(ip: "127.0.0.1", port: port)])
                $0.limits.tls = .milliseconds(700)
            }
        },
        Scenario("connection refused", host + "/ns/app", exitCode: 1, expect: [
            Expectation(.network, .fail, "network.refused", argument: host),
        ]) { world in
            world.update { $0.resolver = MappedHostResolver([NetworkScenarios.host: ResolvedAddress(ip: "127.0.0.1", port: 1)]) }
        },
        Scenario("a proxy that cannot be reached", host + "/ns/app", exitCode: 1, expect: [
            Expectation(.network, .fail, "network.proxyUnreachable", argument: "127.0.0.1:1"),
        ]) { world in
            world.update {
                $0.resolver = MappedHostResolver(["127.0.0.1": ResolvedAddress(ip: "127.0.0.1", port: 1)])
                $0.environment["HTTPS_PROXY"] = "http://127.0.0.1:1"
            }
        },
    ]

    @Test("each scenario names the right check and cause", arguments: all)
    func scenario(_ scenario: Scenario) async throws {
        try await scenario.verify()
    }
}

/// A TCP listener that never accepts: connections complete (the kernel's backlog) and then nothing is said.
final class SilentListener: Sendable {
    static let shared = SilentListener()
    private let bound: Result<Int, any Error>

    private init() {
        bound = Result { try Self.listen() }
    }

    var port: Int {
        get throws { try bound.get() }
    }

    private static func listen() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && Glibc.listen(fd, 64) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        guard ok else { throw POSIXError(.EADDRINUSE) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
