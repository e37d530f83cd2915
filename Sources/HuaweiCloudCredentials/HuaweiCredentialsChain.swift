import CloudHTTP
import CredentialsCore
import Logging
import Synchronization

/// The regional (basic) credential chain of `huaweicloudsdkcore`: environment → profile file → ECS metadata.
///
/// The first source that has credentials wins and is remembered: later calls ask it alone. When none has any,
/// the error lists what each source said, and its hint is that of a source that is set up but broken, else
/// "set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or write ~/.huaweicloud/credentials". Credentials are named
/// `huaweicloud/<source>` (`huaweicloud/env`, `huaweicloud/profile`, `huaweicloud/metadata`).
///
/// Not covered (yet): the SDK's OIDC, federated (`HUAWEICLOUD_SDK_IDP_ID`) and pod identity sources.
public final class HuaweiCredentialsChain: HuaweiCredentialsProvider {
    /// A source of the chain: the SDK's class name (used in the aggregated error) and the provider.
    public struct Link: Sendable {
        /// `EnvCredentialProvider`, `ProfileCredentialProvider`, `MetadataCredentialProvider`.
        public var name: String
        /// The source.
        public var provider: any HuaweiCredentialsProvider

        /// A named source.
        public init(name: String, provider: any HuaweiCredentialsProvider) {
            self.name = name
            self.provider = provider
        }
    }

    /// `huaweicloud`.
    public let providerName = "huaweicloud"
    /// The sources, in the order they are asked.
    public let links: [Link]
    private let lastUsed = Mutex<Int?>(nil)
    private let logger: Logger

    /// The hint when no source is set up.
    public static let setupHint = "set \(HuaweiEnvironmentVariable.accessKey) and \(HuaweiEnvironmentVariable.secretKey), "
        + "or write ~/.huaweicloud/credentials with a [basic] section (ak, sk)"

    /// The standard chain for this environment. With `HUAWEICLOUD_SDK_METADATA_DISABLED=true` the metadata source is
    /// listed as disabled and never contacted.
    /// - Parameters:
    ///   - environment: the variables and the home directory.
    ///   - transport: for the metadata service.
    ///   - clock: for the metadata credentials' expiry.
    ///   - logger: which source answered, at `.debug` (never a secret).
    ///   - metadataReadTimeoutScale: multiplies the metadata service's read timeouts; 1 unless testing.
    public convenience init(
        environment: Environment, transport: any HTTPTransport, clock: any CredentialsClock = SystemClock(),
        logger: Logger = Logger(label: "cloudcred.huawei", factory: { _ in SwiftLogNoOpLogHandler() }),
        metadataReadTimeoutScale: Int = 1
    ) {
        let metadata: any HuaweiCredentialsProvider
        do {
            metadata = try HuaweiMetadataProvider(
                environment: environment, transport: transport, clock: clock, logger: logger, readTimeoutScale: metadataReadTimeoutScale)
        } catch {
            metadata = DisabledSource(error: HuaweiMetadataProvider.disabledError)
        }
        self.init(
            links: [
                Link(name: "EnvCredentialProvider", provider: HuaweiEnvironmentProvider(environment: environment)),
                Link(name: "ProfileCredentialProvider", provider: HuaweiProfileProvider(environment: environment)),
                Link(name: "MetadataCredentialProvider", provider: metadata),
            ],
            logger: logger)
    }

    /// A chain of the given sources.
    public init(links: [Link], logger: Logger = Logger(label: "cloudcred.huawei", factory: { _ in SwiftLogNoOpLogHandler() })) {
        self.links = links
        self.logger = logger
    }

    /// The credentials of the first source that has some (the remembered one after the first success).
    /// - Throws: the remembered source's error, or ``CredentialsError/Code/chainExhausted`` listing every source.
    public func huaweiCredential() async throws -> HuaweiCredential {
        if let index = lastUsed.withLock({ $0 }) {
            return wrapped(try await links[index].provider.huaweiCredential())
        }
        var failures: [String] = []
        var brokenHint: String?
        for (index, link) in links.enumerated() {
            do {
                let value = try await link.provider.huaweiCredential()
                lastUsed.withLock { $0 = index }
                logger.debug("Huawei Cloud credentials found", metadata: ["source": "\(link.name)"])
                return wrapped(value)
            } catch let error as CredentialsError {
                failures.append("\(link.name): \(error.message)")
                if !error.isMissingSource, brokenHint == nil { brokenHint = error.hint }
            } catch {
                failures.append("\(link.name): \(error)")
            }
        }
        throw CredentialsError(
            .chainExhausted, "no Huawei Cloud credentials found; tried \(failures.joined(separator: "; "))",
            hint: brokenHint ?? Self.setupHint)
    }

    private func wrapped(_ value: HuaweiCredential) -> HuaweiCredential {
        var copy = value
        copy.credential = value.credential.wrapped(by: providerName)
        return copy
    }
}

/// A source that is switched off: it always fails with the same error, marked as not set up.
struct DisabledSource: HuaweiCredentialsProvider {
    let providerName = "disabled"
    let error: CredentialsError

    func huaweiCredential() async throws -> HuaweiCredential {
        throw error.missingSource()
    }
}
