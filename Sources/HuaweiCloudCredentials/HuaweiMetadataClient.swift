import CloudHTTP
import CredentialsCore
import Logging

/// The requests of one refresh against the Huawei ECS metadata service.
struct HuaweiMetadataClient: Sendable {
    static let host = "169.254.169.254"
    static let tokenPath = "/meta-data/latest/api/token"
    static let securityKeyPath = "/openstack/latest/securitykey"
    static let tokenTTLHeader = "X-Metadata-Token-Ttl-Seconds"
    static let tokenHeader = "X-Metadata-Token"
    static let tokenTTLSeconds = 21600
    static let tokenReadTimeoutMs = 300
    static let securityKeyReadTimeoutMs = 600
    static let notOnECSHint = "no Huawei ECS metadata service answered: outside Huawei Cloud set "
        + "\(HuaweiEnvironmentVariable.metadataDisabled)=true, or configure HUAWEICLOUD_SDK_AK/SK"

    let transport: any HTTPTransport
    let connectTimeoutMs: Int
    /// Multiplies the read timeouts (1 in production; tests on a loaded machine give more room).
    var readTimeoutScale = 1
    let logger: Logger

    /// One refresh: a session token when the service offers one, then the security key.
    func fetchCredential() async throws -> Credential {
        logger.debug("fetching Huawei ECS metadata credentials", metadata: ["endpoint": "\(Self.endpoint(Self.securityKeyPath))"])
        let token = try await sessionToken()
        let response = try await send(
            "GET", Self.securityKeyPath, headers: token.map { [(Self.tokenHeader, $0)] } ?? [],
            readTimeoutMs: Self.securityKeyReadTimeoutMs * readTimeoutScale)
        return try Self.credential(from: response)
    }

    /// The session token, or nil when the service predates tokens (404 or 405).
    private func sessionToken() async throws -> String? {
        let response: HTTPResponse
        do {
            response = try await send(
                "PUT", Self.tokenPath, headers: [(Self.tokenTTLHeader, String(Self.tokenTTLSeconds))],
                readTimeoutMs: Self.tokenReadTimeoutMs * readTimeoutScale)
        } catch var error as CredentialsError {
            if error.code == .network { error.hint = error.hint ?? Self.notOnECSHint }
            throw error
        }
        switch response.status {
        case 200:
            let token = SafeText.trimmed(response.text)
            guard !token.isEmpty else {
                throw CredentialsError(.server, "the session token from \(Self.endpoint(Self.tokenPath)) is empty")
            }
            return token
        case 404, 405:
            return nil
        default:
            throw CredentialsError(
                .server, "the session token request to \(Self.endpoint(Self.tokenPath)) failed with HTTP \(response.status)",
                hint: "the metadata service refused a token with a TTL of \(Self.tokenTTLSeconds) s")
        }
    }

    private func send(
        _ method: String, _ path: String, headers: [(String, String)], readTimeoutMs: Int
    ) async throws -> HTTPResponse {
        let request = HTTPRequest(
            method: method, scheme: "http", host: Self.host, path: path,
            headers: headers.map { (name: $0.0, value: $0.1) },
            connectTimeoutMs: connectTimeoutMs, readTimeoutMs: readTimeoutMs, routing: .cloudEndpoint)
        return try await transport.send(request)
    }

    /// Reads `{"credential": {"access", "secret", "securitytoken", "expires_at"}}`.
    static func credential(from response: HTTPResponse) throws -> Credential {
        let endpoint = endpoint(securityKeyPath)
        guard response.status == 200 else {
            throw CredentialsError(
                .server, "the security key request to \(endpoint) failed with HTTP \(response.status)",
                hint: hint(status: response.status, body: response.text))
        }
        guard let document = try? JSONValue.parse(response.body), let credential = document["credential"],
              case .object = credential
        else {
            throw CredentialsError(
                .server, "the answer of \(endpoint) is not a JSON object with a \"credential\" member",
                hint: "check that 169.254.169.254 is a Huawei Cloud metadata service")
        }
        let fields = ["access", "secret", "securitytoken", "expires_at"]
        let values = fields.map { credential[$0]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } }
        let missing = zip(fields, values).filter { $0.1 == nil }.map(\.0)
        guard missing.isEmpty, let access = values[0], let secret = values[1], let token = values[2], let expiresText = values[3]
        else {
            throw CredentialsError(
                .server, "the answer of \(endpoint) lacks \(missing.joined(separator: ", ")) in \"credential\"")
        }
        guard let expiration = TimeFormat.parseISO8601Lenient(expiresText) else {
            throw CredentialsError(
                .server, "the answer of \(endpoint) has an expires_at that is not an ISO-8601 time: \(expiresText.prefix(40))")
        }
        return Credential(
            accessKeyId: access, accessKeySecret: secret, securityToken: token, expiration: expiration,
            providerName: "metadata")
    }

    private static func hint(status: Int, body: String) -> String? {
        if body.contains("Please configure Cloud Service Agency first") {
            return "attach an agency to the ECS (console: ECS → Management Information → Agency)"
        }
        switch status {
        case 404: return "the ECS has no agency attached, or this metadata service offers no security keys"
        case 401, 403: return "the metadata service refused the request: it may require a session token (X-Metadata-Token)"
        default: return nil
        }
    }

    static func endpoint(_ path: String) -> String { "http://\(host)\(path)" }
}

/// Whitespace trimming without Foundation.
enum SafeText {
    static func trimmed(_ text: String) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
