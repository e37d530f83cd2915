#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CredentialsCore

/// Runs a program without a shell, captures its standard output and error, and kills it when it runs too
/// long, as Python's `subprocess.run(argv, stdout=PIPE, stderr=PIPE, timeout=…)` does: `CredentialsCore`'s
/// ``ChildProcess`` with the caller's standard input, on a thread of its own so no Swift concurrency thread
/// is blocked.
///
/// * The program is found like `execvp`: a name with a `/` is used as is, other names are looked up in the
///   `PATH` of the given environment (`/bin:/usr/bin` when unset).
/// * The child gets the given environment, the caller's standard input, default `SIGPIPE`/`SIGXFSZ`
///   handling and an empty signal mask (Python's `restore_signals`), and no other open descriptors.
/// * Each output is kept up to ``maxOutputBytes``; the rest is read and dropped.
enum ExternalProcess {
    /// `status` is Python's `returncode`: the exit status, or minus the signal number that ended the process.
    typealias Output = ChildProcess.Output

    enum Failure: Error, Sendable {
        /// The program ran longer than the timeout and was killed.
        case timedOut
        /// The program could not be started (not found, not executable, `posix_spawn` failed); `errno` and
        /// the program as given, for Python's `[Errno 2] No such file or directory: 'prog'`.
        case spawnFailed(errno: Int32, program: String)
    }

    static let maxOutputBytes = 1 << 20

    static func run(_ arguments: [String], environment: Environment, timeout: Double) async throws(Failure) -> Output {
        let result = await onDedicatedThread {
            Result { () throws(ChildProcess.Failure) -> Output in
                try ChildProcess.run(arguments, environment: environment, stdin: .inherit, timeout: timeout, maxOutputBytes: maxOutputBytes)
            }
        }
        switch result {
        case .success(let output): return output
        case .failure(.timedOut): throw .timedOut
        case .failure(.notFound(let program, let code)), .failure(.spawnFailed(let program, let code)):
            throw .spawnFailed(errno: code, program: program)
        }
    }
}

// MARK: - A thread for blocking work

private final class ThreadJob: @unchecked Sendable {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
}

/// Runs blocking `body` on a new detached thread and returns its result, leaving the cooperative pool free.
private func onDedicatedThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
        let job = ThreadJob { continuation.resume(returning: body()) }
        let context = Unmanaged.passRetained(job).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(
            &thread, nil,
            { raw in
                guard let raw else { return nil }
                Unmanaged<ThreadJob>.fromOpaque(raw).takeRetainedValue().body()
                return nil
            }, context)
        if created == 0 {
            pthread_detach(thread)
        } else {
            // No thread to be had: do the work here rather than fail.
            Unmanaged<ThreadJob>.fromOpaque(context).takeRetainedValue().body()
        }
    }
}
