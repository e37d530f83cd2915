import CredentialsCore
import Foundation
@testable import RegistryCredentials
import Testing

@Suite("Token cache: lifetime, files, degradation, failures")
struct TokenCacheTests {
    let host = "registry.cn-hangzhou.aliyuncs.com"
    let source = "kind=acr-shared;alibaba-profile=default"

    func login(issued: Date, lifetime: Double?, password: String = "TopSecretPassword123") -> CachedLogin {
        CachedLogin(host: host, username: "cr_temp_user", password: password, issuedAt: issued, expiresAt: lifetime.map { issued.addingTimeInterval($0) })
    }

    @Test("the directory: CLOUDCRED_CACHE_DIR, XDG_CACHE_HOME, ~/.cache; CLOUDCRED_DISABLE_CACHE keeps it in memory")
    func location() {
        #expect(TokenCache.directory(environment: Environment(["HOME": "/h", "CLOUDCRED_CACHE_DIR": "/c", "XDG_CACHE_HOME": "/x"])) == "/c")
        #expect(TokenCache.directory(environment: Environment(["HOME": "/h", "XDG_CACHE_HOME": "/x"])) == "/x/cloudcred")
        #expect(TokenCache.directory(environment: Environment(["HOME": "/h/"])) == "/h/.cache/cloudcred")
        for value in ["1", "true", "YES"] {
            #expect(TokenCache(environment: Environment(["HOME": "/h", "CLOUDCRED_DISABLE_CACHE": value])).directory == nil)
        }
        #expect(TokenCache(environment: Environment(["HOME": "/h", "CLOUDCRED_DISABLE_CACHE": "0"])).directory != nil)
    }

    @Test("round trip through disk: a second instance reads what the first stored; fresh until its refresh point, usable until a minute before expiry")
    func lifetime() throws {
        let directory = try makeTemporaryDirectory() + "/cache"
        let clock = ManualClock()
        let writer = TokenCache(directory: directory, clock: clock)
        let stored = login(issued: clock.now(), lifetime: 3600)
        writer.store(stored, source: source)
        let freshFor = stored.refreshPoint.timeIntervalSince(clock.now())
        #expect((1440...1800).contains(freshFor))

        let reader = TokenCache(directory: directory, clock: clock)
        #expect(reader.fresh(host: host, source: source) == stored)
        #expect(reader.entries().map(\.username) == ["cr_temp_user"])
        #expect(reader.fresh(host: host, source: "other-source") == nil)
        #expect(reader.fresh(host: "registry.cn-beijing.aliyuncs.com", source: source) == nil)
        clock.advance(by: freshFor - 1)
        #expect(reader.fresh(host: host, source: source) != nil)
        clock.advance(by: 2)
        #expect(reader.fresh(host: host, source: source) == nil)
        #expect(reader.usable(host: host, source: source) == stored)
        clock.advance(by: 3600 - (freshFor + 1) - 61)
        #expect(reader.usable(host: host, source: source) != nil)
        clock.advance(by: 2)
        #expect(reader.usable(host: host, source: source) == nil)
        #expect(reader.entries().isEmpty)
    }

    @Test("a login without expiry lives 24 h: fresh for 9.6 to 12 h")
    func noExpiry() throws {
        let clock = ManualClock()
        let cache = TokenCache(directory: try makeTemporaryDirectory(), clock: clock)
        let stored = login(issued: clock.now(), lifetime: nil)
        cache.store(stored, source: source)
        let freshFor = stored.refreshPoint.timeIntervalSince(clock.now())
        #expect((0.4 * 24 * 3600...12 * 3600).contains(freshFor))
        clock.advance(by: freshFor - 1)
        #expect(cache.fresh(host: host, source: source)?.expiresAt == nil)
        clock.advance(by: 2)
        #expect(cache.fresh(host: host, source: source) == nil)
        #expect(cache.usable(host: host, source: source) != nil)
    }

