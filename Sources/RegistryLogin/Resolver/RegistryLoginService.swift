#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CloudHTTP
import CredentialsCore
import Logging
import RegistryCredentials

/// What a registry login request found.
public enum RegistryLoginOutcome: Sendable {
    /// The host is not an ACR/SWR registry and has no stored password: the caller answers "not found".
    case notOurs(host: String)
    /// A user name and password, and the registry they are for (nil for a stored password of a host not ours).
    case login(RegistryPassword, target: RegistryTarget?)
}

/// Gets the password for a registry host: a password the user stored wins; else a cached token that is still
/// fresh; else one token API call, made under the cache entry's lock so that any number of processes asking
/// at once share it. When the cloud fails, a cached token that has not expired is served instead
/// (stale-if-error), and the failure is remembered for 30 seconds so a many-step build is not slowed.
public struct RegistryLoginService: Sendable {
    public let environment: Environment
    public let config: ToolConfig
    private let clock: any CredentialsClock
    private let cache: TokenCache
    private let secrets: any SecretStore
    private let fetcher: CloudLoginFetcher
    private let logger: Logger

    /// - Throws: a broken tool config (named, with the fix).
    public init(
        environment: Environment, clock: any CredentialsClock = SystemClock(), transport: any HTTPTransport,
        logger: Logger = Logger(label: "cloudcred.registry", factory: { _ in SwiftLogNoOpLogHandler() })
    ) throws {
        let config = try ToolConfig.load(environment: environment)
        self.environment = environment
        self.config = config
        self.clock = clock
        self.cache = TokenCache(environment: environment, clock: clock)
        self.secrets = SecretStores.configured(config: config, environment: environment)
        self.fetcher = CloudLoginFetcher(
            environment: environment, clock: clock, transport: transport, logger: logger,
            instanceDirectory: ACRInstanceDirectory(cacheDirectory: cache.directory))
        self.logger = logger
    }

    /// The login for `serverURL` under tool-config profile `toolProfile`.
    ///
    /// - Parameter useStored: false skips stored passwords (`get-login --no-stored`, doctor).
    public func login(for serverURL: String, toolProfile: String = "default", useStored: Bool = true) async throws -> RegistryLoginOutcome {
        guard let host = RegistryHosts.normalize(serverURL) else {
            throw CredentialsError(.invalidArgument, "\(RegistryHosts.quoted(serverURL)) is not a registry host name", hint: "pass a host such as registry.cn-hangzhou.aliyuncs.com")
        }
        if useStored, let stored = try secrets.get(host) {
            logger.debug("using the stored password", metadata: ["host": "\(host)"])
            return .login(
                RegistryPassword(username: stored.username, password: stored.secret, expiresAt: nil, source: "stored password"),
                target: config.target(for: host, profile: toolProfile))
        }
        guard let target = config.target(for: host, profile: toolProfile) else { return .notOurs(host: host) }
        return .login(try await cloudLogin(for: target), target: target)
    }

    /// A token from the cloud for an owned registry, through the cache.
    public func cloudLogin(for target: RegistryTarget) async throws -> RegistryPassword {
        let source = CredentialSource.identity(for: target, environment: environment)
        let fingerprint = SourceFingerprint.current(environment: environment, toolConfigPath: config.path)
        if let remembered = cache.rememberedFailure(host: target.host, source: source, fingerprint: fingerprint) {
            throw CredentialsError(.providerFailed, remembered, hint: "this failure is remembered for up to 30 s; fix the cause or change a credentials file to retry at once")
        }
        if let fresh = cache.fresh(host: target.host, source: source) { return Self.password(fresh, target: target) }
        return try await cache.withExclusiveLock(host: target.host, source: source) {
            if let fresh = cache.fresh(host: target.host, source: source) { return Self.password(fresh, target: target) }
            do {
                let login = try await fetcher.fetch(target)
                let now = clock.now()
                let cached = CachedLogin(
                    host: target.host, username: login.username, password: login.password, issuedAt: now,
                    expiresAt: login.expiresAt ?? now.addingTimeInterval(Self.nonExpiringCacheSeconds))
                cache.store(cached, source: source)
                var fetched = login
                if login.expiresAt != nil { fetched.refreshAt = cached.refreshPoint }
                return fetched
            } catch {
                if let usable = cache.usable(host: target.host, source: source) {
                    logger.warning("token API failed; serving the cached token until it expires", metadata: ["host": "\(target.host)"])
                    if let retry = Self.retryingLater(usable, now: clock.now()) { cache.store(retry, source: source) }
                    return Self.password(usable, target: target)
                }
                let reported = CredentialsError.wrapping(error)
                cache.rememberFailure(host: target.host, source: source, message: reported.message, fingerprint: fingerprint)
                throw reported
            }
        }
    }

    /// Logins that never expire (SWR long-term) are recomputed hourly, so a changed key is picked up.
    static let nonExpiringCacheSeconds: TimeInterval = 3600

    /// The same token, fresh again for ``TokenCache/failureMemorySeconds`` (never past the point where it stops
    /// being usable): after a failed refresh, every caller (this process, the helper, other processes) keeps getting
    /// it from the cache and one caller retries the cloud per period, instead of each calling a failing API.
    /// Nil when there is no such time left.
    static func retryingLater(_ login: CachedLogin, now: Date) -> CachedLogin? {
        let lastUsable = login.effectiveExpiry.addingTimeInterval(-TokenCache.expiryMargin)
        let retryAt = min(now.addingTimeInterval(TokenCache.failureMemorySeconds), lastUsable)
        guard retryAt > now else { return nil }
        var retry = login
        retry.refreshAt = retryAt
        return retry
    }

    private static func password(_ cached: CachedLogin, target: RegistryTarget) -> RegistryPassword {
        RegistryPassword(
            username: cached.username, password: cached.password, expiresAt: cached.expiresAt, source: "cache",
            refreshAt: cached.refreshPoint)
    }
}
