#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CloudHTTP
import CredentialsCore

/// What the CloudSSO and OAuth providers share: the sign-in host, the request shape, and the Python library's
/// way of reading answers (and of failing on them).
struct SignInEndpoint: Sendable {
    let scheme: String
    let host: String
    let port: Int?
    let options: HTTPOptions

    /// The scheme, host and port of `url`; its path and query are discarded, as the Python library does.
    /// - Throws: `"endpoint" is required.` (the Tea transport's text) when `url` has no scheme or host.
    init(url: String, options: HTTPOptions) throws {
        guard let parts = URLParts(url) else {
            throw CredentialsError.providerFailed(
                "\"endpoint\" is required.", hint: "the sign-in URL '\(url)' must look like https://host[:port]")
        }
        scheme = parts.scheme
        host = parts.host
        port = parts.port
        self.options = options
    }

    /// A POST to `path` on the sign-in host with the 5000/10000 ms defaults (or the options' values).
    func post(_ path: String, headers: [(name: String, value: String)], body: [UInt8]) -> HTTPRequest {
        HTTPRequest(
            method: "POST", scheme: scheme, host: host, port: port, path: path, headers: headers, body: body,
            connectTimeoutMs: options.connectTimeout(default: 5000), readTimeoutMs: options.readTimeout(default: 10000),
            routing: .cloudEndpoint, proxy: options.proxy)
    }
}

/// Reading answers the way the Python providers do.
enum LoginResponse {
    /// The body as JSON; on failure the error is the JSON parser's text (Python lets `JSONDecodeError` through).
    static func json(_ response: HTTPResponse, from request: HTTPRequest) throws -> JSONValue {
        do {
            return try JSONValue.parse(response.body)
        } catch {
            throw CredentialsError(
                .server, error.description,
                hint: "\(request.endpointDescription) answered with something that is not JSON: \(SafeBody.render(response.body))")
        }
    }

    /// An `Expiration` text as epoch seconds, with Python's `strptime` error texts.
    static func expiration(_ value: JSONValue?) throws -> Int64 {
        guard let value, !value.isNull else {
            throw CredentialsError(.server, "strptime() argument 1 must be str, not None")
        }
        guard let text = value.stringValue else {
            throw CredentialsError(.server, "strptime() argument 1 must be str, not \(PythonTypeName.of(value))")
        }
        guard let date = TimeFormat.parseISO8601(text) else {
            throw CredentialsError(.server, "time data \(PythonRepr.string(text)) does not match format '%Y-%m-%dT%H:%M:%SZ'")
        }
        return Int64(date.timeIntervalSince1970)
    }

    /// True when `object` has all `keys` (Python's `'k' in dic`, whatever the values).
    static func has(_ object: JSONValue, _ keys: String...) -> Bool {
        guard let members = object.objectValue else { return false }
        return keys.allSatisfy { members.contains(key: $0) }
    }
}

/// The Python type name of a JSON value, for messages that quote Python's `TypeError`/`AttributeError` texts.
enum PythonTypeName {
    static func of(_ value: JSONValue) -> String {
        switch value {
        case .null: return "NoneType"
        case .bool: return "bool"
        case .number(let number): return number.isIntegerLiteral ? "int" : "float"
        case .string: return "str"
        case .array: return "list"
        case .object: return "dict"
        }
    }
}

/// Epoch seconds, truncated, as the Python library computes "now".
enum EpochSeconds {
    static func now(_ clock: any CredentialsClock) -> Int64 {
        Int64(clock.now().timeIntervalSince1970.rounded(.down))
    }

    static func date(_ seconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(seconds))
    }
}
