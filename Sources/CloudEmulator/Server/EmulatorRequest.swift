import Foundation
import CloudSigning

/// A request as the services see it: independent of the HTTP server, with the host normalised and the
/// query (and a form body) decoded.
struct EmulatorRequest: Sendable {
    var method: String
    /// The `Host` header exactly as received (`sts.aliyuncs.com`, `127.0.0.1:8080`, even `http://127.0.0.1:8080`).
    var hostHeader: String
    /// The host the request was meant for: lower-cased, without scheme, port or path.
    var host: String
    var path: String
    /// The query string as received, without `?`.
    var rawQuery: String
    /// Decoded query items in the order received (`+` read as space).
    var queryItems: [(name: String, value: String)]
    /// Decoded `application/x-www-form-urlencoded` body items (POST), else empty.
    var formItems: [(name: String, value: String)]
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    init(method: String, hostHeader: String, path: String, rawQuery: String,
         headers: [(name: String, value: String)], body: [UInt8]) {
        self.method = method.uppercased()
        self.hostHeader = hostHeader
        self.host = Self.normalizeHost(hostHeader)
        self.path = path.isEmpty ? "/" : path
        self.rawQuery = rawQuery
        self.queryItems = Self.decodeForm(rawQuery)
        self.headers = headers
        self.body = body
        let contentType = headers.first { $0.name.lowercased() == "content-type" }?.value.lowercased() ?? ""
        self.formItems = contentType.hasPrefix("application/x-www-form-urlencoded")
            ? Self.decodeForm(String(decoding: body, as: UTF8.self)) : []
    }

    /// Query and form parameters together (the form wins; the last duplicate wins), as POP APIs read them.
    var parameters: [String: String] {
        var result: [String: String] = [:]
        for item in queryItems + formItems { result[item.name] = item.value }
        return result
    }

    /// The first value of a header (case-insensitive name).
    func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    /// `sts.aliyuncs.com:443` → `sts.aliyuncs.com`; `http://127.0.0.1:8080/x` → `127.0.0.1`; `[::1]:80` → `[::1]`.
    static func normalizeHost(_ raw: String) -> String {
        var host = Substring(raw.trimmingCharacters(in: .whitespaces).lowercased())
        if let schemeEnd = host.range(of: "://") { host = host[schemeEnd.upperBound...] }
        if let slash = host.firstIndex(where: { $0 == "/" || $0 == "?" }) { host = host[..<slash] }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if host.hasPrefix("[") {
            if let close = host.firstIndex(of: "]") { return String(host[...close]) }
            return String(host)
        }
        if let colon = host.lastIndex(of: ":") { host = host[..<colon] }
        if host.hasSuffix(".") { host = host.dropLast() }
        return String(host)
    }

    /// `a=1&b=x+y&c` → `[(a, 1), (b, "x y"), (c, "")]`; undecodable text is kept as received.
    static func decodeForm(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            let value = parts.count > 1 ? String(parts[1]) : ""
            return (PercentEncoder.decode(name, plusAsSpace: true) ?? name,
                    PercentEncoder.decode(value, plusAsSpace: true) ?? value)
        }
    }
}
