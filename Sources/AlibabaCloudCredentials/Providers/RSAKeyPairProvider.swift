import CredentialsCore

/// Session AccessKeys from an RSA key pair (`rsa_key_pair`, the Python library's
/// `RsaKeyPairCredentialsProvider`): STS `GenerateSessionAccessKey`.
///
/// As in the Python library, the request is not RSA-signed: it is an RPC request signed with HMAC-SHA1
/// whose key is the whole private key *file content* (plus `&`), with `AccessKeyId` = the public key id.
/// The key file is read once, at construction. The credentials have no security token. The default
/// endpoint is `sts.ap-northeast-1.aliyuncs.com` (region and VPC settings apply as for the other STS
/// providers); timeouts default to 5000 ms (connect) and 10000 ms (read). Credentials are cached and
/// refreshed 15 minutes before they expire (``RefreshPolicy/sts``).
///
/// Differences from the Python library, all deliberate:
/// - stale-if-error (cloudcred's refresh engine): when a refresh fails in the last 15 minutes before expiry,
///   the cached credentials keep being served until they expire, with retries (Python raises at once);
/// - a duration of 0 means 3600 (as ``RAMRoleARNProvider``; Python rejects it);
/// - STS error bodies are quoted through `SafeBody.render`, which masks secret-looking fields.
public final class RSAKeyPairProvider: CredentialsProvider {
    public let providerName = "rsa_key_pair"
    /// The public key id, sent as `AccessKeyId`.
    public let publicKeyId: String
    public let durationSeconds: Int
    /// The STS endpoint called.
    public let endpoint: String
    private let cache: RefreshingCredentialsProvider

    /// Checks, in the Python library's order: the duration, the public key id, the key file's path, then
    /// reads the file (a missing file fails with Python's `[Errno 2] No such file or directory: '<path>'`)
    /// and refuses an empty one (`private_key cannot be empty`).
    /// - Parameters:
    ///   - publicKeyId: the key pair's public key id (`LTRSA…`).
    ///   - privateKeyFile: the private key file, whose content is the signing secret.
    ///   - durationSeconds: nil or 0 → 3600; below 900 is an error.
    ///   - stsEndpoint: an explicit endpoint (may carry `http://` or `https://`).
    ///   - stsRegionId: nil or empty reads `ALIBABA_CLOUD_STS_REGION`.
    ///   - enableVPC: nil reads `ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED`.
    ///   - httpOptions: proxy and timeouts.
    ///   - context: environment, clock and transport.
    public init(
        publicKeyId: String?,
        privateKeyFile: String?,
        durationSeconds: Int? = nil,
        stsEndpoint: String? = nil,
        stsRegionId: String? = nil,
        enableVPC: Bool? = nil,
        httpOptions: HTTPOptions = HTTPOptions(),
        context: ProviderContext
    ) throws {
        let duration = try STSDuration.validated(durationSeconds)
        guard let publicKeyId = publicKeyId.nonEmpty else {
            throw CredentialsError.invalidArgument("public_key_id cannot be empty")
        }
        guard let privateKeyFile = privateKeyFile.nonEmpty else {
            throw CredentialsError.invalidArgument("private_key_file cannot be empty")
        }
        let privateKey = try PythonFileError.readText(privateKeyFile)
        guard !privateKey.isEmpty else {
            throw CredentialsError.invalidArgument("private_key cannot be empty", hint: "\(privateKeyFile) is empty")
        }
        self.publicKeyId = publicKeyId
        self.durationSeconds = duration
        self.endpoint = STSEndpoint.resolve(
            explicit: stsEndpoint, regionId: stsRegionId, enableVPC: enableVPC, environment: context.environment,
            globalDefault: "sts.ap-northeast-1.aliyuncs.com")
        let call = STSCall(providerName: "rsa_key_pair", endpoint: endpoint, options: httpOptions, context: context)
        let request = SessionAccessKeyRequest(publicKeyId: publicKeyId, privateKey: privateKey, duration: duration)
        cache = RefreshingCredentialsProvider(providerName: "rsa_key_pair", policy: .sts, clock: context.clock) {
            try await request.perform(call: call)
        }
    }

    public func credential() async throws -> Credential {
        do {
            return try await cache.credential()
        } catch {
            throw EndpointNaming.named(error, endpoint: EndpointNaming.sts("GenerateSessionAccessKey", endpoint: endpoint))
        }
    }
}

/// The parameters of one `GenerateSessionAccessKey` and how to read its answer.
struct SessionAccessKeyRequest: Sendable {
    let publicKeyId: String
    let privateKey: String
    let duration: Int

    func perform(call: STSCall) async throws -> Credential {
        var parameters = call.signedCommon(action: "GenerateSessionAccessKey", durationSeconds: duration)
        parameters += call.signatureParameters()
        parameters.append(("AccessKeyId", publicKeyId))
        let document = try await call.send(parameters: parameters, signingSecret: privateKey)
        guard let session = document["SessionAccessKey"], let id = session["SessionAccessKeyId"]?.stringValue,
            let secret = session["SessionAccessKeySecret"]?.stringValue
        else {
            throw CredentialsError(
                .server, "error retrieving credentials from rsa_key_pair result: \(SafeBody.masked(document).serialized(style: .python))")
        }
        let expiration = try STSCall.expiration(session["Expiration"], provider: "rsa_key_pair")
        return Credential(accessKeyId: id, accessKeySecret: secret, expiration: expiration, providerName: "rsa_key_pair")
    }
}
