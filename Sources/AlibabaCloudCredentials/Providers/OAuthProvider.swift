import CloudHTTP
import CloudSigning
import CredentialsCore
import Synchronization

/// What an OAuth refresh hands to the token-update callback (the Python callback's seven arguments), so the
/// new tokens and STS credentials can be saved (the CLI profile provider writes them into `config.json`).
public struct OAuthTokenUpdate: Sendable, Hashable {
    public var refreshToken: String?
    public var accessToken: String?
    public var accessKeyId: String
    public var accessKeySecret: String
    public var securityToken: String
    /// When the access token expires, epoch seconds (0 when unknown).
    public var accessTokenExpire: Int64
    /// When the STS credentials expire, epoch seconds.
    public var stsExpiration: Int64
}

/// STS credentials from an aliyun CLI OAuth sign-in (`oauth`): the OAuth access token is exchanged for STS
/// credentials at `POST <sign-in host>/v1/exchange`, and renewed with the refresh token at `POST /v1/token`
/// when 1200 seconds or less of it are left.
///
/// * STS credentials saved by an earlier exchange (`access_key_id`, `access_key_secret`, `sts_token`,
///   `sts_expiration`) are used without any request while they have not expired.
/// * Credentials are cached until their exact expiry (no 15-minute margin), as in the Python library.
/// * After each exchange `tokenUpdate` is called; its errors are logged (without secrets) and ignored.
///
/// Differences from the Python library, on purpose: an access token without an expiry counts as expired
/// (Python fails with a `TypeError` when a refresh token is present); server bodies in error messages are
/// rendered by `SafeBody`; a failed refresh serves still-valid cached credentials (stale-if-error).
public final class OAuthProvider: CredentialsProvider {
    /// The aliyun CLI's OAuth sites.
    public enum Site: String, Sendable, CaseIterable {
        /// China site: `https://oauth.aliyun.com`, client id `4038181954557748008`.
        case cn = "CN"
        /// International site: `https://oauth.alibabacloud.com`, client id `4103531455503354461`.
        case intl = "INTL"

        /// The site for `oauth_site_type` (case-insensitive), or nil.
        public init?(siteType: String) {
            self.init(rawValue: siteType.uppercased())
        }

        public var signInURL: String {
            switch self {
            case .cn: "https://oauth.aliyun.com"
            case .intl: "https://oauth.alibabacloud.com"
            }
        }

        public var clientId: String {
            switch self {
            case .cn: "4038181954557748008"
            case .intl: "4103531455503354461"
            }
        }
    }

    /// Called after each successful exchange.
    public typealias TokenUpdate = @Sendable (OAuthTokenUpdate) async throws -> Void

    /// The access token is refreshed when this many seconds or fewer are left.
    public static let refreshLeadSeconds: Int64 = 1200

    public let providerName = "oauth"
    private let cache: RefreshingCredentialsProvider
    /// How errors name the endpoint.
    private let endpointName: String

