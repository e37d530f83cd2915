import CloudHTTP
import CloudSigning
import CredentialsCore

/// Credentials served by a URL (`credentials_uri` type; provider name `credential_uri`, without the
/// "s", exactly as the Python library's `URLCredentialsProvider` names it).
///
/// `GET <uri>` must answer 200 with `{"Code": "Success", "AccessKeyId", "AccessKeySecret",
/// "SecurityToken", "Expiration": "YYYY-MM-DDTHH:MM:SSZ"}`. The request is built as the Python library
/// builds it: the URI's query is decoded and re-encoded (a key given twice keeps its last value, empty
/// values are dropped, spaces become `+`), and the `Host` header is the bare host name, without the port.
/// The URI is contacted as given (`CLOUDCRED_CONNECT_TO` does not apply). Timeouts default to 5000 ms
/// (connect) and 10000 ms (read); the proxy option applies to `https` URIs only (as Python's
/// `httpsProxy`), while `HTTP_PROXY`/`HTTPS_PROXY` apply as usual. Credentials are cached and refreshed
/// 15 minutes before they expire (``RefreshPolicy/sts``).
///
/// Differences from the Python library, all deliberate:
/// - stale-if-error (cloudcred's refresh engine): when a refresh fails in the last 15 minutes before expiry,
///   the cached credentials keep being served until they expire, with retries (Python raises at once);
/// - a response body quoted in an error goes through `SafeBody.render`, which masks secret-looking
///   fields (Python quotes the raw body), and a password or a secret-looking query value of the URI
///   itself is masked where the message names the URI;
/// - `NO_PROXY` is honoured.
public final class CredentialsURIProvider: CredentialsProvider {
    public let providerName = "credential_uri"
    /// The URI asked for credentials.
    public let uri: String
    private let cache: RefreshingCredentialsProvider

    /// - Parameters:
    ///   - uri: nil or empty reads `ALIBABA_CLOUD_CREDENTIALS_URI`.
    ///   - httpOptions: proxy (https URIs only) and timeouts (defaults 5000 ms connect, 10000 ms read).
    ///   - context: environment, clock and transport.
    /// - Throws: `uri or environment variable ALIBABA_CLOUD_CREDENTIALS_URI cannot be empty`
    ///   (``CredentialsError/Code/invalidArgument``).
    public init(uri: String? = nil, httpOptions: HTTPOptions = HTTPOptions(), context: ProviderContext) throws {
        guard let uri = uri.nonEmpty ?? context.environment.nonEmpty("ALIBABA_CLOUD_CREDENTIALS_URI") else {
            throw CredentialsError.invalidArgument("uri or environment variable ALIBABA_CLOUD_CREDENTIALS_URI cannot be empty")
        }
        self.uri = uri
        let fetcher = CredentialsURIFetch(uri: uri, options: httpOptions, transport: context.transport)
        cache = RefreshingCredentialsProvider(providerName: "credential_uri", policy: .sts, clock: context.clock) {
            try await fetcher.fetch()
        }
    }

    public func credential() async throws -> Credential {
        do {
            return try await cache.credential()
        } catch {
            throw EndpointNaming.named(error, endpoint: "the credentials URI \(CredentialsURIFetch.displayURI(uri))")
        }
    }
}

/// One `GET <uri>` and the reading of its answer.
struct CredentialsURIFetch: Sendable {
    let uri: String
    let options: HTTPOptions
    let transport: any HTTPTransport

    func fetch() async throws -> Credential {
        let shown = Self.displayURI(uri)
        guard let parts = URLParts(uri) else {
            throw CredentialsError(
                .invalidArgument, "\"endpoint\" is required.", hint: "the credentials URI must be an absolute http:// or https:// URL")
        }
        let request = HTTPRequest(
            method: "GET", scheme: parts.scheme, host: parts.host, port: parts.port, path: parts.path,
            rawQuery: Self.reencodedQuery(parts.query), headers: [(name: "host", value: parts.host)],
            connectTimeoutMs: options.connectTimeout(default: 5000), readTimeoutMs: options.readTimeout(default: 10000),
            routing: .direct, proxy: parts.scheme == "https" ? options.proxy : nil)
        let response = try await transport.send(request)
        guard response.status == 200 else {
            throw CredentialsError(
                .server, "error refreshing credentials from \(shown),  http_code=\(response.status), result: \(SafeBody.render(response.body))")
        }
        let document: JSONValue
        do {
            document = try JSONValue.parse(response.body)
        } catch {
            throw CredentialsError(.server, error.description, hint: "the credentials URI \(shown) answered 200 with a body that is not JSON")
        }
        let retrievalError = CredentialsError(.server, "error retrieving credentials from \(shown) result: \(SafeBody.render(response.body))")
        guard let object = document.objectValue, object["Code"]?.stringValue == "Success",
            object.contains(key: "Expiration"),
            let id = object["AccessKeyId"]?.stringValue, let secret = object["AccessKeySecret"]?.stringValue,
            let token = object["SecurityToken"]?.stringValue
        else { throw retrievalError }
        let expiration = try STSCall.expiration(object["Expiration"], provider: "credential_uri")
        return Credential(accessKeyId: id, accessKeySecret: secret, securityToken: token, expiration: expiration, providerName: "credential_uri")
    }

    /// Python's `parse_qs` then `quote_plus`: pairs decoded (`+` is a space), empty values and pairs
    /// without `=` dropped, each key at its first position with its last value, re-encoded with `+`.
    static func reencodedQuery(_ query: String) -> String {
        var order: [String] = []
        var values: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let pieces = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces.count == 2, !pieces[1].isEmpty else { continue }
            let key = PercentEncoder.decode(String(pieces[0]), plusAsSpace: true) ?? String(pieces[0])
            let value = PercentEncoder.decode(String(pieces[1]), plusAsSpace: true) ?? String(pieces[1])
            if values[key] == nil { order.append(key) }
            values[key] = value
        }
        return order.map { "\(PercentEncoder.formPlus($0))=\(PercentEncoder.formPlus(values[$0] ?? ""))" }.joined(separator: "&")
    }

    /// The URI as messages show it: a user-info password and the values of secret-looking query
    /// parameters (`token`, `secret`, `signature`, `password`, …) replaced by `******`.
    static func displayURI(_ uri: String) -> String {
        var text = uri
        if let schemeEnd = text.firstRange(of: "://") {
            let authorityEnd = text[schemeEnd.upperBound...].firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? text.endIndex
            let authority = text[schemeEnd.upperBound..<authorityEnd]
            if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                text.replaceSubrange(authority.index(after: colon)..<at, with: "******")
            }
        }
        guard let question = text.firstIndex(of: "?") else { return text }
        let queryEnd = text[question...].firstIndex(of: "#") ?? text.endIndex
        let pairs = text[text.index(after: question)..<queryEnd].split(separator: "&", omittingEmptySubsequences: false).map { pair in
            let pieces = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces.count == 2, isSecretName(String(pieces[0])) else { return String(pair) }
            return "\(pieces[0])=******"
        }
        return String(text[...question]) + pairs.joined(separator: "&") + String(text[queryEnd...])
    }

    private static func isSecretName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return ["token", "secret", "signature", "password", "credential", "auth", "sig"].contains { lower.contains($0) }
    }
}
