#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CredentialsCore

/// Runs a program without a shell (`posix_spawn`), feeds it `stdin`, captures its standard output and error,
/// and kills it when it runs longer than the timeout. Synchronous: the helper has nothing else to do meanwhile.
///
/// * The program is found like `execvp`: a name with `/` as is, else along `PATH` (`/bin:/usr/bin` when unset).
/// * The child gets the given environment, pipes as standard input, output and error, no other descriptor of
///   ours, an empty signal mask and default `SIGPIPE`.
/// * A child that exits without reading its input does not kill us: `SIGPIPE` is blocked on this thread while
///   we write, and a pending one is consumed.
enum ChildProcess {
    struct Output: Sendable {
        /// The exit status, or minus the signal that ended the process.
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
    }

    enum Failure: Error, Sendable, Equatable {
        /// Not found on `PATH` (or not executable).
        case notFound(program: String)
        /// `posix_spawn` or `pipe` failed.
        case spawnFailed(program: String, errno: Int32)
        /// Ran longer than the timeout and was killed.
        case timedOut(program: String, seconds: Double)
    }

    static let maxOutputBytes = 1 << 20

    static func run(_ arguments: [String], stdin: [UInt8], environment: Environment, timeout: Double) -> Result<Output, Failure> {
        guard let program = arguments.first, let path = resolve(program, environment: environment) else {
            return .failure(.notFound(program: arguments.first ?? ""))
        }
        var pipes: [[Int32]] = []
        for _ in 0..<3 {
            var fds: [Int32] = [-1, -1]
            guard pipe(&fds) == 0 else {
                let code = errno
                pipes.flatMap { $0 }.forEach { _ = close($0) }
                return .failure(.spawnFailed(program: program, errno: code))
            }
            for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            pipes.append(fds)
        }
        let (input, output, error) = (pipes[0], pipes[1], pipes[2])
        let spawned = spawn(path: path, arguments: arguments, environment: environment, stdin: input[0], stdout: output[1], stderr: error[1])
        for fd in [input[0], output[1], error[1]] { _ = close(fd) }
        guard case .success(let pid) = spawned else {
            for fd in [input[1], output[0], error[0]] { _ = close(fd) }
            if case .failure(let code) = spawned { return .failure(.spawnFailed(program: program, errno: code)) }
            return .failure(.spawnFailed(program: program, errno: 0))
        }
        return withSIGPIPEBlocked {
            exchange(pid: pid, program: program, stdin: stdin, input: input[1], output: output[0], error: error[0], timeout: timeout)
        }
    }

    // MARK: - Steps

    private static func resolve(_ program: String, environment: Environment) -> String? {
        if program.contains("/") { return access(program, X_OK) == 0 ? program : nil }
        for directory in (environment["PATH"] ?? "/bin:/usr/bin").split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (directory.isEmpty ? "." : String(directory)) + "/" + program
            if LocalFile.isRegularFile(candidate) && access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    private enum SpawnResult { case success(pid_t), failure(Int32) }

    private static func spawn(path: String, arguments: [String], environment: Environment, stdin: Int32, stdout: Int32, stderr: Int32) -> SpawnResult {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        if let addCloseFrom = addCloseFromFunction { _ = addCloseFrom(&actions, 3) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
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
        var retries = 0
        while code == ETXTBSY && retries < 20 {  // a script another thread just wrote; clears within ms
            retries += 1
            usleep(5_000)
            code = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        }
        return code == 0 ? .success(pid) : .failure(code)
    }

    /// Writes stdin and reads both outputs with `poll` until the outputs close, then reaps the child.
    private static func exchange(pid: pid_t, program: String, stdin: [UInt8], input: Int32, output: Int32, error: Int32, timeout: Double) -> Result<Output, Failure> {
        let deadline = monotonicSeconds() + max(0, timeout)
        var writeFD: Int32? = input
        _ = fcntl(input, F_SETFL, fcntl(input, F_GETFL) | O_NONBLOCK)
        var written = 0
        var buffers: [Int32: [UInt8]] = [output: [], error: []]
        var open = [output, error]
        var chunk = [UInt8](repeating: 0, count: 16384)
        defer { for fd in [output, error] + (writeFD.map { [$0] } ?? []) { _ = close(fd) } }
        if stdin.isEmpty, let fd = writeFD { _ = close(fd); writeFD = nil }

        while !open.isEmpty || writeFD != nil {
            let remaining = deadline - monotonicSeconds()
            guard remaining > 0 else { return .failure(killAndReap(pid, program: program, timeout: timeout)) }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if let fd = writeFD { fds.append(pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining * 1000, 60_000).rounded(.up)))
            if ready < 0 {
                if errno == EINTR { continue }
                return .failure(killAndReap(pid, program: program, timeout: timeout))
            }
            for entry in fds where entry.revents != 0 {
                if entry.fd == writeFD {
                    let count = stdin.withUnsafeBytes { Glibc.write(entry.fd, $0.baseAddress! + written, $0.count - written) }
                    if count > 0 { written += count }
                    if written == stdin.count || (count < 0 && errno != EAGAIN && errno != EINTR) {
                        _ = close(entry.fd)
                        writeFD = nil
                    }
                    continue
                }
                let count = chunk.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    let room = maxOutputBytes - (buffers[entry.fd]?.count ?? 0)
                    if room > 0 { buffers[entry.fd, default: []].append(contentsOf: chunk[0..<min(count, room)]) }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    open.removeAll { $0 == entry.fd }
                }
            }
        }
        while true {
            var status: Int32 = 0
            let reaped = waitpid(pid, &status, 0)
            if reaped == pid { return .success(Output(status: decode(status), stdout: buffers[output] ?? [], stderr: buffers[error] ?? [])) }
            if reaped < 0 && errno != EINTR { return .success(Output(status: -1, stdout: buffers[output] ?? [], stderr: buffers[error] ?? [])) }
        }
    }

    private static func killAndReap(_ pid: pid_t, program: String, timeout: Double) -> Failure {
        _ = kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return .timedOut(program: program, seconds: timeout)
    }

    /// `WIFEXITED`/`WEXITSTATUS`/`WTERMSIG`, which Swift does not import.
    private static func decode(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        if signal == 0 { return (status >> 8) & 0xFF }
        return signal == 0x7F ? -1 : -signal
    }

    /// Runs `body` with `SIGPIPE` blocked on this thread, then drops a `SIGPIPE` it raised and restores the mask.
    private static func withSIGPIPEBlocked<T>(_ body: () -> T) -> T {
        var pipeOnly = sigset_t()
        sigemptyset(&pipeOnly)
        sigaddset(&pipeOnly, SIGPIPE)
        var previous = sigset_t()
        var alreadyPending = sigset_t()
        sigpending(&alreadyPending)
        let wasPending = sigismember(&alreadyPending, SIGPIPE) == 1
        pthread_sigmask(SIG_BLOCK, &pipeOnly, &previous)
        let result = body()
        var pending = sigset_t()
        sigpending(&pending)
        if !wasPending && sigismember(&pending, SIGPIPE) == 1 {
            var zero = timespec(tv_sec: 0, tv_nsec: 0)
            _ = sigtimedwait(&pipeOnly, nil, &zero)
        }
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        return result
    }

    private static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1_000_000_000
    }
}

private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

/// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), looked up at run time (Swift's Glibc module
/// does not import `_np` declarations).
private let addCloseFromFunction: AddCloseFrom? = {
    guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
    return unsafeBitCast(symbol, to: AddCloseFrom.self)
}()
