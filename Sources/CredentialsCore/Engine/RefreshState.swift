#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The cache of a refreshing provider as a pure state machine: what to do on a call, and how a
/// fetch result or failure changes the cache. No I/O and no clock of its own, so it is tested directly.
struct RefreshState: Sendable {
    struct Entry: Sendable {
        var value: Credential
        /// From this instant on, callers refresh before they are served.
        var staleAt: Date
        /// From this instant on, a background refresh is started (callers keep the value).
        var prefetchAt: Date?
    }

    /// What a caller does.
    enum Decision {
        /// Return the cached value.
        case serve(Credential)
        /// Return the cached value; a background refresh should start.
        case serveAndPrefetch(Credential)
        /// Wait for a refresh (start one if none is running).
        case refresh
    }

    /// What a finished refresh hands to its waiters.
    enum Outcome: Sendable {
        case value(Credential)
        case failure(any Error)
    }

    let policy: RefreshPolicy
    private(set) var entry: Entry?
    private(set) var consecutiveFailures = 0
    /// While set and in the future, a failed refresh is not retried: the cached value is served.
    private(set) var retryAt: Date?

    init(policy: RefreshPolicy) {
        self.policy = policy
    }

    /// The decision for a call at `now` when no refresh is running.
    func decide(now: Date) -> Decision {
        guard let entry else { return .refresh }
        if now < entry.staleAt {
            if let prefetchAt = entry.prefetchAt, now >= prefetchAt, retryAt.map({ now >= $0 }) ?? true {
                return .serveAndPrefetch(entry.value)
            }
            return .serve(entry.value)
        }
        if let retryAt, now < retryAt, canServeAfterFailure(entry, now: now) {
            return .serve(entry.value)
        }
        return .refresh
    }

    /// The instant before which ``decide(now:)`` answers `.serve` with the cached value, whatever the time:
    /// the stale point, or the prefetch point (pushed back while a failed prefetch waits to be retried).
    /// `nil` when nothing is cached. The provider's fast path serves without the state machine until then.
    var servedUntil: Date? {
        guard let entry else { return nil }
        guard let prefetchAt = entry.prefetchAt else { return entry.staleAt }
        let prefetchFrom = retryAt.map { max(prefetchAt, $0) } ?? prefetchAt
        return min(entry.staleAt, prefetchFrom)
    }

    /// The cached value a caller may get while a refresh is running, or nil when it must wait.
    func valueDuringRefresh(now: Date) -> Credential? {
        guard let entry, now < entry.staleAt else { return nil }
        return entry.value
    }

    /// Records a fetched credential; returns what the waiters get.
    mutating func record(success value: Credential, now: Date, jitter: Double) -> Outcome {
        guard let expiration = value.expiration else {
            entry = Entry(value: value, staleAt: policy.cachesCredentialsWithoutExpiry ? .distantFuture : now, prefetchAt: nil)
            consecutiveFailures = 0
            retryAt = nil
            return .value(value)
        }
        let staleAt = expiration.addingTimeInterval(-policy.staleBeforeExpiry)
        if now < staleAt {
            entry = Entry(value: value, staleAt: staleAt, prefetchAt: prefetchTime(expiration: expiration, now: now))
            consecutiveFailures = 0
            retryAt = nil
            return .value(value)
        }
        if now < expiration {
            // Already inside the stale window: serve it, and refresh again on the next call.
            entry = Entry(value: value, staleAt: now, prefetchAt: nil)
            consecutiveFailures = 0
            retryAt = nil
            return .value(value)
        }
        // The fetched credential has already expired.
        guard var old = entry else {
            return .failure(CredentialsError(.noCachedValue, "No cached value was found."))
        }
        switch policy.failureBehavior {
        case .serveExpired:
            old.staleAt = now.addingTimeInterval(50 + 20 * jitter)
            entry = old
            return .value(old.value)
        case .serveUntilExpired:
            if let oldExpiry = old.value.expiration, now < oldExpiry {
                return .value(old.value)
            }
            return .failure(CredentialsError(.noCachedValue, "No cached value was found."))
        }
    }

    /// Records a failed refresh; returns what the waiters get.
    mutating func record(failure error: any Error, now: Date, jitter: Double) -> Outcome {
        guard let entry else { return .failure(error) }
        if now < entry.staleAt {
            // A background refresh failed while the value is fresh: keep it, try again later.
            retryAt = now.addingTimeInterval(nextDelay(jitter: jitter))
            return .value(entry.value)
        }
        consecutiveFailures += 1
        guard canServeAfterFailure(entry, now: now) else {
            retryAt = nil
            return .failure(error)
        }
        var delay = nextDelay(jitter: jitter)
        if policy.failureBehavior == .serveUntilExpired, let expiry = entry.value.expiration {
            delay = min(delay, max(0, expiry.timeIntervalSince(now)))
        }
        retryAt = now.addingTimeInterval(delay)
        return .value(entry.value)
    }

    /// Forgets the cached value (the next call refreshes).
    mutating func invalidate() {
        entry = nil
        retryAt = nil
        consecutiveFailures = 0
    }

    private func canServeAfterFailure(_ entry: Entry, now: Date) -> Bool {
        switch policy.failureBehavior {
        case .serveExpired: return true
        case .serveUntilExpired: return entry.value.expiration.map { now < $0 } ?? true
        }
    }

    private func prefetchTime(expiration: Date, now: Date) -> Date? {
        var candidates: [Date] = []
        if let after = policy.prefetchAfterFetch { candidates.append(now.addingTimeInterval(after)) }
        if let before = policy.prefetchBeforeExpiry { candidates.append(expiration.addingTimeInterval(-before)) }
        return candidates.min()
    }

    private func nextDelay(jitter: Double) -> Double {
        let exponent = Double(max(0, min(consecutiveFailures, 30) - 1))
        let base = min(policy.retryMaxDelay, policy.retryBaseDelay * pow2(exponent))
        // Full jitter between half and the whole delay.
        return base * (0.5 + 0.5 * jitter)
    }

    private func pow2(_ exponent: Double) -> Double {
        var value = 1.0
        var e = Int(exponent)
        while e > 0 { value *= 2; e -= 1 }
        return value
    }
}
