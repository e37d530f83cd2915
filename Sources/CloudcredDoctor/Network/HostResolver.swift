#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import CredentialsCore

/// One address a host name resolved to, with the port to connect to.
public struct ResolvedAddress: Sendable, Hashable {
    /// `203.0.113.7` or `2001:db8::1`.
    public var ip: String
    /// The port (the one asked for, unless a resolver redirects it, as tests do).
    public var port: Int

    /// An address; see the properties.
    public init(ip: String, port: Int) {
        self.ip = ip
        self.port = port
    }
}

/// Why a name did not resolve.
public enum ResolveError: Error, Sendable, Hashable {
    /// NXDOMAIN: the name does not exist (`no such host`).
    case notFound(host: String)
    /// Any other failure (no DNS server, temporary failure), with the resolver's words.
    case failed(host: String, reason: String)
}

/// DNS for the network check, injectable so tests decide what each name resolves to.
public protocol HostResolver: Sendable {
    /// The addresses of `host` for `port`, or ``ResolveError``.
    func resolve(host: String, port: Int) async throws -> [ResolvedAddress]
}

/// The system resolver (`getaddrinfo`), on a thread of its own so a slow lookup never blocks the task pool.
public struct SystemHostResolver: HostResolver {
    /// The system resolver.
    public init() {}

    /// The addresses `getaddrinfo` gives for `host`; NXDOMAIN is ``ResolveError/notFound(host:)``.
    public func resolve(host: String, port: Int) async throws -> [ResolvedAddress] {
        try await withCheckedThrowingContinuation { continuation in
            OwnThread.detach {
                continuation.resume(with: Result { try Self.lookUp(host: host, port: port) })
            }
        }
    }

    private static func lookUp(host: String, port: Int) throws -> [ResolvedAddress] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0 else {
            if status == EAI_NONAME { throw ResolveError.notFound(host: host) }
            throw ResolveError.failed(host: host, reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(list) }
        var addresses: [ResolvedAddress] = []
        var cursor = list
        while let entry = cursor {
            if let ip = numericHost(entry.pointee.ai_addr, length: entry.pointee.ai_addrlen),
               !addresses.contains(where: { $0.ip == ip }) {
                addresses.append(ResolvedAddress(ip: ip, port: port))
            }
            cursor = entry.pointee.ai_next
        }
        guard !addresses.isEmpty else { throw ResolveError.notFound(host: host) }
        return addresses
    }

    private static func numericHost(_ address: UnsafeMutablePointer<sockaddr>?, length: socklen_t) -> String? {
        guard let address else { return nil }
        var buffer = [CChar](repeating: 0, count: 1025)
        guard getnameinfo(address, length, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0 else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// A resolver with a fixed table, for tests and for pointing probes at a local listener: each host maps to an
/// address and port; other hosts do not exist (NXDOMAIN), or, when listed in `hanging`, never answer.
public struct MappedHostResolver: HostResolver {
    /// Host → where to connect.
    public var table: [String: ResolvedAddress]
    /// Hosts whose lookup never returns (to test time limits).
    public var hanging: Set<String>

    /// A resolver with this table.
    public init(_ table: [String: ResolvedAddress], hanging: Set<String> = []) {
        self.table = table
        self.hanging = hanging
    }

    /// The table's address for `host`; ``ResolveError/notFound(host:)`` for others; never returns for `hanging` ones.
    public func resolve(host: String, port: Int) async throws -> [ResolvedAddress] {
        if hanging.contains(host) {
            try await Task.sleep(for: .seconds(3600))
        }
        guard let address = table[host.lowercased()] else { throw ResolveError.notFound(host: host) }
        return [address]
    }
}
