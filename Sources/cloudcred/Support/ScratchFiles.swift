#if canImport(Glibc)
import Glibc
#endif
import CredentialsCore

/// A throw-away directory for `quickstart`, removed at the end.
struct ScratchDirectory {
    let path: String

    /// Creates `/tmp/cloudcred-quickstart-XXXXXX` (mode 0700).
    static func make(prefix: String) throws -> ScratchDirectory {
        let base = Environment.process.nonEmpty("TMPDIR") ?? "/tmp"
        var template = Array("\(base)/\(prefix)-XXXXXX".utf8CString)
        guard let result = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw CredentialsError(.file, "cannot create a temporary directory in \(base): \(String(cString: strerror(errno)))")
        }
        return ScratchDirectory(path: String(cString: result))
    }

    /// Writes `text` to `relativePath` (creating parent directories, files 0600).
    func write(_ text: String, to relativePath: String) throws {
        let full = path + "/" + relativePath
        var parent = ""
        for component in relativePath.split(separator: "/").dropLast() {
            parent += "/" + component
            mkdir(path + parent, 0o700)
        }
        let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CredentialsError(.file, "cannot write \(full): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ Glibc.write(fd, $0.baseAddress, $0.count) }) == bytes.count else {
            throw CredentialsError(.file, "cannot write \(full): \(String(cString: strerror(errno)))")
        }
    }

    /// Removes the directory and everything in it (links are removed, not followed).
    func remove() {
        Self.removeTree(path)
    }

    private static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR, let dir = opendir(path) {
            var children: [String] = []
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name != "." && name != ".." { children.append(name) }
            }
            closedir(dir)
            for child in children { removeTree(path + "/" + child) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}
