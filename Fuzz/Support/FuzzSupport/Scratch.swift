#if canImport(Glibc)
import Glibc
#endif

/// A private directory for the files a target hands to file-reading parsers: `$TMPDIR/cloudcred-fuzz-<pid>`
/// (`/tmp` when `TMPDIR` is unset), made 0700 on first use and removed when the process exits normally.
public enum Scratch {
    /// The directory (created on first use).
    public static let directory: String = {
        let base = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let path = "\(base)/cloudcred-fuzz-\(getpid())"
        guard mkdir(path, 0o700) == 0 || errno == EEXIST else {
            fatalError("cannot create the scratch directory \(path): \(String(cString: strerror(errno)))")
        }
        atexit { Scratch.removeTree(Scratch.directory) }
        return path
    }()

    /// Writes `bytes` to `name` inside ``directory`` (replacing it) and returns the file's path.
    @discardableResult
    public static func write(_ bytes: [UInt8], to name: String) -> String {
        let path = directory + "/" + name
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { fatalError("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { fatalError("cannot write \(path): \(String(cString: strerror(errno)))") }
            offset += written
        }
        return path
    }

    /// A fresh, empty subdirectory of ``directory`` named `name` (an earlier one of that name is removed).
    public static func emptyDirectory(_ name: String) -> String {
        let path = directory + "/" + name
        removeTree(path)
        guard mkdir(path, 0o700) == 0 else { fatalError("cannot create \(path): \(String(cString: strerror(errno)))") }
        return path
    }

    /// Removes `path` and everything under it (symbolic links are removed, not followed).
    public static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for name in names(in: path) { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// The names in a directory (without `.` and `..`), unsorted; empty when it cannot be read.
    public static func names(in directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
