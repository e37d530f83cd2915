#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A started child and our ends of its pipes.
struct SpawnedChild: Sendable {
    let pid: pid_t
    /// The write end of its standard input; nil when it inherited ours.
    let stdin: Int32?
    /// The read end of its standard output.
    let stdout: Int32
    /// The read end of its standard error.
    let stderr: Int32
}

/// Starts a program with `posix_spawn`: its standard output and error (and, when asked, input) are pipes to
/// us, it keeps no other descriptor, and it starts with an empty signal mask and default `SIGPIPE`/`SIGXFSZ`.
enum ChildSpawner {
    /// Starts `path` with `arguments` (`arguments[0]` is the program as given) and exactly `environment`.
    ///
    /// - Throws: ``ChildProcess/Failure/spawnFailed(program:errno:)`` when a pipe cannot be made or
    ///   `posix_spawn` fails; every descriptor made here is closed again.
    static func spawn(path: String, arguments: [String], environment: Environment, pipedInput: Bool) throws(ChildProcess.Failure) -> SpawnedChild {
        let program = arguments[0]
        var made: [PipePair] = []
        for _ in 0..<(pipedInput ? 3 : 2) {
            guard let pair = PipePair.make() else {
                let code = errno
                made.forEach { $0.closeBoth() }
                throw .spawnFailed(program: program, errno: code)
            }
            made.append(pair)
        }
        let (input, output, error) = pipedInput ? (made[0], made[1], made[2]) : (nil, made[0], made[1])

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let input { posix_spawn_file_actions_adddup2(&actions, input.read, 0) }
        posix_spawn_file_actions_adddup2(&actions, output.write, 1)
        posix_spawn_file_actions_adddup2(&actions, error.write, 2)
        // Standard input, output and error only: no descriptor of ours (cache files, sockets, a script another
        // thread is writing) leaks into the child.
        InheritedDescriptors.closeFrom3(&actions)

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
            sleepSeconds(0.005)
            code = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        }
        // The child's ends are its own now (or nobody's).
        for end in [input?.read, output.write, error.write] { if let end { _ = close(end) } }
        guard code == 0 else {
            for end in [input?.write, output.read, error.read] { if let end { _ = close(end) } }
            throw .spawnFailed(program: program, errno: code)
        }
        return SpawnedChild(pid: pid, stdin: input?.write, stdout: output.read, stderr: error.read)
    }
}

/// A pipe whose two ends close on exec.
struct PipePair {
    let read: Int32
    let write: Int32

    /// A new pipe, nil (with `errno` set) when none can be made. (Glibc's module map does not export `pipe2`.)
    static func make() -> PipePair? {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return nil }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return PipePair(read: fds[0], write: fds[1])
    }

    func closeBoth() {
        _ = close(read)
        _ = close(write)
    }
}

/// glibc's `posix_spawn_file_actions_addclosefrom_np(3)` (2.34+), looked up at run time: Swift's Glibc module
/// does not import `_np` declarations. Without it (older C libraries) the close-on-exec flags are all we have.
enum InheritedDescriptors {
    /// Adds "close every descriptor from 3 up" to `actions` when the C library can.
    static func closeFrom3(_ actions: inout posix_spawn_file_actions_t) {
        guard let addCloseFrom = addCloseFromFunction else { return }
        _ = addCloseFrom(&actions, 3)
    }

    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    private static let addCloseFromFunction: AddCloseFrom? = {
        guard let process = dlopen(nil, RTLD_NOW),
              let symbol = dlsym(process, "posix_spawn_file_actions_addclosefrom_np") else {
            return nil
        }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)
    }()
}
