import CloudHTTP
import CredentialsCore

/// STS credentials for a CloudSSO access configuration (`cloud_sso`), with the access token the aliyun CLI
/// saved at sign-in (`aliyun configure --mode CloudSSO`).
///
/// Each refresh is `POST <sign-in host>/cloud-credentials` with `Authorization: Bearer <access token>` and
/// `{"AccountId": …, "AccessConfigurationId": …}`; the answer's `CloudCredential` is cached until 15 minutes
/// before it expires. The access token itself is never refreshed: when it expires, sign in again with the CLI.
///
/// Differences from the Python library, on purpose:
/// * an access token without an expiry is rejected with the "empty or expired" error below (Python crashes
///   with a `TypeError`);
/// * server bodies in error messages are rendered by `SafeBody` (secrets masked);
/// * a refresh that fails while the cached credentials are still valid serves them (stale-if-error).
public final class CloudSSOProvider: CredentialsProvider {
    public let providerName = "cloud_sso"
    /// The account whose access configuration is used.
    public let accountId: String
    /// The CloudSSO access configuration id.
    public let accessConfig: String
    private let cache: RefreshingCredentialsProvider
    /// How errors name the endpoint.
    private let endpointName: String

    /// - Parameters:
    ///   - signInURL: the CloudSSO user portal sign-in URL; only its scheme, host and port are used.
    ///   - accountId: the account id.
    ///   - accessConfig: the access configuration id.
    ///   - accessToken: the CloudSSO access token.
    ///   - accessTokenExpire: when the access token expires, in epoch seconds.
    ///   - httpOptions: timeouts (default connect 5000 ms, read 10000 ms) and proxy.
    /// - Throws: `CloudSSO access token is empty or expired, please re-login with cli`, then
    ///   `CloudSSO sign in url or account id or access config is empty` (invalid arguments), in that order.
    public init(
        signInURL: String?,
        accountId: String?,
        accessConfig: String?,
        accessToken: String?,
        accessTokenExpire: Int64?,
        httpOptions: HTTPOptions = HTTPOptions(),
        context: ProviderContext
    ) throws {
        let now = EpochSeconds.now(context.clock)
        guard let accessToken, let expire = accessTokenExpire, expire != 0, expire - now > 0 else {
            let hint = accessToken != nil && accessTokenExpire == nil
                ? "the profile has an access token but no cloud_sso_access_token_expire; sign in again with `aliyun configure --mode CloudSSO`"
                : "sign in again with `aliyun configure --mode CloudSSO`"
            throw CredentialsError.invalidArgument("CloudSSO access token is empty or expired, please re-login with cli", hint: hint)
        }
        guard let signInURL, let accountId, let accessConfig else {
            throw CredentialsError.invalidArgument("CloudSSO sign in url or account id or access config is empty")
        }
        self.accountId = accountId
        self.accessConfig = accessConfig
        endpointName = EndpointNaming.signIn("CloudSSO", url: signInURL, path: "/cloud-credentials")
        let request = CloudSSORequest(
            signInURL: signInURL, accountId: accountId, accessConfig: accessConfig, accessToken: accessToken,
            options: httpOptions, transport: context.transport)
        cache = RefreshingCredentialsProvider(providerName: "cloud_sso", policy: .sts, clock: context.clock) {
            try await request.fetch()
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

/// One `POST /cloud-credentials` and the reading of its answer.
private struct CloudSSORequest: Sendable {
    let signInURL: String
    let accountId: String
    let accessConfig: String
    let accessToken: String
    let options: HTTPOptions
    let transport: any HTTPTransport

    func fetch() async throws -> Credential {
        let endpoint = try SignInEndpoint(url: signInURL, options: options)
        // json.dumps with its default separators (", " and ": ") and ASCII escapes.
        let body: JSONValue = ["AccountId": .string(accountId), "AccessConfigurationId": .string(accessConfig)]
        let request = endpoint.post(
            "/cloud-credentials",
            headers: [
                ("Accept", "application/json"), ("Content-Type", "application/json"), ("Authorization", "Bearer \(accessToken)"),
            ],
            body: Array(body.serialized(style: .python).utf8))
        let response = try await transport.send(request)
        guard response.status == 200 else {
            throw CredentialsError(
                .server, "error refreshing credentials from sso, http_code: \(response.status), result: \(SafeBody.render(response.body))",
                hint: response.status == 401 || response.status == 403
                    ? "the CloudSSO access token was refused: sign in again with `aliyun configure --mode CloudSSO`" : nil)
        }
        let document = try LoginResponse.json(response, from: request)
        guard LoginResponse.has(document, "CloudCredential"), let cloud = document["CloudCredential"],
            LoginResponse.has(cloud, "AccessKeyId", "AccessKeySecret", "SecurityToken"),
            let id = cloud["AccessKeyId"]?.stringValue, let secret = cloud["AccessKeySecret"]?.stringValue,
            let token = cloud["SecurityToken"]?.stringValue
        else {
            throw CredentialsError(.server, "error retrieving credentials from sso result: \(SafeBody.render(response.body))")
        }
        let expiration = try LoginResponse.expiration(cloud["Expiration"])
        return Credential(
            accessKeyId: id, accessKeySecret: secret, securityToken: token, expiration: EpochSeconds.date(expiration), providerName: "cloud_sso")
    }
}
