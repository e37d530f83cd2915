import Synchronization

/// One holder per key among the tasks of this process; waiters queue in arrival order and are handed the
/// lock directly. No thread is blocked while waiting.
final class KeyedAsyncLock: Sendable {
    private let waiters = Mutex<[String: [CheckedContinuation<Void, Never>]]>([:])

    /// Waits until `key` is free and takes it.
    func acquire(_ key: String) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let takenNow: Bool = waiters.withLock { table in
                if table[key] == nil {
                    table[key] = []
                    return true
                }
                table[key]?.append(continuation)
                return false
            }
            if takenNow { continuation.resume() }
        }
    }

    /// Gives `key` to the next waiter, or frees it.
    func release(_ key: String) {
        let next: CheckedContinuation<Void, Never>? = waiters.withLock { table in
            guard var queue = table[key] else { return nil }
            if queue.isEmpty {
                table[key] = nil
                return nil
            }
            let first = queue.removeFirst()
            table[key] = queue
            return first
        }
        next?.resume()
    }
}
