#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CredentialsCore
import Synchronization

/// Registry passwords shared by every helper and `cloudcred` process of the user, so that a token is fetched
/// once and reused until its refresh point (40–50 % of its life, ``CachedLogin/refreshPoint``).
///
/// * Directory `$CLOUDCRED_CACHE_DIR`, else `$XDG_CACHE_HOME/cloudcred`, else `~/.cache/cloudcred`; created
///   0700, files 0600, written atomically (temporary file + `rename`) under an advisory lock. A directory that is
///   a symbolic link or another user's is not used (memory only); entries that are links are not followed
///   (a write replaces them).
/// * One file per (host, credential source), named by a SHA-256 of both: no host, profile or key id can be
///   read from the names. Format: see ``TokenCacheRecords`` (versioned; a corrupt file or another version reads
///   as a miss and is replaced).
/// * ``fresh(host:source:)`` until the refresh point, ``usable(host:source:)`` until 60 s before expiry (for when a
///   refresh fails). Expired entries are evicted on every write.
/// * ``withExclusiveLock(host:source:_:)`` takes one `flock` per entry, so many processes that start with a
///   cold cache make one token API call: the holder re-checks ``fresh(host:source:)`` inside the lock.
/// * Failures are remembered for ``failureMemorySeconds`` and forgotten when the ``SourceFingerprint`` changes.
/// * A read-only or inaccessible directory degrades to an in-memory cache without an error;
///   `CLOUDCRED_DISABLE_CACHE=1|true|yes` keeps everything in memory (nothing read or written on disk).
///
/// No method throws, and no message or description contains a password.
public final class TokenCache: Sendable {
    /// A password is not served for its last minute.
    public static let expiryMargin: Double = 60
    /// A failure is remembered for at most this many seconds.
    public static let failureMemorySeconds: Double = 30
    /// The lifetime given to a login that does not expire (SWR long-term): 24 h, so it is fresh for 9.6–12 h.
    public static let noExpiryLifetime: Double = 24 * 3600
    /// How long ``withExclusiveLock(host:source:_:)`` waits for another process before going ahead anyway.
    public static let lockTimeout: Double = 30

    /// The cache directory; nil when the cache is disabled (memory only).
    public let directory: String?
    private let clock: any CredentialsClock
    private let memory = Mutex(MemoryEntries())
    private let taskLocks = KeyedAsyncLock()

    private struct MemoryEntries {
        var logins: [String: CachedLogin] = [:]
        var failures: [String: TokenCacheRecords.Failure] = [:]
        /// Set when the directory could not be written: from then on this process keeps entries in memory.
        var diskFailed = false
    }

    /// The cache for an environment: its directory, or memory only when `CLOUDCRED_DISABLE_CACHE` is set.
    /// Does no I/O.
    public convenience init(environment: Environment, clock: any CredentialsClock = SystemClock()) {
        let disabled = environment.isEnabled("CLOUDCRED_DISABLE_CACHE")
        self.init(directory: disabled ? nil : TokenCache.directory(environment: environment), clock: clock)
    }

    /// A cache in `directory`, or in memory only when it is nil.
    public init(directory: String?, clock: any CredentialsClock = SystemClock()) {
        self.directory = directory
        self.clock = clock
    }

    /// `$CLOUDCRED_CACHE_DIR`, else `$XDG_CACHE_HOME/cloudcred`, else `~/.cache/cloudcred`.
    public static func directory(environment: Environment) -> String {
        CloudcredPaths.cacheDirectory(environment)
    }

    /// True when entries go to disk (not disabled, and no write has failed in this process).
    public var isPersistent: Bool {
        directory != nil && !memory.withLock(\.diskFailed)
    }

    // MARK: - Logins

    /// The login for `host` and `source` while it is before its refresh point, else nil.
    public func fresh(host: String, source: String) -> CachedLogin? {
        guard let login = login(host: host, source: source), login.isFresh(at: clock.now()) else { return nil }
        return login
    }

    /// The login for `host` and `source` until a minute before it expires (stale-if-error), else nil.
    public func usable(host: String, source: String) -> CachedLogin? {
        guard let login = login(host: host, source: source), login.isUsable(at: clock.now()) else { return nil }
        return login
    }

    /// Keeps `login` for its host and `source`, forgets a remembered failure for them, and evicts expired entries.
    public func store(_ login: CachedLogin, source: String) {
        let key = Self.key(host: login.host, source: source)
        memory.withLock { $0.failures[key] = nil }
        let written = withDisk { disk in
            disk.removeFile(key + Self.failureSuffix)
            let ok = disk.write(TokenCacheRecords.encode(login), to: key + Self.loginSuffix)
            disk.evictExpired(now: clock.now())
            return ok
        } ?? false
        memory.withLock { entries in
            entries.logins[key] = written ? nil : login
            if !written { entries.diskFailed = true }
        }
    }

