#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CredentialsCore

/// The files of the token cache directory: reads, atomic 0600 writes, the directory-wide write lock, eviction.
struct CacheDirectory {
    let path: String

    /// How long a write waits for the directory lock before the process keeps its entries in memory instead. Each
    /// holder only writes one file and evicts, but a hundred processes storing at once queue for a while (the last of
    /// 100 waited over 5 s on a busy 2-core machine, the earlier limit, and lost its entry to memory).
    static let writeLockTimeout: Double = 20

    /// The lock held around every write and eviction (not around token fetches: those lock one entry each).
    private var writeLockPath: String { "\(path)/.write.lock" }

    /// Creates the directory (0700) if needed and takes the write lock; nil when either is impossible, or when
    /// the directory is not a private one of ours (a symbolic link, another user's: see `DirectoryFiles.makePrivate`).
    func lockForWriting() -> FileLock? {
        guard DirectoryFiles.makePrivate(path) == .safe else { return nil }
        return try? FileLock.acquire(path: writeLockPath, timeout: Self.writeLockTimeout, createMode: 0o600)
    }

    /// The bytes of an entry; nil when it is missing or not a regular file (a symbolic link is not followed), or
    /// when the directory is not a private one of ours.
    func read(_ name: String) -> [UInt8]? {
        guard DirectoryFiles.checkPrivate(path) == .safe else { return nil }
        return DirectoryFiles.read("\(path)/\(name)", limit: 64 << 10)
    }

    /// Writes `text` to `name` atomically with mode 0600; false when the file system refuses.
    func write(_ text: String, to name: String) -> Bool {
        do {
            try AtomicFile.write(text, to: "\(path)/\(name)", permissions: .exactly(0o600))
            return true
        } catch {
            return false
        }
    }

    func removeFile(_ name: String) {
        DirectoryFiles.remove("\(path)/\(name)")
    }

    /// The names of login records (`<64 hex>.json`).
    func loginFiles() -> [String] {
        DirectoryFiles.names(in: path).filter { kind(of: $0) == .login }
    }

    /// A temporary file of ours older than this is the remains of a writer killed between creating and renaming
    /// it. (Every write and every eviction holds the directory's write lock, so a temporary file seen by an
    /// eviction has no live writer anyway; the age is a second guard, and a write takes milliseconds.)
    static let abandonedTemporaryAge: Double = 60

    /// Removes expired logins, failures older than the memory time, records that do not parse, and temporary
    /// files that writers killed mid-write left behind.
    func evictExpired(now: Date) {
        for name in DirectoryFiles.names(in: path) {
            switch kind(of: name) {
            case .login:
                let login = read(name).flatMap(TokenCacheRecords.decodeLogin)
                if login.map({ now >= $0.effectiveExpiry }) ?? true { removeFile(name) }
            case .failure:
                let failure = read(name).flatMap(TokenCacheRecords.decodeFailure)
                if failure.map({ now.timeIntervalSince($0.at) > TokenCache.failureMemorySeconds }) ?? true { removeFile(name) }
            case .temporary:
                if let age = DirectoryFiles.age("\(path)/\(name)"), age > Self.abandonedTemporaryAge { removeFile(name) }
            case .lock, .other:
                continue
            }
        }
    }

    /// Removes the login and failure records whose host satisfies `matches` (and unreadable ones when every
    /// host matches); returns how many logins went.
    func removeEntries(where matches: (String) -> Bool) -> Int {
        var removed = 0
        for name in DirectoryFiles.names(in: path) {
            let kind = kind(of: name)
            if kind == .temporary, matches("") { removeFile(name) }  // clearing everything: the leftovers too
            guard kind == .login || kind == .failure else { continue }
            let host = read(name).flatMap(TokenCacheRecords.host(of:))
            guard host.map(matches) ?? matches("") else { continue }
            removeFile(name)
            if kind == .login { removed += 1 }
        }
        return removed
    }

    enum Kind { case login, failure, lock, temporary, other }

    /// What a directory entry is, by its name; names not of our form are never touched.
    func kind(of name: String) -> Kind {
        guard name.utf8.count > 64 else { return .other }
        let stem = name.prefix(64)
        guard Hex.isDigest(stem) else { return .other }
        let rest = name.dropFirst(64)
        switch rest {
        case Substring(TokenCache.loginSuffix): return .login
        case Substring(TokenCache.failureSuffix): return .failure
        case Substring(TokenCache.lockSuffix): return .lock
        default:
            // AtomicFile's `<file>.tmp-<pid>-<random>` next to a login or failure record.
            let temporaryOf = [TokenCache.loginSuffix, TokenCache.failureSuffix].map { $0 + ".tmp-" }
            return temporaryOf.contains(where: { rest.hasPrefix($0) }) ? .temporary : .other
        }
    }
}
