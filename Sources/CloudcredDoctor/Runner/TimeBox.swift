import Synchronization

/// The overall deadline of a doctor run, and time-boxed work under it.
///
/// ``run(limit:_:)`` returns when the work finishes or when its time is up, whichever comes first: work that
/// ignores cancellation (a blocked DNS lookup, a server that never answers) is left behind, cancelled, so the run
/// always ends in time. Deadlines use the monotonic clock, never the injected ``CredentialsCore/CredentialsClock``.
struct TimeBox: Sendable {
    let deadline: ContinuousClock.Instant

    /// A deadline `seconds` from now.
    init(seconds: Double) {
        deadline = .now + .milliseconds(Int64(max(0, seconds) * 1000))
    }

    /// Time left before the deadline (zero when passed).
    var remaining: Duration { max(.zero, deadline - .now) }

    /// Milliseconds left, for request timeouts.
    var remainingMilliseconds: Int {
        let (seconds, attoseconds) = remaining.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    /// True once the deadline has passed.
    var isOver: Bool { remaining == .zero }

    /// The smaller of `limit` and the time left, in milliseconds.
    func budgetMilliseconds(_ limit: Duration) -> Int {
        let (seconds, attoseconds) = min(limit, remaining).components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    /// Runs `work` for at most `limit` (and never past the deadline); nil when it did not finish in time.
    func run<T: Sendable>(limit: Duration, _ work: @escaping @Sendable () async -> T) async -> T? {
        let budget = min(limit, remaining)
        guard budget > .zero else { return nil }
        let race = Race<T>()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
                race.start(continuation)
                race.track(Task { race.finish(await work()) })
                race.track(Task {
                    try? await Task.sleep(for: budget)
                    race.finish(nil)
                })
            }
        } onCancel: {
            race.finish(nil)
        }
    }
}

/// The first of the work and the timer to finish resumes the continuation; the other is cancelled.
private final class Race<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T?, Never>?
        var tasks: [Task<Void, Never>] = []
        var done = false
    }

    private let state = Mutex(State())

    func start(_ continuation: CheckedContinuation<T?, Never>) {
        let alreadyDone = state.withLock { state -> Bool in
            if state.done { return true }
            state.continuation = continuation
            return false
        }
        if alreadyDone { continuation.resume(returning: nil) }
    }

    func track(_ task: Task<Void, Never>) {
        let cancelNow = state.withLock { state -> Bool in
            if state.done { return true }
            state.tasks.append(task)
            return false
        }
        if cancelNow { task.cancel() }
    }

    func finish(_ value: T?) {
        let (continuation, tasks): (CheckedContinuation<T?, Never>?, [Task<Void, Never>]) = state.withLock { state in
            guard !state.done else { return (nil, []) }
            state.done = true
            defer { state.continuation = nil; state.tasks = [] }
            return (state.continuation, state.tasks)
        }
        continuation?.resume(returning: value)
        for task in tasks { task.cancel() }
    }
}
