#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CredentialsCore

/// Small directory operations on top of ``AtomicFile`` (no Foundation).
enum DirectoryFiles {
    /// Creates `directory` and its missing parents with `mode` (exactly, not subject to the umask).
    /// Existing directories are left as they are. Returns false when it cannot.
    @discardableResult
    static func make(_ directory: String, mode: UInt32 = 0o700) -> Bool {
        var info = stat()
        if stat(directory, &info) == 0 { return (info.st_mode & S_IFMT) == S_IFDIR }
        let parent = parent(of: directory)
        if parent != directory && directory != "." && !make(parent, mode: mode) { return false }
        guard mkdir(directory, mode_t(mode)) == 0 || errno == EEXIST else { return false }
        _ = chmod(directory, mode_t(mode))
        return true
    }

    /// The names in `directory` (without `.` and `..`); empty when it cannot be read.
    static func names(in directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Removes a file; true when it was there and is gone.
    @discardableResult
    static func remove(_ path: String) -> Bool {
        unlink(path) == 0
    }

    /// The directory part of `path` (`.` for a bare name, `/` for a file at the root).
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    /// The bytes of a regular file, nil when it is missing, unreadable or too large.
    static func read(_ path: String, limit: Int = 1 << 20) -> [UInt8]? {
        try? LocalFile.read(path, limit: limit)
    }
}
