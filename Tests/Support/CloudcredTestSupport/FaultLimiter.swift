import Synchronization

/// A counting semaphore for async code: at most `permits` bodies run at once, the others wait in order.
///
/// Fault-injection cells each start an emulator and an HTTP client; a limiter keeps a table of hundreds of them from
/// starving a loaded 2-core machine (where starved loopback calls would hit their timeouts for the wrong reason).
public actor FaultLimiter {
    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public init(permits: Int) {
        available = max(1, permits)
    }

    /// Runs `body` once a permit is free.
    public func run<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func release() {
        if waiters.isEmpty {
            available += 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}

/// The result of `body`, or nil when it has not finished after `seconds` of real time. Lets a test assert "no hang"
/// as behaviour instead of hanging itself: a body that never returns is cancelled and left behind (an unstructured
/// task), so the caller goes on.
public func withDeadline<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () async -> T) async -> T? {
    let once = Mutex<CheckedContinuation<T?, Never>?>(nil)
    let resume: @Sendable (T?) -> Void = { value in
        once.withLock { continuation in
            continuation?.resume(returning: value)
            continuation = nil
        }
    }
    return await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
        once.withLock { $0 = continuation }
        let work = Task { resume(await body()) }
        Task {
            try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
            work.cancel()
            resume(nil)
        }
    }
}
