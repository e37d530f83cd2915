import CloudHTTP
import CloudSigning
import CredentialsCore

/// Credentials of the RAM role attached to an ECS instance, from the instance metadata service at
/// `100.100.100.200` (`ecs_ram_role`, the Python library's `EcsRamRoleCredentialsProvider`).
///
/// Each refresh, as the Python library 1.0.12 does it:
/// 1. without a role name (nil and no `ALIBABA_CLOUD_ECS_METADATA`, or empty), the role is discovered
///    from `GET /latest/meta-data/ram/security-credentials/`, at every refresh (never cached);
/// 2. a session token is requested (`PUT /latest/api/token`, TTL header 21600: IMDSv2); when that fails
///    and IMDSv1 is allowed, the failure is swallowed and the requests go without a token (IMDSv1);
/// 3. `GET /latest/meta-data/ram/security-credentials/<role>` with the token; when that fails and IMDSv1
///    is allowed, it is retried once without the token.
///
/// So a configured role costs 2 requests per refresh and a discovered one 4.
/// Timeouts default to 1000 ms (connect) and 1000 ms (read). The proxy option applies (the requests are
/// plain HTTP), and `CLOUDCRED_CONNECT_TO` redirects them to an emulator.
///
/// Caching follows ``RefreshPolicy/ecs``: credentials go stale 15 minutes before they expire, a
/// background refresh starts one hour after each fetch, and when a refresh fails the last credentials
/// keep being served, even once expired, while refreshes are retried with jittered backoff.
/// There is no thread or timer per provider (the Python library starts a scheduler per instance): the
/// background refresh is started lazily by the first call made after the hour has passed.
///
/// Differences from the Python library, all deliberate:
/// - stale-if-error comes from cloudcred's refresh engine (retry delays differ from Python's);
/// - `NO_PROXY` is honoured (Python sends metadata requests to `HTTP_PROXY` regardless);
/// - when the token request cannot even connect (connection refused, host unreachable, connect timeout),
///   the IMDSv1 attempts are skipped, since they would hit the same wall: outside ECS the default chain's
///   probe fails after one connect timeout instead of two (the timeouts themselves are unchanged);
/// - error messages never quote a metadata token or a credential.
public final class ECSRAMRoleProvider: CredentialsProvider {
    public let providerName = "ecs_ram_role"
    /// The configured role name; nil or empty means "discover it at every refresh".
    public let roleName: String?
    /// True when IMDSv1 (requests without a session token) is not allowed.
    public let disableIMDSv1: Bool
    private let cache: RefreshingCredentialsProvider

    /// - Parameters:
    ///   - roleName: the instance's RAM role; nil reads `ALIBABA_CLOUD_ECS_METADATA`; empty (or unset
    ///     everywhere) discovers it from the metadata service at each refresh.
    ///   - disableIMDSv1: nil reads `ALIBABA_CLOUD_IMDSV1_DISABLED` (`true`, any case, disables).
    ///   - httpOptions: proxy and timeouts (defaults 1000 ms connect, 1000 ms read).
    ///   - context: environment, clock and transport.
    /// - Throws: `IMDS credentials is disabled` (``CredentialsError/Code/invalidArgument``) when
    ///   `ALIBABA_CLOUD_ECS_METADATA_DISABLED` is `true`.
    public init(
        roleName: String? = nil, disableIMDSv1: Bool? = nil, httpOptions: HTTPOptions = HTTPOptions(), context: ProviderContext
    ) throws {
        let env = context.environment
        guard !env.isTrue("ALIBABA_CLOUD_ECS_METADATA_DISABLED") else {
            throw CredentialsError.invalidArgument(
                "IMDS credentials is disabled", hint: "ALIBABA_CLOUD_ECS_METADATA_DISABLED=true turns the ECS RAM role off")
        }
        let role = roleName ?? env["ALIBABA_CLOUD_ECS_METADATA"]
        let v1Disabled = disableIMDSv1 ?? env.isTrue("ALIBABA_CLOUD_IMDSV1_DISABLED")
        self.roleName = role
        self.disableIMDSv1 = v1Disabled
        let metadata = ECSMetadataClient(options: httpOptions, transport: context.transport, disableIMDSv1: v1Disabled)
        cache = RefreshingCredentialsProvider(providerName: "ecs_ram_role", policy: .ecs, clock: context.clock) {
            try await metadata.fetchCredentials(roleName: role)
        }
    }

    public func credential() async throws -> Credential {
        do {
            return try await cache.credential()
        } catch {
            throw EndpointNaming.named(error, endpoint: "the ECS metadata service at http://\(ECSMetadataClient.host)")
        }
    }
}

/// The requests of one refresh against the ECS instance metadata service.
struct ECSMetadataClient: Sendable {
    static let host = "100.100.100.200"
    static let tokenPath = "/latest/api/token"
    static let credentialsPath = "/latest/meta-data/ram/security-credentials/"
    static let tokenTTLHeader = "X-aliyun-ecs-metadata-token-ttl-seconds"
    static let tokenHeader = "X-aliyun-ecs-metadata-token"
    static let tokenTTLSeconds = 21600
    static let fetchError = "Failed to get RAM session credentials from ECS metadata service."
    static let tokenError = "Failed to get token from ECS Metadata Service."

