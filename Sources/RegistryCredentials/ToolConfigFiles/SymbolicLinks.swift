#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Following symbolic links by hand, so an atomic rewrite replaces the file a link points to (as the Docker
/// CLI does) instead of the link; works for dangling links too, unlike `realpath(3)`.
enum SymbolicLinks {
    /// The path `path` finally names after following links in its last component (at most 40 hops).
    static func finalTarget(of path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK, let target = readLink(current) else { return current }
            current = target.hasPrefix("/") ? target : DirectoryFiles.parent(of: current) + "/" + target
        }
        return current
    }

    private static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4097)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
