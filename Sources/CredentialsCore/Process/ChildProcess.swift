#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program without a shell (`posix_spawn`), optionally feeds it standard input, captures its standard
/// output and error, and kills it when it runs longer than the timeout: Python's
/// `subprocess.run(argv, input=…, stdout=PIPE, stderr=PIPE, timeout=…)`, synchronously.
///
/// * The program is found like `execvp` (``ProgramLookup``): a name with a `/` as is, other names along the
///   `PATH` of the given environment (`/bin:/usr/bin` when unset).
/// * The child gets exactly the given environment; standard input is ours (``Input/inherit``) or a pipe fed
///   with bytes (``Input/bytes(_:)``); it gets no other descriptor of ours, an empty signal mask and default
///   `SIGPIPE`/`SIGXFSZ` handling (Python's `restore_signals`).
/// * A child that exits without reading its input does not kill us: `SIGPIPE` is blocked on the calling thread
///   while we write, and one raised by our writes is consumed.
/// * Each output is kept up to `maxOutputBytes`; the rest is read and dropped, so the child never blocks.
/// * The calling thread blocks until the child has exited and been reaped; call it off the Swift concurrency
///   pool (a thread of its own) from async code.
public enum ChildProcess {
    /// What the child reads as its standard input.
    public enum Input: Sendable, Hashable {
        /// The caller's own standard input.
        case inherit
        /// A pipe that receives these bytes and is then closed (empty: end of file at once).
        case bytes([UInt8])
    }

    /// What a child that ran to its end left behind.
    public struct Output: Sendable, Hashable {
        /// Python's `returncode`: the exit status, or minus the signal number that ended the process
        /// (-1 when the status was lost to someone else's `waitpid`).
        public var status: Int32
        /// Standard output, up to the cap.
        public var stdout: [UInt8]
        /// Standard error, up to the cap.
        public var stderr: [UInt8]

        /// An output with these parts.
        public init(status: Int32, stdout: [UInt8], stderr: [UInt8]) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }
    }

    /// Why the child did not run to its end. `program` is the first argument as given.
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// No executable file: `errno` is `ENOENT` when nothing was found, `EACCES` when only files without
        /// execute permission were (or what `access(2)` said about a path with a `/`).
        case notFound(program: String, errno: Int32)
        /// A pipe could not be made or `posix_spawn` failed, with its `errno`.
        case spawnFailed(program: String, errno: Int32)
        /// The child ran longer than `seconds` and was killed (`SIGKILL`) and reaped.
        case timedOut(program: String, seconds: Double)

        /// One line naming the program.
        public var description: String {
            switch self {
            case .notFound(let program, let code): return "\(program): cannot run: \(String(cString: strerror(code)))"
            case .spawnFailed(let program, let code): return "\(program): cannot start: \(String(cString: strerror(code)))"
            case .timedOut(let program, let seconds): return "\(program): did not finish within \(seconds) s and was killed"
            }
        }
    }

    /// The default cap of each output, 1 MiB.
    public static let defaultMaxOutputBytes = 1 << 20

    /// Runs `arguments` (the program first) and returns once it has exited and been reaped.
    ///
    /// - Parameters:
    ///   - arguments: the program and its arguments, passed as they are (no shell).
    ///   - environment: the child's whole environment; its `PATH` finds the program.
    ///   - stdin: the caller's standard input, or bytes fed through a pipe.
    ///   - timeout: seconds from the child's start until its exit (input and outputs included); after that it is killed.
    ///   - maxOutputBytes: how much of each output is kept.
    /// - Throws: ``Failure``.
    public static func run(
        _ arguments: [String], environment: Environment, stdin: Input = .inherit, timeout: Double,
        maxOutputBytes: Int = defaultMaxOutputBytes
    ) throws(Failure) -> Output {
        guard let program = arguments.first else { throw .notFound(program: "", errno: ENOENT) }
        let path = try ProgramLookup.resolve(program, searchPath: environment["PATH"])
        let input: [UInt8]? = if case .bytes(let bytes) = stdin { bytes } else { nil }
        let child = try ChildSpawner.spawn(path: path, arguments: arguments, environment: environment, pipedInput: input != nil)
        let deadline = monotonicSeconds() + max(0, timeout)

        let exchange = PipeExchange(child: child, input: input ?? [], deadline: deadline, maxOutputBytes: maxOutputBytes)
        let outputs = input == nil ? exchange.run() : SignalMask.withSIGPIPEBlocked { exchange.run() }
        guard let outputs, let status = ChildReaper.waitForExit(child.pid, deadline: deadline) else {
            ChildReaper.killAndReap(child.pid)
            throw .timedOut(program: program, seconds: timeout)
        }
        return Output(status: status, stdout: outputs.stdout, stderr: outputs.stderr)
    }
}
