import Dispatch

/// Runs async code to completion from libFuzzer's synchronous callback.
public enum Blocking {
    /// Starts `operation` in a task and waits for its result on the calling thread.
    public static func run<Value: Sendable>(_ operation: @escaping @Sendable () async -> Value) -> Value {
        let box = ResultBox<Value>()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.value = await operation()
            done.signal()
        }
        done.wait()
        return box.value!  // set before the signal the wait returned on
    }

    /// Runs a throwing async operation; its error comes back in the result.
    public static func result<Value: Sendable>(_ operation: @escaping @Sendable () async throws -> Value) -> Result<Value, any Error> {
        run {
            do {
                return .success(try await operation())
            } catch {
                return .failure(error)
            }
        }
    }
}

/// Written by the task before it signals, read by the waiter after: the semaphore orders the two.
private final class ResultBox<Value>: @unchecked Sendable {
    var value: Value?
}
