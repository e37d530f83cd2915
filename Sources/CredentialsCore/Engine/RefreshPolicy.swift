/// When a cached credential is refreshed and what happens when a refresh fails.
///
/// The defaults are those of the Python library's `RefreshCachedSupplier` for STS-based providers:
/// a credential goes stale 15 minutes before it expires and is then refreshed by the caller.
public struct RefreshPolicy: Sendable, Hashable {
    /// What a failed refresh does once the cached credential is stale.
    public enum FailureBehavior: Sendable, Hashable {
        /// Serve the cached credential while it has not expired (retrying with jittered backoff);
        /// after expiry, raise the error. An expired credential is never returned.
        case serveUntilExpired
        /// Serve the last credential even after it has expired, retrying after short jittered delays
        /// (the Python library's `ALLOW`, used for ECS instance metadata, where outages are common).
        case serveExpired
    }

    /// Seconds before expiry at which a credential is stale and the next caller refreshes it.
    public var staleBeforeExpiry: Double
    /// Seconds after a fetch at which a background refresh starts while callers keep the cached value
    /// (ECS: 3600). `nil`: no background refresh.
    public var prefetchAfterFetch: Double?
    /// Seconds before expiry at which a background refresh starts (optional prefetch). `nil`: none.
    public var prefetchBeforeExpiry: Double?
    /// What a failed refresh does.
    public var failureBehavior: FailureBehavior
    /// First retry delay after a failed refresh, in seconds (doubles per consecutive failure).
    public var retryBaseDelay: Double
    /// Upper bound of the retry delay, in seconds.
    public var retryMaxDelay: Double
    /// Whether a credential without an expiry is kept for good (true) or fetched again on every call (false).
    public var cachesCredentialsWithoutExpiry: Bool

    public init(
        staleBeforeExpiry: Double = 900,
        prefetchAfterFetch: Double? = nil,
        prefetchBeforeExpiry: Double? = nil,
        failureBehavior: FailureBehavior = .serveUntilExpired,
        retryBaseDelay: Double = 1,
        retryMaxDelay: Double = 60,
        cachesCredentialsWithoutExpiry: Bool = true
    ) {
        self.staleBeforeExpiry = staleBeforeExpiry
        self.prefetchAfterFetch = prefetchAfterFetch
        self.prefetchBeforeExpiry = prefetchBeforeExpiry
        self.failureBehavior = failureBehavior
        self.retryBaseDelay = retryBaseDelay
        self.retryMaxDelay = retryMaxDelay
        self.cachesCredentialsWithoutExpiry = cachesCredentialsWithoutExpiry
    }

    /// RAM role ARN, OIDC, RSA key pair, credentials URI, CloudSSO: stale 15 minutes before expiry.
    public static let sts = RefreshPolicy()
    /// ECS RAM role: stale 15 minutes before expiry, background refresh an hour after each fetch,
    /// and the last credential served through metadata outages.
    public static let ecs = RefreshPolicy(prefetchAfterFetch: 3600, failureBehavior: .serveExpired, retryMaxDelay: 300)
    /// External process: stale 3 minutes before expiry; credentials without expiry are fetched on every call.
    public static let external = RefreshPolicy(staleBeforeExpiry: 180, cachesCredentialsWithoutExpiry: false)
    /// OAuth: used until the exact expiry.
    public static let oauth = RefreshPolicy(staleBeforeExpiry: 0)
}
