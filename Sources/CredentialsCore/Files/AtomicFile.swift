#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Crash-safe file replacement: readers see the old content or the new one, never a mix or a truncated file.
///
/// ``write(_:to:permissions:createDirectories:directoryMode:)``:
/// 1. (optionally) creates missing parent directories with `directoryMode` (0700);
/// 2. creates a temporary file `<path>.tmp-<pid>-<random>` in the same directory with `O_CREAT|O_EXCL|O_NOFOLLOW`
///    and mode 0600, so nothing at that name (not even a symlink planted there) is ever followed or reused;
/// 3. writes every byte, sets the final permissions with `fchmod` (not subject to the umask), and `fsync`s it;
/// 4. `rename(2)`s it over `path` and `fsync`s the directory, so the new name survives a crash.
///
/// On any failure the temporary file is removed and a one-line ``FileOperationError`` naming `path` is thrown;
/// `path` itself is then untouched. A symlink at `path` is replaced by a regular file (what `rename(2)`, and
/// Python's `os.replace`, do); the file it pointed to is left as it was.
///
/// For read-modify-write, hold ``withExclusiveLock(path:lockFile:timeout:_:)`` around the read and the write.
public enum AtomicFile {
    /// The permissions of the written file.
    public enum Permissions: Sendable, Hashable {
        /// Those of the file being replaced (all of `07777`), or `mode` when there is none yet.
        case preserving(default: UInt32)
        /// Exactly `mode`.
        case exactly(UInt32)

        /// Keep an existing file's permissions; a new file gets 0600 (owner only).
        public static let preservingOrOwnerOnly = Permissions.preserving(default: 0o600)
    }

    /// Writes `bytes` to `path` atomically (see ``AtomicFile``).
    ///
    /// - Parameters:
    ///   - permissions: default: the replaced file's permissions, else 0600.
    ///   - createDirectories: create missing parent directories (each with `directoryMode`).
    ///   - directoryMode: the permissions of created directories (default 0700).
    /// - Throws: ``FileOperationError`` naming `path`.
    public static func write(
        _ bytes: some Collection<UInt8>,
        to path: String,
        permissions: Permissions = .preservingOrOwnerOnly,
        createDirectories: Bool = false,
        directoryMode: UInt32 = 0o700
    ) throws(FileOperationError) {
        let directory = parentDirectory(of: path)
        if createDirectories {
            try makeDirectories(directory, mode: directoryMode, reportingAs: path)
        }
        let mode = finalMode(for: path, permissions: permissions)
        let (fd, temporary) = try createTemporary(next: path)
        do throws(FileOperationError) {
            try writeAll(Array(bytes), to: fd, reportingAs: path)
            guard fchmod(fd, mode_t(mode)) == 0 else { throw FileOperationError(.changeMode, path: path, errno: errno) }
            guard fsync(fd) == 0 else { throw FileOperationError(.sync, path: path, errno: errno) }
        } catch {
            _ = close(fd)
            _ = unlink(temporary)
            throw error
        }
        guard close(fd) == 0 else {
            let code = errno
            _ = unlink(temporary)
            throw FileOperationError(.write, path: path, errno: code)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            _ = unlink(temporary)
            throw FileOperationError(.rename, path: path, errno: code)
        }
        syncDirectory(directory)
    }

    /// Writes the UTF-8 bytes of `text` to `path` atomically.
    public static func write(
        _ text: String,
        to path: String,
        permissions: Permissions = .preservingOrOwnerOnly,
        createDirectories: Bool = false,
        directoryMode: UInt32 = 0o700
    ) throws(FileOperationError) {
        try write(Array(text.utf8), to: path, permissions: permissions, createDirectories: createDirectories, directoryMode: directoryMode)
    }

    /// Runs `body` while holding an exclusive ``FileLock``, for read-modify-write of `path`.
    ///
    /// - Parameters:
    ///   - path: the file `body` reads and rewrites.
    ///   - lockFile: the file to lock: nil (default) locks `path` itself, which must exist (other programs that
    ///     `flock` it, such as the Python library for `config.json`, are excluded too); a sidecar path
    ///     (e.g. `path + ".lock"`) is created 0600 if missing and suits files that may not exist yet.
    ///   - timeout: seconds to wait for the lock.
    /// - Throws: the lock's ``FileOperationError``, or what `body` throws.
    public static func withExclusiveLock<Result>(
        path: String, lockFile: String? = nil, timeout: Double = FileLock.defaultTimeout, _ body: () throws -> Result
    ) throws -> Result {
        let lock = try FileLock.acquire(path: lockFile ?? path, mode: .exclusive, timeout: timeout, createMode: lockFile == nil ? nil : 0o600)
        defer { lock.unlock() }
        return try body()
    }

    /// ``withExclusiveLock(path:lockFile:timeout:_:)`` for async callers: waits for the lock without blocking a thread.
    /// `body` is synchronous so that the lock is never held across a suspension.
    public static func withExclusiveLock<Result>(
        path: String, lockFile: String? = nil, timeout: Double = FileLock.defaultTimeout, _ body: () throws -> Result
    ) async throws -> Result {
        let lock = try await FileLock.acquire(path: lockFile ?? path, mode: .exclusive, timeout: timeout, createMode: lockFile == nil ? nil : 0o600)
        defer { lock.unlock() }
        return try body()
    }

    // MARK: - Steps

    /// The directory part of `path` (`.` for a bare name, `/` for a file at the root).
    static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    private static func finalMode(for path: String, permissions: Permissions) -> UInt32 {
        switch permissions {
        case .exactly(let mode):
            return mode & 0o7777
        case .preserving(let fallback):
            var info = stat()
            guard stat(path, &info) == 0 else { return fallback & 0o7777 }
            return UInt32(info.st_mode) & 0o7777
        }
    }

    /// Creates the temporary file exclusively, retrying with another name if one is taken.
    private static func createTemporary(next path: String) throws(FileOperationError) -> (Int32, String) {
        var generator = SystemRandomNumberGenerator()
        var lastError: Int32 = EEXIST
        for _ in 0..<16 {
            let suffix = String(UInt64.random(in: 0...UInt64.max, using: &generator), radix: 36)
            let temporary = "\(path).tmp-\(getpid())-\(suffix)"
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(0o600))
            if fd >= 0 { return (fd, temporary) }
            lastError = errno
            guard lastError == EEXIST || lastError == EINTR else { break }
        }
        throw FileOperationError(.write, path: path, errno: lastError)
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32, reportingAs path: String) throws(FileOperationError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw FileOperationError(.write, path: path, errno: errno)
            }
            offset += written
        }
    }

    /// `mkdir -p` with `mode` for the directories it creates; existing ones are left as they are.
    private static func makeDirectories(_ directory: String, mode: UInt32, reportingAs path: String) throws(FileOperationError) {
        var info = stat()
        if stat(directory, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw FileOperationError(.createDirectory, path: path, errno: ENOTDIR) }
            return
        }
        let parent = parentDirectory(of: directory)
        if parent != directory && directory != "." {
            try makeDirectories(parent, mode: mode, reportingAs: path)
        }
        if mkdir(directory, mode_t(mode)) != 0 && errno != EEXIST {
            throw FileOperationError(.createDirectory, path: path, errno: errno)
        }
        // mkdir applies the umask; the caller asked for exactly `mode`.
        _ = chmod(directory, mode_t(mode))
    }

    /// Makes the rename durable. Best effort: the new content is already in place, and some file systems
    /// cannot sync a directory.
    private static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        _ = close(fd)
    }
}