    /// - Parameters:
    ///   - clientId: the OAuth application (see ``Site/clientId``).
    ///   - signInURL: the OAuth host (see ``Site/signInURL``); only its scheme, host and port are used.
    ///   - accessToken, accessTokenExpire, refreshToken: the OAuth tokens (all optional).
    ///   - accessKeyId, accessKeySecret, securityToken, stsExpiration: STS credentials saved by an earlier exchange.
    ///   - tokenUpdate: receives new tokens and credentials after each exchange.
    /// - Throws: `the ClientId is empty`, `the url for sign-in is empty` (invalid arguments).
    public init(
        clientId: String?,
        signInURL: String?,
        accessToken: String? = nil,
        accessTokenExpire: Int64? = nil,
        refreshToken: String? = nil,
        accessKeyId: String? = nil,
        accessKeySecret: String? = nil,
        securityToken: String? = nil,
        stsExpiration: Int64? = nil,
        httpOptions: HTTPOptions = HTTPOptions(),
        tokenUpdate: TokenUpdate? = nil,
        context: ProviderContext
    ) throws {
        guard let clientId = clientId.nonEmpty else { throw CredentialsError.invalidArgument("the ClientId is empty") }
        guard let signInURL = signInURL.nonEmpty else { throw CredentialsError.invalidArgument("the url for sign-in is empty") }
        let state = OAuthState(
            accessToken: accessToken, accessTokenExpire: accessTokenExpire ?? 0, refreshToken: refreshToken,
            sts: PersistedSTS(accessKeyId: accessKeyId, accessKeySecret: accessKeySecret, securityToken: securityToken, expiration: stsExpiration))
        endpointName = EndpointNaming.signIn("OAuth sign-in", url: signInURL)
        let session = OAuthSession(
            clientId: clientId, signInURL: signInURL, options: httpOptions, context: context, tokenUpdate: tokenUpdate, state: state)
        cache = RefreshingCredentialsProvider(providerName: "oauth", policy: .oauth, clock: context.clock) {
            try await session.refresh()
        }
    }

    public func credential() async throws -> Credential {
        do {
            return try await cache.credential()
        } catch {
            throw EndpointNaming.named(error, endpoint: endpointName)
        }
    }
}

/// STS credentials kept from the last exchange (or read from the profile).
private struct PersistedSTS: Sendable {
    var accessKeyId: String?
    var accessKeySecret: String?
    var securityToken: String?
    var expiration: Int64?

    /// The credentials when all four are set and they have not expired at `now`.
    func valid(now: Int64) -> Credential? {
        guard let id = accessKeyId.nonEmpty, let secret = accessKeySecret.nonEmpty, let token = securityToken.nonEmpty,
            let expiration, expiration != 0, expiration > now
        else { return nil }
        return Credential(accessKeyId: id, accessKeySecret: secret, securityToken: token, expiration: EpochSeconds.date(expiration), providerName: "oauth")
    }
}

private struct OAuthState: Sendable {
    var accessToken: String?
    var accessTokenExpire: Int64
    var refreshToken: String?
    var sts: PersistedSTS
}

/// The refresh steps. The engine runs at most one refresh at a time; the state sits behind a mutex anyway.
private final class OAuthSession: Sendable {
    let clientId: String
    let signInURL: String
    let options: HTTPOptions
    let context: ProviderContext
    let tokenUpdate: OAuthProvider.TokenUpdate?
    let state: Mutex<OAuthState>

    init(
        clientId: String, signInURL: String, options: HTTPOptions, context: ProviderContext, tokenUpdate: OAuthProvider.TokenUpdate?,
        state: OAuthState
    ) {
        self.clientId = clientId
        self.signInURL = signInURL
        self.options = options
        self.context = context
        self.tokenUpdate = tokenUpdate
        self.state = Mutex(state)
    }

    func refresh() async throws -> Credential {
        let now = EpochSeconds.now(context.clock)
        let snapshot = state.withLock { $0 }
        if let saved = snapshot.sts.valid(now: now) { return saved }

        let endpoint = try SignInEndpoint(url: signInURL, options: options)
        if let refreshToken = snapshot.refreshToken.nonEmpty,
            snapshot.accessToken == nil || snapshot.accessTokenExpire <= 0 || snapshot.accessTokenExpire - now <= OAuthProvider.refreshLeadSeconds
        {
            try await refreshAccessToken(refreshToken, endpoint: endpoint)
        }
        let (credential, expiration) = try await exchange(endpoint: endpoint)
        await report(credential, stsExpiration: expiration)
        return credential
    }

