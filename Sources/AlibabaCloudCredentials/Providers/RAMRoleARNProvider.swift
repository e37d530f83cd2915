import CredentialsCore

/// Assumes a RAM role with STS `AssumeRole` (`ram_role_arn`), using the credentials of a source provider.
///
/// The provider name of its credentials is `ram_role_arn/<source>` (e.g. `ram_role_arn/static_ak`).
public final class RAMRoleARNProvider: CredentialsProvider {
    public let providerName = "ram_role_arn"
    /// The role assumed.
    public let roleARN: String
    /// The session name sent (`credentials-python-<epoch>` style default, with our own prefix).
    public let roleSessionName: String
    public let durationSeconds: Int
    public let endpoint: String
    private let cache: RefreshingCredentialsProvider

    /// - Parameters:
    ///   - source: the provider whose credentials sign the call (static AK/STS or another role: chaining).
    ///   - roleARN: nil or empty reads `ALIBABA_CLOUD_ROLE_ARN`.
    ///   - roleSessionName: nil or empty reads `ALIBABA_CLOUD_ROLE_SESSION_NAME`, else `credentials-swift-<epoch>`.
    ///   - durationSeconds: nil → 3600; below 900 is an error. (0, which aliyun CLI writes, means 3600:
    ///     a deliberate difference from the Python library, see docs/PARITY.md.)
    public init(
        source: any CredentialsProvider,
        roleARN: String?,
        roleSessionName: String? = nil,
        durationSeconds: Int? = nil,
        policy: String? = nil,
        externalId: String? = nil,
        stsEndpoint: String? = nil,
        stsRegionId: String? = nil,
        enableVPC: Bool? = nil,
        httpOptions: HTTPOptions = HTTPOptions(),
        context: ProviderContext
    ) throws {
        let env = context.environment
        let duration = try STSDuration.validated(durationSeconds)
        let arn = try STSDuration.roleARN(roleARN, environment: env)
        self.roleARN = arn
        self.roleSessionName = STSDuration.sessionName(roleSessionName, context: context)
        self.durationSeconds = duration
        self.endpoint = STSEndpoint.resolve(explicit: stsEndpoint, regionId: stsRegionId, enableVPC: enableVPC, environment: env)
        let call = STSCall(providerName: "ram_role_arn", endpoint: endpoint, options: httpOptions, context: context)
        let request = AssumeRoleRequest(
            roleARN: arn, sessionName: self.roleSessionName, duration: duration, policy: policy.nonEmpty, externalId: externalId.nonEmpty)
        cache = RefreshingCredentialsProvider(providerName: "ram_role_arn", policy: .sts, clock: context.clock) {
            try await request.perform(call: call, source: source)
        }
    }

    public func credential() async throws -> Credential {
        do {
            return try await cache.credential()
        } catch {
            throw EndpointNaming.named(error, endpoint: EndpointNaming.sts("AssumeRole", endpoint: endpoint))
        }
    }
}

/// The parameters of one `AssumeRole` and how to send it.
struct AssumeRoleRequest: Sendable {
    let roleARN: String
    let sessionName: String
    let duration: Int
    let policy: String?
    let externalId: String?

    func perform(call: STSCall, source: any CredentialsProvider) async throws -> Credential {
        let sourceCredential: Credential
        do {
            sourceCredential = try await source.credential()
        } catch let error as CredentialsError {
            throw error
        } catch {
            throw CredentialsError.providerFailed("unable to load original credentials from the provider in RAM role arn")
        }
        var parameters = call.signedCommon(action: "AssumeRole", durationSeconds: duration)
        parameters += [("RoleArn", roleARN), ("RoleSessionName", sessionName)]
        parameters += call.signatureParameters()
        if let policy { parameters.append(("Policy", policy)) }
        if let externalId { parameters.append(("ExternalId", externalId)) }
        parameters.append(("AccessKeyId", sourceCredential.accessKeyId))
        if let token = sourceCredential.securityToken, !token.isEmpty { parameters.append(("SecurityToken", token)) }
        let document = try await call.send(parameters: parameters, signingSecret: sourceCredential.accessKeySecret)
        return try call.credential(from: document, body: [], providerName: "ram_role_arn/\(sourceCredential.providerName)")
    }
}
