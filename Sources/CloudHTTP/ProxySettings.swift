import CredentialsCore

/// An HTTP proxy to send requests through (AsyncHTTPClient tunnels with `CONNECT`).
public struct ProxyServer: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?

    /// Parses `http://user:pass@host:port` (or `host:port`). The error names the setting it came from.
    public static func parse(_ value: String, source: String) throws -> ProxyServer {
        var text = value.trimmingSpaces
        if !text.contains("://") { text = "http://" + text }
        guard text.lowercased().hasPrefix("http://") || text.lowercased().hasPrefix("https://"),
            let parts = URLParts(text)
        else {
            throw CredentialsError(.invalidArgument, "\(source) is not a valid proxy URL; expected http://[user:password@]host:port")
        }
        var server = ProxyServer(host: parts.host, port: parts.port ?? (parts.scheme == "https" ? 443 : 80))
        if let userInfo = parts.userInfo {
            let pieces = userInfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            server.username = percentDecoded(String(pieces[0]))
            server.password = pieces.count > 1 ? percentDecoded(String(pieces[1])) : ""
        }
        return server
    }

    /// `host:port` for messages (never the password).
    public var displayName: String { "\(host):\(port)" }
}

/// Decides, for each request, where it really goes: the emulator (`CLOUDCRED_CONNECT_TO`),
/// a proxy (explicit option, then `HTTPS_PROXY`/`HTTP_PROXY` in either case, minus `NO_PROXY`), or direct.
public struct RouteResolver: Sendable {
    /// Where a request is sent.
    public enum Route: Sendable, Hashable {
        case direct
        case proxy(ProxyServer)
        /// Plain HTTP to this loopback address, keeping the original `Host` header.
        case emulator(host: String, port: Int)
    }

    public let environment: Environment

    public init(environment: Environment) {
        self.environment = environment
    }

    /// The route for a request, or an error for a bad `CLOUDCRED_CONNECT_TO` or proxy setting.
    public func route(for request: HTTPRequest) throws -> Route {
        if request.routing == .cloudEndpoint, let target = environment.nonEmpty("CLOUDCRED_CONNECT_TO") {
            let (host, port) = try Self.parseConnectTo(target)
            return .emulator(host: host, port: port)
        }
        if let explicit = request.proxy, !explicit.isEmpty {
            if bypassesProxy(request.host) { return .direct }
            return .proxy(try ProxyServer.parse(explicit, source: "the proxy option"))
        }
        let names = request.scheme == "https" ? ["HTTPS_PROXY", "https_proxy"] : ["HTTP_PROXY", "http_proxy"]
        for name in names {
            if let value = environment.nonEmpty(name) {
                if bypassesProxy(request.host) { return .direct }
                return .proxy(try ProxyServer.parse(value, source: name))
            }
        }
        return .direct
    }

    /// True when `NO_PROXY`/`no_proxy` lists the host: `*`, the exact host, a parent domain
    /// (`example.com` or `.example.com`), or an IPv4 CIDR block (`10.0.0.0/8`).
    public func bypassesProxy(_ host: String) -> Bool {
        guard let list = environment.nonEmpty("NO_PROXY") ?? environment.nonEmpty("no_proxy") else { return false }
        let host = host.lowercased()
        for rawEntry in list.split(separator: ",") {
            var entry = rawEntry.trimmingSpaces.lowercased()
            if entry.isEmpty { continue }
            if entry == "*" { return true }
            if let colon = entry.lastIndex(of: ":"), !entry.contains("]"), entry.filter({ $0 == ":" }).count == 1 {
                entry = String(entry[..<colon])
            }
            if entry.contains("/"), IPv4.matches(host, cidr: entry) { return true }
            if entry.hasPrefix(".") { entry.removeFirst() }
            if host == entry || host.hasSuffix("." + entry) { return true }
        }
        return false
    }

    /// Parses and checks `CLOUDCRED_CONNECT_TO`: `host:port` with a loopback host only, because
    /// requests go there in clear.
    public static func parseConnectTo(_ value: String) throws -> (host: String, port: Int) {
        let problem = "CLOUDCRED_CONNECT_TO=\(value) is not valid"
        guard let parts = URLParts("http://" + value), parts.path == "/", parts.query.isEmpty, parts.userInfo == nil,
            let port = parts.port
        else {
            throw CredentialsError(.invalidArgument, "\(problem): expected HOST:PORT, e.g. 127.0.0.1:8080")
        }
        guard isLoopback(parts.host) else {
            throw CredentialsError(
                .invalidArgument,
                "\(problem): only loopback addresses (127.0.0.0/8, ::1, localhost) are accepted, because signed requests are sent there in clear"
            )
        }
        return (parts.host, port)
    }

    /// True for 127.0.0.0/8, ::1 and localhost.
    public static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased()
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        if let address = IPv4.parse(host) { return address >> 24 == 127 }
        return false
    }
}

enum IPv4 {
    static func parse(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }), let octet = UInt32(part), octet <= 255 else { return nil }
            value = value << 8 | octet
        }
        return value
    }

    static func matches(_ host: String, cidr: String) -> Bool {
        let pieces = cidr.split(separator: "/")
        guard pieces.count == 2, let network = parse(String(pieces[0])), let bits = Int(pieces[1]), (0...32).contains(bits),
            let address = parse(host)
        else { return false }
        let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << (32 - bits)
        return address & mask == network & mask
    }
}

func percentDecoded(_ text: String) -> String {
    var bytes: [UInt8] = []
    var iterator = Array(text.utf8).makeIterator()
    while let byte = iterator.next() {
        if byte == UInt8(ascii: "%"), let h = iterator.next(), let l = iterator.next(), let hi = hexValue(h), let lo = hexValue(l) {
            bytes.append(hi << 4 | lo)
        } else {
            bytes.append(byte)
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

private func hexValue(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
    default: return nil
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        let text = String(self)
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[first...last])
    }
}