    /// `POST /v1/token` with the refresh grant; replaces both tokens and the access token's expiry.
    private func refreshAccessToken(_ refreshToken: String, endpoint: SignInEndpoint) async throws {
        let started = EpochSeconds.now(context.clock)
        let form = [
            ("grant_type", "refresh_token"), ("refresh_token", refreshToken), ("client_id", clientId),
            ("Timestamp", TimeFormat.iso8601(context.clock.now())),
        ]
        let body = form.map { "\(PercentEncoder.formPlus($0.0))=\(PercentEncoder.formPlus($0.1))" }.joined(separator: "&")
        let request = endpoint.post("/v1/token", headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(body.utf8))
        let response = try await context.transport.send(request)
        guard response.status == 200 else {
            throw CredentialsError(
                .server, "failed to refresh OAuth token, status code: \(response.status), response: \(SafeBody.render(response.body))",
                hint: "sign in again with `aliyun configure --mode OAuth`")
        }
        let document = try LoginResponse.json(response, from: request)
        guard LoginResponse.has(document, "access_token", "refresh_token"),
            let accessToken = document["access_token"]?.stringValue, let newRefreshToken = document["refresh_token"]?.stringValue
        else {
            throw CredentialsError(.server, "failed to refresh OAuth token: \(SafeBody.render(response.body))")
        }
        let expiresIn = document["expires_in"]?.doubleValue.map { Int64($0.rounded(.down)) } ?? 3600
        state.withLock { state in
            state.accessToken = accessToken
            state.refreshToken = newRefreshToken
            state.accessTokenExpire = started + expiresIn
        }
    }

    /// `POST /v1/exchange` with the access token; remembers the STS credentials it returns.
    private func exchange(endpoint: SignInEndpoint) async throws -> (Credential, Int64) {
        // Python formats a missing token as `Bearer None`; so do we, the server refuses both alike.
        let accessToken = state.withLock { $0.accessToken } ?? "None"
        let request = endpoint.post(
            "/v1/exchange", headers: [("Content-Type", "application/json"), ("Authorization", "Bearer \(accessToken)")], body: [])
        let response = try await context.transport.send(request)
        guard response.status == 200 else {
            throw CredentialsError(
                .server, "error refreshing credentials from OAuth, http_code: \(response.status), result: \(SafeBody.render(response.body))",
                hint: response.status == 401 ? "the OAuth access token was refused: sign in again with `aliyun configure --mode OAuth`" : nil)
        }
        let document = try LoginResponse.json(response, from: request)
        guard !LoginResponse.has(document, "error"), LoginResponse.has(document, "AccessKeyId", "AccessKeySecret", "SecurityToken"),
            let id = document["AccessKeyId"]?.stringValue, let secret = document["AccessKeySecret"]?.stringValue,
            let token = document["SecurityToken"]?.stringValue
        else {
            throw CredentialsError(.server, "error retrieving credentials from OAuth result: \(SafeBody.render(response.body))")
        }
        let expiration = try LoginResponse.expiration(document["Expiration"])
        state.withLock {
            $0.sts = PersistedSTS(accessKeyId: id, accessKeySecret: secret, securityToken: token, expiration: expiration)
        }
        let credential = Credential(
            accessKeyId: id, accessKeySecret: secret, securityToken: token, expiration: EpochSeconds.date(expiration), providerName: "oauth")
        return (credential, expiration)
    }

    /// Hands the new tokens to the callback; its failure is only logged.
    private func report(_ credential: Credential, stsExpiration: Int64) async {
        guard let tokenUpdate else { return }
        let snapshot = state.withLock { $0 }
        let update = OAuthTokenUpdate(
            refreshToken: snapshot.refreshToken, accessToken: snapshot.accessToken, accessKeyId: credential.accessKeyId,
            accessKeySecret: credential.accessKeySecret, securityToken: credential.securityToken ?? "",
            accessTokenExpire: snapshot.accessTokenExpire, stsExpiration: stsExpiration)
        do {
            try await tokenUpdate(update)
        } catch {
            context.logger.warning("failed to update OAuth tokens in config file: \(error)")
        }
    }
}
