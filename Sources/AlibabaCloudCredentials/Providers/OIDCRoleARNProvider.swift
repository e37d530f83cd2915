import CredentialsCore

/// Assumes a RAM role with an OIDC token (`oidc_role_arn`, the Python library's
/// `OIDCRoleArnCredentialsProvider`): STS `AssumeRoleWithOIDC`, an unsigned GET whose query carries the
/// token read from a file, as in Kubernetes RRSA.
///
/// The token file is not read at construction; it is read again at every refresh, so a rotated token
/// is picked up. Credentials are cached and refreshed 15 minutes before they expire (``RefreshPolicy/sts``).
/// Timeouts default to 5000 ms (connect) and 10000 ms (read). The endpoint is chosen as for
/// ``RAMRoleARNProvider`` (`sts_endpoint`, else region and VPC settings, else `sts.aliyuncs.com`).
///
/// Differences from the Python library, all deliberate:
/// - stale-if-error (cloudcred's refresh engine): when a refresh fails in the last 15 minutes before expiry,
///   the cached credentials keep being served until they expire, with retries (Python raises at once);
/// - trailing line breaks of the token file are trimmed (Python sends a final newline as `%0A`);
/// - a session duration of 0 (which aliyun CLI writes as `expired_seconds`) means 3600, as in
///   ``RAMRoleARNProvider`` (Python rejects it);
/// - the default session name is `credentials-swift-<epoch seconds>` (Python: `credentials-python-…`);
/// - STS error bodies are quoted through `SafeBody.render`, which masks secret-looking fields.
public final class OIDCRoleARNProvider: CredentialsProvider {
    public let providerName = "oidc_role_arn"
    /// The role assumed.
    public let roleARN: String
    /// The OIDC identity provider's ARN.
    public let oidcProviderARN: String
    /// The file holding the OIDC token.
    public let oidcTokenFilePath: String
    /// The session name sent.
    public let roleSessionName: String
    public let durationSeconds: Int
    /// The STS endpoint called.
    public let endpoint: String
    private let cache: RefreshingCredentialsProvider

    /// Checks, in the Python library's order: the duration, then the role ARN, the provider ARN and the
    /// token file (all ``CredentialsError/Code/invalidArgument``).
    /// - Parameters:
    ///   - roleARN: nil or empty reads `ALIBABA_CLOUD_ROLE_ARN`.
    ///   - oidcProviderARN: nil or empty reads `ALIBABA_CLOUD_OIDC_PROVIDER_ARN`.
    ///   - oidcTokenFilePath: nil or empty reads `ALIBABA_CLOUD_OIDC_TOKEN_FILE`.
    ///   - roleSessionName: nil or empty reads `ALIBABA_CLOUD_ROLE_SESSION_NAME`, else `credentials-swift-<epoch>`.
    ///   - durationSeconds: nil or 0 → 3600; below 900 is an error.
    ///   - policy: an optional session policy (JSON text).
    ///   - stsEndpoint: an explicit endpoint (may carry `http://` or `https://`).
    ///   - stsRegionId: nil or empty reads `ALIBABA_CLOUD_STS_REGION`.
    ///   - enableVPC: nil reads `ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED`.
    ///   - httpOptions: proxy and timeouts.
    ///   - context: environment, clock and transport.
    public init(
        roleARN: String? = nil,
        oidcProviderARN: String? = nil,
        oidcTokenFilePath: String? = nil,
        roleSessionName: String? = nil,
        durationSeconds: Int? = nil,
        policy: String? = nil,
        stsEndpoint: String? = nil,
        stsRegionId: String? = nil,
        enableVPC: Bool? = nil,
        httpOptions: HTTPOptions = HTTPOptions(),
        context: ProviderContext
    ) throws {
        let env = context.environment
        let duration = try STSDuration.validated(durationSeconds)
        let arn = try STSDuration.roleARN(roleARN, environment: env)
        guard let providerARN = oidcProviderARN.nonEmpty ?? env.nonEmpty("ALIBABA_CLOUD_OIDC_PROVIDER_ARN") else {
            throw CredentialsError.invalidArgument(
                "oidc_provider_arn or environment variable ALIBABA_CLOUD_OIDC_PROVIDER_ARN cannot be empty")
        }
        guard let tokenFile = oidcTokenFilePath.nonEmpty ?? env.nonEmpty("ALIBABA_CLOUD_OIDC_TOKEN_FILE") else {
            throw CredentialsError.invalidArgument(
                "oidc_token_file_path or environment variable ALIBABA_CLOUD_OIDC_TOKEN_FILE cannot be empty")
        }
        self.roleARN = arn
        self.oidcProviderARN = providerARN
        self.oidcTokenFilePath = tokenFile
        self.roleSessionName = STSDuration.sessionName(roleSessionName, context: context)
        self.durationSeconds = duration
        self.endpoint = STSEndpoint.resolve(explicit: stsEndpoint, regionId: stsRegionId, enableVPC: enableVPC, environment: env)
        let call = STSCall(providerName: "oidc_role_arn", endpoint: endpoint, options: httpOptions, context: context)
        let request = AssumeRoleWithOIDCRequest(
            roleARN: arn, providerARN: providerARN, tokenFile: tokenFile, sessionName: self.roleSessionName, duration: duration,
            policy: policy.nonEmpty)
        cache = RefreshingCredentialsProvider(providerName: "oidc_role_arn", policy: .sts, clock: context.clock) {
            try await request.perform(call: call)
        }
    }

    public func credential() async throws -> Credential {
        do {
            return try await cache.credential()
        } catch {
            throw EndpointNaming.named(error, endpoint: EndpointNaming.sts("AssumeRoleWithOIDC", endpoint: endpoint))
        }
    }
}

/// The parameters of one `AssumeRoleWithOIDC` and how to send it.
struct AssumeRoleWithOIDCRequest: Sendable {
    let roleARN: String
    let providerARN: String
    let tokenFile: String
    let sessionName: String
    let duration: Int
    let policy: String?

    func perform(call: STSCall) async throws -> Credential {
        let token = try Self.readToken(tokenFile)
        var parameters: [(String, String)] = [
            ("Action", "AssumeRoleWithOIDC"), ("Format", "JSON"), ("Version", "2015-04-01"),
            ("DurationSeconds", String(duration)), ("RoleArn", roleARN), ("OIDCProviderArn", providerARN),
            ("OIDCToken", token), ("RoleSessionName", sessionName), ("Timestamp", TimeFormat.iso8601(call.context.clock.now())),
        ]
        if let policy { parameters.append(("Policy", policy)) }
        let document = try await call.send(parameters: parameters, signingSecret: nil)
        return try call.credential(from: document, body: [], providerName: "oidc_role_arn")
    }

    /// The token file's text without its trailing line breaks.
    static func readToken(_ path: String) throws -> String {
        var text = try PythonFileError.readText(path)
        while let last = text.unicodeScalars.last, last == "\n" || last == "\r" {
            text.unicodeScalars.removeLast()
        }
        return text
    }
}
