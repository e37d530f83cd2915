import CredentialsCore
import Synchronization

/// The default provider chain of the Python library (`default`), in its order:
/// environment → OIDC (when `ALIBABA_CLOUD_ROLE_ARN`, `ALIBABA_CLOUD_OIDC_PROVIDER_ARN` and
/// `ALIBABA_CLOUD_OIDC_TOKEN_FILE` are all set) → aliyun CLI profile → `credentials.ini` profile →
/// ECS RAM role (unless `ALIBABA_CLOUD_ECS_METADATA_DISABLED=true`) → credentials URI (when
/// `ALIBABA_CLOUD_CREDENTIALS_URI` is set).
///
/// The first provider that answers is remembered and asked alone from then on (`reuseLastProvider`).
/// When all fail, the error lists each one's failure, worded as the Python library words it.
public final class DefaultCredentialsChain: CredentialsProvider {
    /// A link of the chain: the Python class name used in the aggregated error, and the provider.
    public struct Link: Sendable {
        public var name: String
        public var provider: any CredentialsProvider
        public init(name: String, provider: any CredentialsProvider) {
            self.name = name
            self.provider = provider
        }
    }

    public let providerName = "default"
    public let links: [Link]
    private let reuseLastProvider: Bool
    private let lastUsed = Mutex<Int?>(nil)

    public init(links: [Link], reuseLastProvider: Bool = true) {
        self.links = links
        self.reuseLastProvider = reuseLastProvider
    }

    /// The standard chain for this environment.
    public convenience init(context: ProviderContext, reuseLastProvider: Bool = true) {
        self.init(links: Self.standardLinks(context: context), reuseLastProvider: reuseLastProvider)
    }

    public func credential() async throws -> Credential {
        if reuseLastProvider, let index = lastUsed.withLock({ $0 }) {
            return try await links[index].provider.credential().wrapped(by: providerName)
        }
        var failures: [String] = []
        var hints: [(hint: String, missing: Bool)] = []
        for (index, link) in links.enumerated() {
            do {
                let credential = try await link.provider.credential()
                lastUsed.withLock { $0 = index }
                return credential.wrapped(by: providerName)
            } catch let error as CredentialsError {
                failures.append("\(link.name): \(error.message)")
                if let hint = error.hint { hints.append((hint, error.isMissingSource)) }
            } catch {
                failures.append("\(link.name): \(error)")
            }
        }
        throw CredentialsError(
            .chainExhausted,
            "unable to load credentials from any of the providers in the chain: \(PythonRepr.stringList(failures))",
            hint: (hints.first { !$0.missing } ?? hints.first)?.hint)
    }

    /// Builds the standard links for the environment of `context`.
    public static func standardLinks(context: ProviderContext) -> [Link] {
        let env = context.environment
        var links: [Link] = [Link(name: "EnvironmentVariableCredentialsProvider", provider: EnvironmentProvider(environment: env))]
        if let oidc = ChainExtensions.oidc(context) { links.append(oidc) }
        links.append(Link(name: "CLIProfileCredentialsProvider", provider: CLIProfileProvider(context: context)))
        if let ini = ChainExtensions.iniProfile(context) { links.append(ini) }
        if !env.isTrue("ALIBABA_CLOUD_ECS_METADATA_DISABLED"), let ecs = ChainExtensions.ecs(context) { links.append(ecs) }
        if env.nonEmpty("ALIBABA_CLOUD_CREDENTIALS_URI") != nil, let uri = ChainExtensions.credentialsURI(context) { links.append(uri) }
        return links
    }
}

/// The links of the chain whose providers live in their own files.
enum ChainExtensions {
    /// `OIDCRoleArnCredentialsProvider`, only when `ALIBABA_CLOUD_OIDC_TOKEN_FILE`, `ALIBABA_CLOUD_ROLE_ARN`
    /// and `ALIBABA_CLOUD_OIDC_PROVIDER_ARN` are all non-empty (then its construction cannot fail).
    static func oidc(_ context: ProviderContext) -> DefaultCredentialsChain.Link? {
        let env = context.environment
        guard env.nonEmpty("ALIBABA_CLOUD_OIDC_TOKEN_FILE") != nil, env.nonEmpty("ALIBABA_CLOUD_ROLE_ARN") != nil,
            env.nonEmpty("ALIBABA_CLOUD_OIDC_PROVIDER_ARN") != nil,
            let provider = try? OIDCRoleARNProvider(context: context)
        else { return nil }
        return DefaultCredentialsChain.Link(name: "OIDCRoleArnCredentialsProvider", provider: provider)
    }

    /// `ProfileCredentialsProvider`: always present (the file is read at call time).
    static func iniProfile(_ context: ProviderContext) -> DefaultCredentialsChain.Link? {
        DefaultCredentialsChain.Link(name: "ProfileCredentialsProvider", provider: INIProfileProvider(context: context))
    }

    /// `EcsRamRoleCredentialsProvider` (the caller has checked `ALIBABA_CLOUD_ECS_METADATA_DISABLED`, the only
    /// reason its construction fails).
    static func ecs(_ context: ProviderContext) -> DefaultCredentialsChain.Link? {
        guard let provider = try? ECSRAMRoleProvider(context: context) else { return nil }
        return DefaultCredentialsChain.Link(name: "EcsRamRoleCredentialsProvider", provider: provider)
    }

    /// `URLCredentialsProvider` (the caller has checked that `ALIBABA_CLOUD_CREDENTIALS_URI` is non-empty).
    static func credentialsURI(_ context: ProviderContext) -> DefaultCredentialsChain.Link? {
        guard let provider = try? CredentialsURIProvider(context: context) else { return nil }
        return DefaultCredentialsChain.Link(name: "URLCredentialsProvider", provider: provider)
    }
}
