#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CredentialsCore

/// Runs a program without a shell (`posix_spawn`), captures its standard output and error, and kills it
/// when it runs too long, as Python's `subprocess.run(argv, stdout=PIPE, stderr=PIPE, timeout=…)` does.
///
/// * The program is found like `execvp`: a name with a `/` is used as is, other names are looked up in the
///   `PATH` of the given environment (`/bin:/usr/bin` when unset).
/// * The child gets the given environment, the caller's standard input, default `SIGPIPE`/`SIGXFSZ`
///   handling and an empty signal mask (Python's `restore_signals`), and no other open descriptors.
/// * The wait happens on a thread of its own, so no Swift concurrency thread is blocked.
/// * Each output is kept up to ``maxOutputBytes``; the rest is read and dropped.
enum ExternalProcess {
    struct Output: Sendable {
        /// Python's `returncode`: the exit status, or minus the signal number that ended the process.
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
    }

    enum Failure: Error, Sendable {
        /// The program ran longer than the timeout and was killed.
        case timedOut
        /// The program could not be started; `errno` and the program as given.
        case spawnFailed(errno: Int32, program: String)
    }

    static let maxOutputBytes = 1 << 20

    static func run(_ arguments: [String], environment: Environment, timeout: Double) async throws(Failure) -> Output {
        guard let program = arguments.first else { throw .spawnFailed(errno: ENOENT, program: "") }
        let path = try resolve(program, environment: environment)
        let child = try spawn(path: path, arguments: arguments, environment: environment)
        let result = await onDedicatedThread { collect(child, timeout: timeout) }
        return try result.get()
    }

    // MARK: - Finding the program

    private static func resolve(_ program: String, environment: Environment) throws(Failure) -> String {
        if program.contains("/") { return program }
        let searchPath = environment["PATH"] ?? "/bin:/usr/bin"
        var sawDenied = false
        for directory in searchPath.split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (directory.isEmpty ? "." : String(directory)) + "/" + program
            var info = stat()
            guard stat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            if access(candidate, X_OK) == 0 { return candidate }
            sawDenied = true
        }
        throw .spawnFailed(errno: sawDenied ? EACCES : ENOENT, program: program)
    }

    // MARK: - Starting it

    private struct Child: Sendable {
        let pid: pid_t
        let stdout: Int32
        let stderr: Int32
    }

    /// A pipe whose ends close on exec (Glibc's module map does not export `pipe2`).
    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    private static func spawn(path: String, arguments: [String], environment: Environment) throws(Failure) -> Child {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard makePipe(&outPipe) else { throw .spawnFailed(errno: errno, program: arguments[0]) }
        guard makePipe(&errPipe) else {
            let code = errno
            closeAll(outPipe)
            throw .spawnFailed(errno: code, program: arguments[0])
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        // The child gets standard input, output and error only: no descriptor of ours (cache files,
        // sockets, a script another thread is writing) leaks into the credential process.
        closeInheritedDescriptors(&actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigaddset(&defaults, SIGXFSZ)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.values.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        var code = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        // ETXTBSY: the program was just written and another thread's fork still holds its write descriptor;
        // that clears within milliseconds (Go's os/exec retries the same way).
        var retries = 0
        while code == ETXTBSY && retries < 20 {
            retries += 1
            usleep(5_000)
            code = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        }
        closeAll([outPipe[1], errPipe[1]])
        guard code == 0 else {
            closeAll([outPipe[0], errPipe[0]])
            throw .spawnFailed(errno: code, program: arguments[0])
        }
        return Child(pid: pid, stdout: outPipe[0], stderr: errPipe[0])
    }

    // MARK: - Waiting for it

    /// Reads both pipes until they close, then waits for the exit, all within `timeout` seconds.
    private static func collect(_ child: Child, timeout: Double) -> Result<Output, Failure> {
        let deadline = monotonicNow() + max(0, timeout)
        var buffers: [Int32: [UInt8]] = [child.stdout: [], child.stderr: []]
        var open = [child.stdout, child.stderr]
        defer { closeAll([child.stdout, child.stderr]) }
        var chunk = [UInt8](repeating: 0, count: 65536)

        while !open.isEmpty {
            let remaining = deadline - monotonicNow()
            guard remaining > 0 else { return .failure(killAndReap(child.pid)) }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining * 1000, 60_000).rounded(.up)))
            if ready < 0 {
                if errno == EINTR { continue }
                return .failure(killAndReap(child.pid))
            }
            for entry in fds where entry.revents != 0 {
                let count = chunk.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    let room = maxOutputBytes - (buffers[entry.fd]?.count ?? 0)
                    if room > 0 { buffers[entry.fd, default: []].append(contentsOf: chunk[0..<min(count, room)]) }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    open.removeAll { $0 == entry.fd }
                }
            }
        }

        var pause = 0.001
        while true {
            var status: Int32 = 0
            let reaped = waitpid(child.pid, &status, WNOHANG)
            if reaped == child.pid {
                return .success(Output(status: decode(status), stdout: buffers[child.stdout] ?? [], stderr: buffers[child.stderr] ?? []))
            }
            if reaped < 0 && errno != EINTR {
                // Someone else reaped it (a SIGCHLD handler); the exit status is lost.
                return .success(Output(status: -1, stdout: buffers[child.stdout] ?? [], stderr: buffers[child.stderr] ?? []))
            }
            guard monotonicNow() < deadline else { return .failure(killAndReap(child.pid)) }
            napSeconds(pause)
            pause = min(pause * 2, 0.02)
        }
    }

    private static func killAndReap(_ pid: pid_t) -> Failure {
        _ = kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return .timedOut
    }

    /// `WIFEXITED`/`WEXITSTATUS`/`WTERMSIG` (macros Swift does not import), in Python's `returncode` convention.
    private static func decode(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        if signal == 0 { return (status >> 8) & 0xFF }
        if signal != 0x7F { return -signal }
        return -1
    }

    private static func closeAll(_ descriptors: [Int32]) {
        for fd in descriptors where fd >= 0 { _ = close(fd) }
    }

    private static func monotonicNow() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1_000_000_000
    }

    private static func napSeconds(_ seconds: Double) {
        var request = timespec(tv_sec: 0, tv_nsec: Int(seconds * 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
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

/// Adds glibc's `posix_spawn_file_actions_addclosefrom_np(3)` (2.34+) when the C library has it; Swift's
/// Glibc module does not import the `_np` declaration, so it is looked up once at run time.
private func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
    guard let addCloseFrom = addCloseFromFunction else { return }
    _ = addCloseFrom(&actions, 3)
}

private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

private let addCloseFromFunction: AddCloseFrom? = {
    guard let process = dlopen(nil, RTLD_NOW),
          let symbol = dlsym(process, "posix_spawn_file_actions_addclosefrom_np") else {
        return nil
    }
    return unsafeBitCast(symbol, to: AddCloseFrom.self)
}()