    let options: HTTPOptions
    let transport: any HTTPTransport
    let disableIMDSv1: Bool

    /// One refresh: discover the role when needed, get a token, get the credentials.
    func fetchCredentials(roleName: String?) async throws -> Credential {
        var role = roleName ?? ""
        if role.isEmpty { role = try await discoverRoleName() }
        let token = try await metadataToken()
        return try await withIMDSv1Fallback(token: token) { token in
            try Self.credential(from: try await get(Self.credentialsPath + PercentEncoder.rfc3986(role), token: token))
        }
    }

    /// The role list's whole body (untrimmed, as Python reads it).
    private func discoverRoleName() async throws -> String {
        let token = try await metadataToken()
        return try await withIMDSv1Fallback(token: token) { token in
            let response = try await get(Self.credentialsPath, token: token)
            try Self.requireOK(response)
            return String(decoding: response.body, as: UTF8.self)
        }
    }

    /// A session token (IMDSv2), or nil when it could not be had and IMDSv1 may be used instead.
    private func metadataToken() async throws -> String? {
        do {
            let response = try await send("PUT", Self.tokenPath, headers: [(Self.tokenTTLHeader, String(Self.tokenTTLSeconds))])
            guard response.status == 200 else {
                throw CredentialsError(
                    .server, "\(Self.tokenError) HttpCode=\(response.status)", hint: Self.hint(forStatus: response.status))
            }
            return String(decoding: response.body, as: UTF8.self)
        } catch {
            if disableIMDSv1 || Self.couldNotConnect(error) { throw error }
            return nil
        }
    }

    /// Runs `attempt` with the token; when it fails, a token was used and IMDSv1 is allowed, runs it
    /// once more without the token (the 1.0.12 fallback), unless the service could not be reached at all.
    private func withIMDSv1Fallback<T>(token: String?, _ attempt: (String?) async throws -> T) async throws -> T {
        do {
            return try await attempt(token)
        } catch {
            guard token != nil, !disableIMDSv1, !Self.couldNotConnect(error) else { throw error }
            return try await attempt(nil)
        }
    }

    private func get(_ path: String, token: String?) async throws -> HTTPResponse {
        try await send("GET", path, headers: token.map { [(Self.tokenHeader, $0)] } ?? [])
    }

    private func send(_ method: String, _ path: String, headers: [(String, String)]) async throws -> HTTPResponse {
        let request = HTTPRequest(
            method: method, scheme: "http", host: Self.host, path: path,
            headers: headers.map { (name: $0.0, value: $0.1) },
            connectTimeoutMs: options.connectTimeout(default: 1000), readTimeoutMs: options.readTimeout(default: 1000),
            routing: .cloudEndpoint, proxy: options.proxy)
        return try await transport.send(request)
    }

    /// Reads the credentials document: `Code` must be `Success`.
    static func credential(from response: HTTPResponse) throws -> Credential {
        try requireOK(response)
        let document: JSONValue
        do {
            document = try JSONValue.parse(response.body)
        } catch {
            throw CredentialsError(.server, error.description, hint: "the ECS metadata service answered with a body that is not JSON")
        }
        guard document["Code"]?.stringValue == "Success" else {
            throw CredentialsError(.server, fetchError, hint: "the metadata service's answer has no Code \"Success\"")
        }
        guard let id = document["AccessKeyId"]?.stringValue, let secret = document["AccessKeySecret"]?.stringValue,
            let token = document["SecurityToken"]?.stringValue
        else {
            throw CredentialsError(.server, fetchError, hint: "the answer lacks AccessKeyId, AccessKeySecret or SecurityToken")
        }
        let expiration = try STSCall.expiration(document["Expiration"], provider: "ecs_ram_role")
        return Credential(accessKeyId: id, accessKeySecret: secret, securityToken: token, expiration: expiration, providerName: "ecs_ram_role")
    }

    private static func requireOK(_ response: HTTPResponse) throws {
        guard response.status == 200 else {
            throw CredentialsError(.server, "\(fetchError) HttpCode=\(response.status)", hint: hint(forStatus: response.status))
        }
    }

    private static func hint(forStatus status: Int) -> String? {
        switch status {
        case 404: return "the instance has no RAM role attached, or the role name is wrong"
        case 401, 403: return "the metadata service refused the request: it may require IMDSv2 session tokens"
        default: return nil
        }
    }

    /// True when the transport could not open a connection at all (refused, unreachable, connect timeout):
    /// a retry without a token would fail the same way.
    static func couldNotConnect(_ error: any Error) -> Bool {
        guard let error = error as? CredentialsError, error.code == .network else { return false }
        let message = error.message
        return message.hasSuffix("connection refused") || message.contains("connect timed out")
            || message.contains("could not connect") || message.hasSuffix("the network or host is unreachable")
    }
}
