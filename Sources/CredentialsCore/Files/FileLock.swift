#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Why a file could not be locked, written or replaced: one line for humans that names the path.
public struct FileOperationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The step that failed.
    public enum Operation: String, Sendable, Hashable {
        case lock, open, createDirectory, write, sync, changeMode, rename, remove
    }

    public let operation: Operation
    /// The file the caller asked about (the target, not a temporary file).
    public let path: String
    /// The `errno` of the failed call; nil when the lock wait timed out.
    public let errno: Int32?
    /// Seconds waited, when a lock wait timed out.
    public let waitedSeconds: Double?

    public init(_ operation: Operation, path: String, errno: Int32?, waitedSeconds: Double? = nil) {
        self.operation = operation
        self.path = path
        self.errno = errno
        self.waitedSeconds = waitedSeconds
    }

    /// True when the lock was held by someone else for longer than the timeout.
    public var isLockTimeout: Bool { operation == .lock && errno == nil }

    /// `cannot write /home/u/.aliyun/config.json: No space left on device`, or for a timeout
    /// `timed out after 10 s waiting for the lock on /home/u/.aliyun/config.json (another process holds it)`.
    public var description: String {
        if isLockTimeout {
            let waited = waitedSeconds.map(FileOperationError.seconds) ?? "?"
            return "timed out after \(waited) s waiting for the lock on \(path) (another process holds it)"
        }
        let reason = errno.map { String(cString: strerror($0)) } ?? "unknown error"
        let verb: String
        switch operation {
        case .lock: verb = "cannot lock"
        case .open: verb = "cannot open"
        case .createDirectory: verb = "cannot create the directory of"
        case .write: verb = "cannot write"
        case .sync: verb = "cannot flush to disk"
        case .changeMode: verb = "cannot set the permissions of"
        case .rename: verb = "cannot replace"
        case .remove: verb = "cannot remove"
        }
        return "\(verb) \(path): \(reason)"
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// An advisory `flock(2)` lock on a file, held until ``unlock()`` or until the lock object is released.
///
/// * **Exclusive or shared**: one exclusive holder, or any number of shared holders.
/// * **Bounded wait**: the lock is polled with `LOCK_NB` (1 ms doubling to 50 ms) until `timeout`; then
///   ``FileOperationError/isLockTimeout`` is thrown, naming the file. A `timeout` of 0 tries once.
/// * **Safe with atomic replacement**: a file that ``AtomicFile`` replaces gets a new inode, so a lock on the
///   old inode would no longer exclude anyone. After locking, the path is checked to still name the locked
///   inode; if it does not, the lock is dropped and taken again on the new file. Locking the target itself
///   (rather than a sidecar) therefore works, and it excludes other programs that `flock` the same file
///   (the Python library locks `~/.aliyun/config.json` this way).
/// * A sidecar lock file (`createMode` given) is opened with `O_NOFOLLOW`; a symbolic link at its name is
///   removed and a regular file created in its place, so nothing is ever created through a link.
/// * Locks belong to the open file, so two threads of one process exclude each other as two processes do.
///
/// Use ``AtomicFile/withExclusiveLock(path:lockFile:timeout:_:)`` for read-modify-write.
public final class FileLock: Sendable {
    /// Whether others may hold the lock at the same time.
    public enum Mode: Sendable, Hashable {
        /// One holder (writers).
        case exclusive
        /// Many holders, no exclusive one (readers).
        case shared
    }

    /// The default wait for a lock, in seconds.
    public static let defaultTimeout: Double = 10

    /// The locked file.
    public let path: String
    public let mode: Mode
    private let descriptor: Int32
    private let held = Atomic<Bool>(true)

    private init(path: String, mode: Mode, descriptor: Int32) {
        self.path = path
        self.mode = mode
        self.descriptor = descriptor
    }

    deinit {
        unlock()
    }

    /// Locks the file at `path`.
    ///
    /// - Parameters:
    ///   - path: the file to lock (a target such as `config.json`, or a sidecar such as `config.json.lock`).
    ///   - mode: exclusive (default) or shared.
    ///   - timeout: seconds to wait for other holders; 0 tries once.
    ///   - createMode: when not nil, a missing file is created with these permissions (a sidecar);
    ///     when nil (default) a missing file is an error with `ENOENT`.
    /// - Throws: ``FileOperationError`` naming `path`: a timeout, or the failed `open`/`flock`.
    public static func acquire(
        path: String, mode: Mode = .exclusive, timeout: Double = defaultTimeout, createMode: UInt32? = nil
    ) throws(FileOperationError) -> FileLock {
        var waiter = LockWaiter(path: path, mode: mode, timeout: timeout, createMode: createMode)
        while true {
            if let lock = try waiter.attempt() { return lock }
            sleepSeconds(waiter.nextPause())
        }
    }

    /// ``acquire(path:mode:timeout:createMode:)`` that waits with `Task.sleep` between attempts instead of
    /// blocking the thread, for async callers.
    public static func acquire(
        path: String, mode: Mode = .exclusive, timeout: Double = defaultTimeout, createMode: UInt32? = nil
    ) async throws -> FileLock {
        var waiter = LockWaiter(path: path, mode: mode, timeout: timeout, createMode: createMode)
        while true {
            if let lock = try waiter.attempt() { return lock }
            try await Task.sleep(nanoseconds: UInt64(waiter.nextPause() * 1_000_000_000))
        }
    }

    /// Releases the lock (once; later calls do nothing).
    public func unlock() {
        guard held.exchange(false, ordering: .acquiringAndReleasing) else { return }
        _ = flock(descriptor, LOCK_UN)
        _ = close(descriptor)
    }

    /// Makes the lock object for an already locked descriptor (used by ``LockWaiter``).
    fileprivate static func locked(path: String, mode: Mode, descriptor: Int32) -> FileLock {
        FileLock(path: path, mode: mode, descriptor: descriptor)
    }
}

/// One lock acquisition: attempts, the growing pause between them, and the deadline.
private struct LockWaiter {
    let path: String
    let mode: FileLock.Mode
    let timeout: Double
    let createMode: UInt32?
    let start = monotonicSeconds()
    var pause = 0.001

    init(path: String, mode: FileLock.Mode, timeout: Double, createMode: UInt32?) {
        self.path = path
        self.mode = mode
        self.timeout = max(0, timeout)
        self.createMode = createMode
    }

    /// Tries once; nil when someone else holds the lock and time is left.
    mutating func attempt() throws(FileOperationError) -> FileLock? {
        // A file replaced between our open and our lock is opened again at once (a few times at most).
        for _ in 0..<100 {
            // O_NONBLOCK: a FIFO planted where the file should be would block the open forever.
            var flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK
            // A sidecar lock file is ours alone: never follow a link planted at its name (O_CREAT would create
            // the file it points to); replace the link instead.
            if createMode != nil { flags |= O_CREAT | O_NOFOLLOW }
            let fd = open(path, flags, mode_t(createMode ?? 0o600))
            if fd < 0 && errno == ELOOP && createMode != nil && isSymbolicLink(path) {
                _ = unlink(path)
                continue
            }
            guard fd >= 0 else { throw FileOperationError(.open, path: path, errno: errno) }
            let operation = (mode == .exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB
            var result = flock(fd, operation)
            while result != 0 && errno == EINTR { result = flock(fd, operation) }
            if result != 0 {
                let code = errno
                _ = close(fd)
                guard code == EWOULDBLOCK || code == EAGAIN else { throw FileOperationError(.lock, path: path, errno: code) }
                return try retryOrTimeOut()
            }
            // If the path was renamed over meanwhile, we hold a lock on an inode nobody will open again.
            if stillNamesLockedFile(fd) {
                return FileLock.locked(path: path, mode: mode, descriptor: fd)
            }
            _ = flock(fd, LOCK_UN)
            _ = close(fd)
        }
        return try retryOrTimeOut()
    }

    mutating func nextPause() -> Double {
        let remaining = timeout - (monotonicSeconds() - start)
        let current = min(pause, max(0.0005, remaining))
        pause = min(pause * 2, 0.05)
        return current
    }

    private func retryOrTimeOut() throws(FileOperationError) -> FileLock? {
        let waited = monotonicSeconds() - start
        if waited >= timeout {
            throw FileOperationError(.lock, path: path, errno: nil, waitedSeconds: timeout)
        }
        return nil
    }

    private func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    private func stillNamesLockedFile(_ fd: Int32) -> Bool {
        var opened = stat()
        var current = stat()
        guard fstat(fd, &opened) == 0, stat(path, &current) == 0 else { return false }
        return opened.st_dev == current.st_dev && opened.st_ino == current.st_ino
    }
}

/// Seconds on the monotonic clock.
func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1_000_000_000
}

/// Blocks the calling thread for `seconds`.
func sleepSeconds(_ seconds: Double) {
    guard seconds > 0 else { return }
    var request = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1_000_000_000))
    var remaining = timespec()
    while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
}
