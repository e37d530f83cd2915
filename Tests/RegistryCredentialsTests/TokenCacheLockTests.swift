import CredentialsCore
import Foundation
@testable import RegistryCredentials
import Synchronization
import Testing

/// A thread-safe count of token API calls.
final class Counter: Sendable {
    private let count = Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}

@Suite("Token cache: one fetch for many concurrent callers")
struct TokenCacheLockTests {
    let host = "registry.cn-hangzhou.aliyuncs.com"
    let source = "kind=acr-shared;alibaba-profile=default"

    /// What the full program does on a miss: re-check inside the lock, fetch once, store.
    func getOrFetch(_ cache: TokenCache, calls: Counter) async throws -> String {
        try await cache.withExclusiveLock(host: host, source: source) {
            if let hit = cache.fresh(host: host, source: source) { return hit.password }
            calls.increment()
            try await Task.sleep(nanoseconds: 50_000_000)
            let login = CachedLogin(host: host, username: "u", password: "token-1", issuedAt: Date(), expiresAt: Date().addingTimeInterval(3600))
            cache.store(login, source: source)
            return login.password
        }
    }

    @Test("tasks sharing one cache instance, and tasks with an instance each (file lock only): one winner", arguments: [true, false])
    func oneWinner(shared: Bool) async throws {
        let directory = try makeTemporaryDirectory()
        let calls = Counter()
        let one = TokenCache(directory: directory)
        let passwords = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 {
                let cache = shared ? one : TokenCache(directory: directory)
                group.addTask { try await getOrFetch(cache, calls: calls) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(calls.value == 1)
        #expect(passwords == Array(repeating: "token-1", count: 8))
    }

    @Test("memory-only caches serialize their tasks too")
    func memoryOnly() async throws {
        let calls = Counter()
        let cache = TokenCache(directory: nil)
        try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<6 { group.addTask { try await getOrFetch(cache, calls: calls) } }
            try await group.waitForAll()
        }
        #expect(calls.value == 1)
    }

    @Test("another process holding the entry's flock makes us wait for it")
    func childProcess() async throws {
        let directory = try makeTemporaryDirectory()
        let lockFile = "\(directory)/\(TokenCache.key(host: host, source: source)).lock"
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [lockFile, "sh", "-c", "touch \(directory)/held; sleep 0.3; touch \(directory)/released"]
        try holder.run()
        defer { holder.waitUntilExit() }
        while !FileManager.default.fileExists(atPath: directory + "/held") { try await Task.sleep(nanoseconds: 5_000_000) }

        let releasedBeforeWeGotIt = await TokenCache(directory: directory).withExclusiveLock(host: host, source: source) {
            FileManager.default.fileExists(atPath: directory + "/released")
        }
        #expect(releasedBeforeWeGotIt)
    }
}
