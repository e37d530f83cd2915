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

    /// Whether a private directory of ours (token cache, secret store) may be used.
    enum Privacy: Equatable {
        case safe
        /// Why not, for messages: `is a symbolic link`, `is not a directory`, `belongs to another user`, ….
        case unsafe(String)
    }

    /// Makes `directory` (0700, with its missing parents) or checks the existing one: it must be a real directory,
    /// not a symbolic link (which could lead anywhere, e.g. into another user's directory), owned by this user;
    /// group or other permissions on it are removed. Only the last component is checked: links higher up
    /// (`~/.cache` → `/data/cache`) are the user's own set-up.
    static func makePrivate(_ directory: String) -> Privacy {
        switch checkPrivate(directory) {
        case .unsafe("does not exist"):
            guard make(directory) else { return .unsafe("cannot be created") }
            return checkPrivate(directory)
        case let privacy:
            return privacy
        }
    }

    /// ``makePrivate(_:)`` without creating anything.
    static func checkPrivate(_ directory: String) -> Privacy {
        var info = stat()
        guard lstat(directory, &info) == 0 else { return .unsafe(errno == ENOENT ? "does not exist" : String(cString: strerror(errno))) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFLNK: return .unsafe("is a symbolic link")
        default: return .unsafe("is not a directory")
        }
        guard info.st_uid == geteuid() else { return .unsafe("belongs to another user (uid \(info.st_uid))") }
        if info.st_mode & 0o077 != 0 {
            guard chmod(directory, 0o700) == 0 else { return .unsafe("is open to other users and cannot be made private") }
        }
        return .safe
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

    /// Seconds since the entry at `path` (not followed if a link) was last modified, by the system clock (file
    /// times are the system's); nil when it cannot be read.
    static func age(_ path: String) -> Double? {
        var info = stat()
        var now = timespec()
        guard lstat(path, &info) == 0, clock_gettime(CLOCK_REALTIME, &now) == 0 else { return nil }
        return Double(now.tv_sec - info.st_mtim.tv_sec) + Double(now.tv_nsec - info.st_mtim.tv_nsec) / 1_000_000_000
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

    /// The bytes of a regular file, nil when it is missing, unreadable, too large or a symbolic link (entries of
    /// our private directories are never links; one planted there is not followed).
    static func read(_ path: String, limit: Int = 1 << 20) -> [UInt8]? {
        try? LocalFile.read(path, limit: limit, followingLinks: false)
    }
}
