#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be read.
public enum FileReadError: Error, Sendable, Hashable, CustomStringConvertible {
    case notFound(path: String)
    case notRegularFile(path: String)
    case permissionDenied(path: String)
    case tooLarge(path: String, limit: Int)
    case other(path: String, errno: Int32)

    public var description: String {
        switch self {
        case .notFound(let path): return "\(path): no such file"
        case .notRegularFile(let path): return "\(path): not a regular file"
        case .permissionDenied(let path): return "\(path): permission denied"
        case .tooLarge(let path, let limit): return "\(path): larger than \(limit) bytes"
        case .other(let path, let code): return "\(path): \(String(cString: strerror(code)))"
        }
    }
}

/// Small, dependency-free file reads (no Foundation), used by the helper and the profile loaders.
public enum LocalFile {
    /// Files larger than this are refused (credentials and config files are tiny).
    public static let defaultLimit = 8 << 20

    /// Reads a whole regular file. A FIFO or device is refused without blocking on it.
    ///
    /// - Parameter followingLinks: false refuses a symbolic link as the last component (`O_NOFOLLOW`).
    public static func read(_ path: String, limit: Int = defaultLimit, followingLinks: Bool = true) throws(FileReadError) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO without a writer would otherwise wait forever (regular files ignore it).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followingLinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else { throw mapErrno(errno, path: path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw mapErrno(errno, path: path) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notRegularFile(path: path) }
        guard Int(info.st_size) <= limit else { throw .tooLarge(path: path, limit: limit) }
        var result: [UInt8] = []
        result.reserveCapacity(Int(info.st_size))
        var buffer = [UInt8](repeating: 0, count: 16384)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw mapErrno(errno, path: path)
            }
            if count == 0 { break }
            result.append(contentsOf: buffer[0..<count])
            if result.count > limit { throw .tooLarge(path: path, limit: limit) }
        }
        return result
    }

    /// Reads a whole file as UTF-8 text (invalid bytes replaced).
    public static func readText(_ path: String, limit: Int = defaultLimit) throws(FileReadError) -> String {
        String(decoding: try read(path, limit: limit), as: UTF8.self)
    }

    /// True when `path` names an existing regular file (following links).
    public static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// True when something exists at `path`.
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    static func mapErrno(_ code: Int32, path: String) -> FileReadError {
        switch code {
        case ENOENT, ENOTDIR: return .notFound(path: path)
        case EACCES, EPERM: return .permissionDenied(path: path)
        case EISDIR: return .notRegularFile(path: path)
        default: return .other(path: path, errno: code)
        }
    }
}
