#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// Caches the credentials of a fetching function and refreshes them by a ``RefreshPolicy``.
///
/// - **Single flight**: any number of concurrent callers cause at most one call of `fetch`;
///   the others await its result.
/// - **Fast cached read**: while the cached value is fresh, `credential()` copies it out of a small `Mutex` of
///   the current CPU core's (``FastPathSlots``: one retain of a copy no other core touches), compares a cheap
///   clock reading with the precomputed point until which it is served, and returns — no state machine, no actor
///   hop, no async frame of its own (it is inlined into the calling provider), no allocation.
/// - **Prefetch** runs in the background while callers keep getting the cached value.
/// - **Stale-if-error**: a failed refresh keeps serving the cached value while it has not expired
///   (``RefreshPolicy/FailureBehavior/serveUntilExpired``), or even after
///   (``RefreshPolicy/FailureBehavior/serveExpired``, ECS), retrying with jittered backoff.
public final class RefreshingCredentialsProvider: CredentialsProvider {
    public typealias Fetch = @Sendable () async throws -> Credential

    private struct Guarded {
        var state: RefreshState
        var inFlight: Task<RefreshState.Outcome, Never>?
    }

    /// What the fast path reads: the cached credential and the time before which the state machine would serve
    /// it (``RefreshState/servedUntil``), one copy per core. Written with `guarded` held.
    private let fastPath: FastPathSlots
    public let providerName: String
    private let fetch: Fetch
    private let clock: any CredentialsClock
    private let guarded: Mutex<Guarded>
    private let fetchCount = Atomic<Int>(0)

    /// - Parameters:
    ///   - providerName: the name reported by ``providerName``.
    ///   - policy: when to refresh and what to do on failure.
    ///   - clock: the source of "now".
    ///   - fetch: obtains fresh credentials (one upstream call).
    public init(providerName: String, policy: RefreshPolicy = .sts, clock: any CredentialsClock = SystemClock(), fetch: @escaping Fetch) {
        self.providerName = providerName
        self.fetch = fetch
        self.clock = clock
        self.fastPath = FastPathSlots(clock: FastPathClock(clock))
        self.guarded = Mutex(Guarded(state: RefreshState(policy: policy)))
    }

    /// How many times `fetch` has been called (for diagnostics and tests).
    public var fetches: Int { fetchCount.load(ordering: .relaxed) }

    @inlinable
    public func credential() async throws -> Credential {
        if let value = freshCredential() { return value }
        return try await refreshingCredential()
    }

    /// The cached credential if it is served without the state machine now; nil otherwise.
    @usableFromInline
    func freshCredential() -> Credential? {
        fastPath.credential()
    }

    /// The full decision: serve, prefetch, or wait for the (single) refresh.
    @usableFromInline
    func refreshingCredential() async throws -> Credential {
        let now = clock.now()
        let step: Step = guarded.withLock { guarded in
            switch guarded.state.decide(now: now) {
            case .serve(let value):
                return .done(value)
            case .serveAndPrefetch(let value):
                if guarded.inFlight == nil { guarded.inFlight = startRefresh() }
                return .done(value)
            case .refresh:
                if let running = guarded.inFlight {
                    if let value = guarded.state.valueDuringRefresh(now: now) { return .done(value) }
                    return .wait(running)
                }
                let task = startRefresh()
                guarded.inFlight = task
                return .wait(task)
            }
        }
        switch step {
        case .done(let value):
            return value
        case .wait(let task):
            switch await task.value {
            case .value(let value): return value
            case .failure(let error): throw error
            }
        }
    }

    /// Forgets the cached value: the next call fetches.
    public func invalidate() {
        guarded.withLock { guarded in
            guarded.state.invalidate()
            publish(guarded.state)
        }
    }

    private enum Step {
        case done(Credential)
        case wait(Task<RefreshState.Outcome, Never>)
    }

    /// Starts the one refresh; called with the lock held.
    private func startRefresh() -> Task<RefreshState.Outcome, Never> {
        Task { [self] in
            fetchCount.add(1, ordering: .relaxed)
            let result: Result<Credential, any Error>
            do {
                result = .success(try await fetch())
            } catch {
                result = .failure(error)
            }
            let now = clock.now()
            let jitter = Double.random(in: 0...1)
            return guarded.withLock { guarded in
                guarded.inFlight = nil
                let outcome: RefreshState.Outcome
                switch result {
                case .success(let value): outcome = guarded.state.record(success: value, now: now, jitter: jitter)
                case .failure(let error): outcome = guarded.state.record(failure: error, now: now, jitter: jitter)
                }
                publish(guarded.state)
                return outcome
            }
        }
    }

    /// Makes the fast path follow a changed state; called with `guarded` held.
    private func publish(_ state: RefreshState) {
        if let entry = state.entry, let servedUntil = state.servedUntil {
            fastPath.publish(entry.value, servedUntil: servedUntil.timeIntervalSince1970)
        } else {
            fastPath.publish(nil, servedUntil: 0)
        }
    }
}