    /// Runs `body` while holding the entry's lock: one task of this process and one process of the user at a
    /// time. Put the re-check of ``fresh(host:source:)``, the token call and ``store(_:source:)`` inside.
    /// When the lock file cannot be taken (read-only directory, another holder for longer than ``lockTimeout``)
    /// `body` runs without it.
    public func withExclusiveLock<T>(host: String, source: String, _ body: () async throws -> T) async rethrows -> T {
        let key = Self.key(host: host, source: source)
        await taskLocks.acquire(key)
        defer { taskLocks.release(key) }
        var fileLock: FileLock?
        if let directory, !memory.withLock(\.diskFailed), DirectoryFiles.makePrivate(directory) == .safe {
            fileLock = try? await FileLock.acquire(path: "\(directory)/\(key)\(Self.lockSuffix)", timeout: Self.lockTimeout, createMode: 0o600)
        }
        defer { fileLock?.unlock() }
        return try await body()
    }

    // MARK: - Failures

    /// Remembers that getting a password for `host` and `source` failed with `message` (no secret in it),
    /// for ``failureMemorySeconds``, while the fingerprint stays `fingerprint`.
    public func rememberFailure(host: String, source: String, message: String, fingerprint: String) {
        let key = Self.key(host: host, source: source)
        let failure = TokenCacheRecords.Failure(host: host, message: message, fingerprint: fingerprint, at: clock.now())
        let written = withDisk { disk in disk.write(TokenCacheRecords.encode(failure), to: key + Self.failureSuffix) } ?? false
        memory.withLock { entries in
            entries.failures[key] = written ? nil : failure
            if !written { entries.diskFailed = true }
        }
    }

    /// The message of a failure remembered for `host` and `source` in the last ``failureMemorySeconds``,
    /// when it was recorded under the same `fingerprint`; else nil.
    public func rememberedFailure(host: String, source: String, fingerprint: String) -> String? {
        let key = Self.key(host: host, source: source)
        let failure = memory.withLock { $0.failures[key] }
            ?? readDisk(key + Self.failureSuffix).flatMap(TokenCacheRecords.decodeFailure)
        guard let failure, failure.host == host, failure.fingerprint == fingerprint else { return nil }
        let age = clock.now().timeIntervalSince(failure.at)
        guard age >= -Self.failureMemorySeconds, age <= Self.failureMemorySeconds else { return nil }
        return failure.message
    }

    // MARK: - Listing and removal

    /// Every login not yet expired: host, user name and expiry, sorted by host.
    public func entries() -> [(host: String, username: String, expiresAt: Date?)] {
        let now = clock.now()
        var logins = Array(memory.withLock { $0.logins.values })
        if let directory {
            let disk = CacheDirectory(path: directory)
            logins += disk.loginFiles().compactMap { disk.read($0).flatMap(TokenCacheRecords.decodeLogin) }
        }
        return logins.filter { $0.isUsable(at: now) }
            .sorted { ($0.host, $0.username) < ($1.host, $1.username) }
            .map { (host: $0.host, username: $0.username, expiresAt: $0.expiresAt) }
    }

    /// Forgets every login and failure for `host`, whatever the credential source; returns how many logins went.
    @discardableResult
    public func remove(host: String) -> Int {
        var removed = memory.withLock { entries in
            let count = entries.logins.values.filter { $0.host == host }.count
            entries.logins = entries.logins.filter { $0.value.host != host }
            entries.failures = entries.failures.filter { $0.value.host != host }
            return count
        }
        removed += withDisk(creating: false) { disk in disk.removeEntries { $0 == host } } ?? 0
        return removed
    }

    /// Forgets everything; returns how many logins went.
    @discardableResult
    public func clear() -> Int {
        var removed = memory.withLock { entries in
            let count = entries.logins.count
            entries = MemoryEntries(diskFailed: entries.diskFailed)
            return count
        }
        removed += withDisk(creating: false) { disk in disk.removeEntries { _ in true } } ?? 0
        return removed
    }

    // MARK: - Keys and disk access

    static let loginSuffix = ".json"
    static let failureSuffix = ".failure.json"
    static let lockSuffix = ".lock"

    /// The file-name stem of an entry: hex SHA-256 of the host and the credential source.
    static func key(host: String, source: String) -> String {
        SHA256.hexDigest(Array("cloudcred-token-cache-v1\u{0}\(host)\u{0}\(source)".utf8))
    }

    private func login(host: String, source: String) -> CachedLogin? {
        let key = Self.key(host: host, source: source)
        if let login = memory.withLock({ $0.logins[key] }) { return login }
        guard let login = readDisk(key + Self.loginSuffix).flatMap(TokenCacheRecords.decodeLogin), login.host == host else { return nil }
        return login
    }

    private func readDisk(_ name: String) -> [UInt8]? {
        guard let directory else { return nil }
        return CacheDirectory(path: directory).read(name)
    }

    /// Runs `body` with the directory under its write lock; nil when the cache is memory-only or the directory
    /// cannot be created or locked (which switches this process to memory), or when it does not exist and
    /// `creating` is false (nothing to remove).
    private func withDisk<T>(creating: Bool = true, _ body: (CacheDirectory) -> T) -> T? {
        guard let directory, !memory.withLock(\.diskFailed) else { return nil }
        guard creating || LocalFile.exists(directory) else { return nil }
        let disk = CacheDirectory(path: directory)
        guard let lock = disk.lockForWriting() else {
            memory.withLock { $0.diskFailed = true }
            return nil
        }
        defer { lock.unlock() }
        return body(disk)
    }
}
