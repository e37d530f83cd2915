import CloudHTTP
import CredentialsCore
import Logging

/// Temporary credentials of the agency attached to a Huawei Cloud ECS, from the metadata service at
/// `169.254.169.254` (`huaweicloudsdkcore`'s `MetadataCredentialProvider`).
///
/// Each refresh asks for a session token (`PUT /meta-data/latest/api/token`, TTL 21600 s) and then
/// `GET /openstack/latest/securitykey` with it in `X-Metadata-Token`. Older metadata services that answer the token
/// request with 404 or 405 are asked without a token.
///
/// The probe is time-boxed, because a registry helper must answer within 2 s: connect timeout 300 ms, read timeouts
/// 300 ms (token) and 600 ms (security key), and when the token request gets no answer at all (refused, unreachable,
/// timed out) the security key is not asked for. Where no metadata service answers, a refresh fails within 1 s.
///
/// Credentials are cached by ``CredentialsCore/RefreshPolicy/huaweiMetadata``: refreshed when less than 40 minutes
/// remain, as the SDK does. `HUAWEICLOUD_SDK_METADATA_DISABLED=true` (cloudcred's own switch) turns the provider off.
/// Requests honour proxies and `NO_PROXY`, and `CLOUDCRED_CONNECT_TO` sends them to an emulator.
public final class HuaweiMetadataProvider: HuaweiCredentialsProvider {
    /// `metadata`.
    public let providerName = "metadata"
    private let cache: RefreshingCredentialsProvider

    /// - Parameters:
    ///   - environment: read for `HUAWEICLOUD_SDK_METADATA_DISABLED`.
    ///   - transport: sends the requests.
    ///   - clock: decides when the credentials are stale.
    ///   - logger: one line per refresh (never a token or key).
    ///   - connectTimeoutMs: per request (default 300).
    ///   - readTimeoutScale: multiplies the read timeouts (300 ms token, 600 ms security key); 1 unless testing.
    /// - Throws: ``CredentialsError/Code/invalidArgument`` when `HUAWEICLOUD_SDK_METADATA_DISABLED` is `true`.
    public init(
        environment: Environment, transport: any HTTPTransport, clock: any CredentialsClock = SystemClock(),
        logger: Logger = Logger(label: "cloudcred.huawei", factory: { _ in SwiftLogNoOpLogHandler() }),
        connectTimeoutMs: Int = 300, readTimeoutScale: Int = 1
    ) throws {
        guard !environment.isTrue(HuaweiEnvironmentVariable.metadataDisabled) else {
            throw Self.disabledError
        }
        var client = HuaweiMetadataClient(transport: transport, connectTimeoutMs: connectTimeoutMs, logger: logger)
        client.readTimeoutScale = max(1, readTimeoutScale)
        let fetcher = client
        cache = RefreshingCredentialsProvider(providerName: "metadata", policy: .huaweiMetadata, clock: clock) {
            try await fetcher.fetchCredential()
        }
    }

    /// The agency's temporary credentials (no project id: the metadata service does not report one here).
    public func huaweiCredential() async throws -> HuaweiCredential {
        do {
            return HuaweiCredential(credential: try await cache.credential())
        } catch let error as CredentialsError where error.code == .noCachedValue {
            // The engine's text names no endpoint: the metadata service handed out credentials already expired.
            throw CredentialsError(
                .server,
                "the answer of \(HuaweiMetadataClient.endpoint(HuaweiMetadataClient.securityKeyPath)) has credentials that had already expired",
                hint: "check the clock of this machine; the ECS agency's temporary AK/SK are refreshed 40 minutes before they expire")
        }
    }

    /// How many times the metadata service was asked (for diagnostics and tests).
    public var fetches: Int { cache.fetches }

    static let disabledError = CredentialsError.invalidArgument(
        "the Huawei ECS metadata service is disabled by \(HuaweiEnvironmentVariable.metadataDisabled)=true",
        hint: "unset \(HuaweiEnvironmentVariable.metadataDisabled) to use the ECS agency's credentials")
}
