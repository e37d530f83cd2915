#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// The source of "now" and of waiting, injected so tests cover expiry, prefetch and backoff without sleeping.
public protocol CredentialsClock: Sendable {
    /// The current wall-clock time.
    func now() -> Date
    /// Waits for `seconds` (a manual clock returns when time is advanced past the deadline).
    func sleep(seconds: Double) async throws
}

/// The system clock.
public struct SystemClock: CredentialsClock {
    public init() {}
    public func now() -> Date { Date() }
    public func sleep(seconds: Double) async throws {
        guard seconds > 0 else { return }
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }
}

/// A clock that moves only when told to. Sleepers wake when `advance(by:)` passes their deadline.
public final class ManualClock: CredentialsClock {
    private struct Sleeper {
        let deadline: Date
        let continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var now: Date
        var sleepers: [Sleeper] = []
    }

    private let state: Mutex<State>

    public init(now: Date = Date(timeIntervalSince1970: 1_700_000_000)) {
        state = Mutex(State(now: now))
    }

    public func now() -> Date { state.withLock { $0.now } }

    /// How many tasks are waiting in `sleep(seconds:)`.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    public func sleep(seconds: Double) async throws {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let wakeNow: Bool = state.withLock { state in
                let deadline = state.now.addingTimeInterval(seconds)
                if deadline <= state.now { return true }
                state.sleepers.append(Sleeper(deadline: deadline, continuation: continuation))
                return false
            }
            if wakeNow { continuation.resume() }
        }
    }

    /// Moves time forward and wakes every sleeper whose deadline has passed.
    public func advance(by seconds: Double) {
        let due: [Sleeper] = state.withLock { state in
            state.now = state.now.addingTimeInterval(seconds)
            let now = state.now
            let due = state.sleepers.filter { $0.deadline <= now }
            state.sleepers.removeAll { $0.deadline <= now }
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Sets the time (forward or back) and wakes sleepers that are now due.
    public func set(_ date: Date) {
        let delta = date.timeIntervalSince(now())
        advance(by: delta)
    }
}
