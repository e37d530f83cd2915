import CredentialsCore

/// How a request reaches its server.
public enum HTTPRouting: Sendable, Hashable {
    /// A cloud API or metadata endpoint (STS, ECS metadata, ACR, SWR, IAM, OAuth, CloudSSO):
    /// `CLOUDCRED_CONNECT_TO` redirects it to the emulator.
    case cloudEndpoint
    /// Contacted exactly as given (registries, credentials URIs).
    case direct
}

/// One HTTP request as the providers build it.
public struct HTTPRequest: Sendable {
    public var method: String
    /// `http` or `https`.
    public var scheme: String
    /// Host name or address, without port.
    public var host: String
    /// Explicit port, nil for the scheme's default.
    public var port: Int?
    /// Path starting with `/` (an empty path is sent as `/`).
    public var path: String
    /// The query string as it goes on the wire, already encoded, without `?`; empty for none.
    public var rawQuery: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// Connect timeout in milliseconds.
    public var connectTimeoutMs: Int
    /// Read timeout in milliseconds (also bounds the whole exchange together with the connect timeout).
    public var readTimeoutMs: Int
    public var routing: HTTPRouting
    /// An explicit proxy URL (`http://user:pass@host:port`) that wins over the environment.
    public var proxy: String?

    public init(
        method: String = "GET",
        scheme: String = "https",
        host: String,
        port: Int? = nil,
        path: String = "/",
        rawQuery: String = "",
        headers: [(name: String, value: String)] = [],
        body: [UInt8] = [],
        connectTimeoutMs: Int = 5000,
        readTimeoutMs: Int = 10000,
        routing: HTTPRouting = .cloudEndpoint,
        proxy: String? = nil
    ) {
        self.method = method
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
        self.rawQuery = rawQuery
        self.headers = headers
        self.body = body
        self.connectTimeoutMs = connectTimeoutMs
        self.readTimeoutMs = readTimeoutMs
        self.routing = routing
        self.proxy = proxy
    }

    /// `host` or `host:port` as it belongs in the `Host` header.
    public var hostHeader: String {
        guard let port, port != defaultPort else { return host }
        return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// The endpoint as errors name it: `https://sts.aliyuncs.com/`.
    public var endpointDescription: String {
        "\(scheme)://\(hostHeader)\(path.isEmpty ? "/" : path)"
    }

    var defaultPort: Int { scheme == "https" ? 443 : 80 }

    /// Sets a header, replacing any header of the same name (case-insensitive).
    public mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.lowercased() == name.lowercased() }
        headers.append((name, value))
    }

    /// Builds a request from an absolute URL such as `https://sts.aliyuncs.com/?Action=…`.
    /// Returns nil when the URL has no `http`/`https` scheme or no host.
    public static func parse(url: String, method: String = "GET", routing: HTTPRouting = .direct) -> HTTPRequest? {
        guard let parts = URLParts(url) else { return nil }
        return HTTPRequest(
            method: method, scheme: parts.scheme, host: parts.host, port: parts.port,
            path: parts.path, rawQuery: parts.query, routing: routing)
    }
}

/// The pieces of an absolute `http(s)` URL, split without Foundation.
public struct URLParts: Sendable, Hashable {
    public var scheme: String
    public var userInfo: String?
    public var host: String
    public var port: Int?
    public var path: String
    public var query: String

    public init?(_ url: String) {
        guard let sep = url.firstRange(of: "://") else { return nil }
        let scheme = url[..<sep.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        var rest = url[sep.upperBound...]
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        let tail = rest[authorityEnd...]
        if let at = authority.lastIndex(of: "@") {
            userInfo = String(authority[..<at])
            authority = authority[authority.index(after: at)...]
        } else {
            userInfo = nil
        }
        var host = Substring(authority)
        var port: Int?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return nil }
            let after = host[host.index(after: close)...]
            if after.hasPrefix(":") {
                guard let p = Int(after.dropFirst()), (1...65535).contains(p) else { return nil }
                port = p
            } else if !after.isEmpty {
                return nil
            }
            host = host[host.index(after: host.startIndex)..<close]
        } else if let colon = host.lastIndex(of: ":") {
            let portText = host[host.index(after: colon)...]
            if !portText.isEmpty {
                guard let p = Int(portText), (1...65535).contains(p) else { return nil }
                port = p
            }
            host = host[..<colon]
        }
        guard !host.isEmpty else { return nil }
        var path = tail
        var query: Substring = ""
        if let q = tail.firstIndex(of: "?") {
            path = tail[..<q]
            query = tail[tail.index(after: q)...]
        }
        self.scheme = scheme
        self.host = host.lowercased()
        self.port = port
        self.path = path.isEmpty ? "/" : String(path)
        self.query = String(query)
    }
}