    @Test("files: directory 0700, entries 0600, hashed names with no host or source in them, no password in descriptions")
    func files() throws {
        let directory = try makeTemporaryDirectory() + "/new/cache"
        let cache = TokenCache(directory: directory)
        let stored = login(issued: Date(), lifetime: 3600)
        cache.store(stored, source: "kind=acr-shared;alibaba-ak=LTAI5tExampleKeyId")
        #expect(permissions(directory) == 0o700)
        let names = directoryNames(directory).filter { !$0.hasPrefix(".") }
        #expect(names.count == 1)
        let name = try #require(names.first)
        #expect(name.count == 64 + ".json".count && Hex.isDigest(name.prefix(64)))
        #expect(!name.contains("registry") && !name.contains("LTAI"))
        #expect(permissions(directory + "/" + name) == 0o600)
        #expect(!readFile(directory + "/" + name).contains("LTAI"))
        for text in ["\(stored)", String(reflecting: stored), "\(Mirror(reflecting: stored).children.map(\.value))"] {
            #expect(!text.contains("TopSecretPassword123") && text.contains("******"))
        }
    }

    @Test("temporary files that killed writers left are removed once a minute old; others' files are never touched")
    func abandonedTemporaries() throws {
        let directory = try makeTemporaryDirectory()
        let clock = ManualClock()
        let cache = TokenCache(directory: directory, clock: clock)
        let key = TokenCache.key(host: host, source: source)
        let old = [key + ".json.tmp-4242-a1b2c3", key + ".failure.json.tmp-1-x"]
        let young = key + ".json.tmp-\(getpid())-fresh"
        let notOurs = ["acr-instances.json.tmp-1-z", "notes.tmp-1", String(repeating: "g", count: 64) + ".json.tmp-1-q"]
        for name in old + [young] + notOurs {
            try writeFile(directory + "/" + name, "partial")
            if name != young {
                try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -120)], ofItemAtPath: directory + "/" + name)
            }
        }
        cache.store(login(issued: clock.now(), lifetime: 3600), source: source)
        let names = Set((try FileManager.default.contentsOfDirectory(atPath: directory)))
        for name in old { #expect(!names.contains(name), "\(name) was kept") }
        #expect(names.contains(young))
        for name in notOurs { #expect(names.contains(name), "\(name) was removed") }
        #expect(cache.fresh(host: host, source: source) != nil)

        _ = cache.clear()
        let afterClear = Set((try FileManager.default.contentsOfDirectory(atPath: directory)))
        #expect(!afterClear.contains(young))
        for name in notOurs { #expect(afterClear.contains(name)) }
    }

    @Test("a corrupt file or another version reads as a miss and is replaced; eviction drops expired and broken entries")
    func versioning() throws {
        let directory = try makeTemporaryDirectory()
        let clock = ManualClock()
        let cache = TokenCache(directory: directory, clock: clock)
        let path = directory + "/" + TokenCache.key(host: host, source: source) + ".json"
        for broken in ["{not json", "", #"{"version": 2, "host": "\#(host)", "username": "u", "password": "p", "issuedAt": 1, "expiresAt": null}"#,
                       #"{"version": 1, "host": "\#(host)"}"#, "[1, 2]", String(repeating: "[", count: 10_000)] {
            try writeFile(path, broken)
            #expect(cache.fresh(host: host, source: source) == nil)
            #expect(cache.entries().isEmpty)
        }
        try writeFile(directory + "/" + String(repeating: "a", count: 64) + ".json", "garbage")
        let expired = CachedLogin(host: "swr.cn-north-4.myhuaweicloud.com", username: "u", password: "p", issuedAt: clock.now().addingTimeInterval(-7200), expiresAt: clock.now().addingTimeInterval(-1))
        try writeFile(directory + "/" + TokenCache.key(host: expired.host, source: source) + ".json", TokenCacheRecords.encode(expired))
        try writeFile(directory + "/unrelated.txt", "kept")

        cache.store(login(issued: clock.now(), lifetime: 3600), source: source)
        #expect(cache.fresh(host: host, source: source) != nil)
        #expect(directoryNames(directory).filter { !$0.hasPrefix(".") } == [TokenCache.key(host: host, source: source) + ".json", "unrelated.txt"])
    }

    @Test("a read-only or unusable directory degrades to memory without an error", arguments: ["/sys/kernel", "/sys/cloudcred-no-such-dir", "FILE/cache"])
    func readOnly(directory: String) throws {
        var path = directory
        if directory.hasPrefix("FILE") {
            let file = try makeTemporaryDirectory() + "/plain-file"
            try writeFile(file, "x")
            path = file + "/cache"
        }
        let cache = TokenCache(directory: path)
        cache.store(login(issued: Date(), lifetime: 3600), source: source)
        #expect(!cache.isPersistent)
        #expect(cache.fresh(host: host, source: source)?.username == "cr_temp_user")
        cache.rememberFailure(host: host, source: source, message: "denied", fingerprint: "f")
        #expect(cache.rememberedFailure(host: host, source: source, fingerprint: "f") == "denied")
        #expect(cache.entries().map(\.host) == [host])
        #expect(cache.remove(host: host) == 1)
        #expect(cache.fresh(host: host, source: source) == nil)
    }

    @Test("disabled: memory only, nothing on disk")
    func disabled() throws {
        let home = try makeTemporaryDirectory()
        let environment = testEnvironment(home: home, ["CLOUDCRED_DISABLE_CACHE": "yes", "CLOUDCRED_CACHE_DIR": home + "/cache"])
        let cache = TokenCache(environment: environment)
        cache.store(login(issued: Date(), lifetime: 3600), source: source)
        #expect(cache.fresh(host: host, source: source) != nil)
        #expect(TokenCache(environment: environment).fresh(host: host, source: source) == nil)
        #expect(!FileManager.default.fileExists(atPath: home + "/cache"))
    }

    @Test("failures: remembered for 30 s, forgotten when the fingerprint changes or a login is stored")
    func failures() throws {
        let clock = ManualClock()
        let directory = try makeTemporaryDirectory()
        let cache = TokenCache(directory: directory, clock: clock)
        cache.rememberFailure(host: host, source: source, message: "no credentials found", fingerprint: "fp1")
        let other = TokenCache(directory: directory, clock: clock)
        #expect(other.rememberedFailure(host: host, source: source, fingerprint: "fp1") == "no credentials found")
        #expect(other.rememberedFailure(host: host, source: source, fingerprint: "fp2") == nil)
        #expect(other.rememberedFailure(host: host, source: "another", fingerprint: "fp1") == nil)
        clock.advance(by: 30)
        #expect(other.rememberedFailure(host: host, source: source, fingerprint: "fp1") != nil)
        clock.advance(by: 1)
        #expect(other.rememberedFailure(host: host, source: source, fingerprint: "fp1") == nil)

        clock.advance(by: -31)
        #expect(other.rememberedFailure(host: host, source: source, fingerprint: "fp1") != nil)
        cache.store(login(issued: clock.now(), lifetime: 3600), source: source)
        #expect(other.rememberedFailure(host: host, source: source, fingerprint: "fp1") == nil)
    }

    @Test("entries, remove(host:) for every source, clear")
    func listing() throws {
        let clock = ManualClock()
        let cache = TokenCache(directory: try makeTemporaryDirectory(), clock: clock)
        cache.store(login(issued: clock.now(), lifetime: 3600), source: "a")
        cache.store(login(issued: clock.now(), lifetime: 3600), source: "b")
        let swr = CachedLogin(host: "swr.cn-north-4.myhuaweicloud.com", username: "cn-north-4@AK", password: "p", issuedAt: clock.now(), expiresAt: nil)
        cache.store(swr, source: "c")
        #expect(cache.entries().map(\.host) == [host, host, swr.host])
        #expect(cache.remove(host: host) == 2)
        #expect(cache.entries().map(\.username) == ["cn-north-4@AK"])
        #expect(cache.remove(host: host) == 0)
        #expect(cache.clear() == 1)
        #expect(cache.entries().isEmpty)
        #expect(TokenCache(directory: "/nonexistent/cloudcred").clear() == 0)
    }
}
