#if canImport(Glibc)
import Glibc
#endif
import CredentialsCore

/// Reading corpus files and directories for replays.
enum CorpusFiles {
    /// `path` itself for a file; the regular files directly inside it, sorted, for a directory.
    static func expand(_ path: String) -> [String] {
        guard LocalFile.exists(path), !LocalFile.isRegularFile(path) else { return [path] }
        let base = path.hasSuffix("/") ? path : path + "/"
        return Scratch.names(in: path).filter { !$0.hasPrefix(".") }.map { base + $0 }.filter(LocalFile.isRegularFile).sorted()
    }

    /// The whole file, or nil when it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        try? LocalFile.read(path, limit: 64 << 20)
    }
}
