#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs blocking work (waiting for a child process, `getaddrinfo`, reading a terminal) on a thread of its own and
/// awaits its result.
///
/// Not `DispatchQueue.global()`: on Linux Swift's tasks run on that same pool, so work that blocks its threads
/// starves every task of the process — an in-process server stops answering, timeouts fire. (A test suite that ran
/// a hundred binaries this way made a loopback STS call in another suite time out after 10 s.)
public enum OwnThread {
    /// The result of `body`, run on a new detached thread (on the calling thread if none can be created).
    public static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            detach { continuation.resume(returning: body()) }
        }
    }

    /// The result of `body`, run on a new detached thread (on the calling thread if none can be created).
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            detach { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Starts `body` on a new detached thread (runs it on the calling thread if none can be created).
    public static func detach(_ body: @escaping @Sendable () -> Void) {
        let work = Unmanaged.passRetained(Work(body))
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let created = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            Unmanaged<Work>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }, work.toOpaque())
        if created != 0 { work.takeRetainedValue().body() }
    }

    private final class Work {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
}
