// cloudcred-file-probe: one kind of file write through the real library code, for the file-safety tests
// (issue 7, docs/RELIABILITY.md "Files"). The tests kill -9 it mid-loop and run 100 of it at once.
//
//   cloudcred-file-probe token-cache DIR N          store one token-cache entry N times (0: until killed)
//   cloudcred-file-probe secret-store DIR N         store one FileSecretStore password N times
//   cloudcred-file-probe config-writeback FILE N    External profile "probe" of an aliyun config.json: N write-backs
//   cloudcred-file-probe docker-config FILE N       point docker-config.example.com at a new helper name N times
//   cloudcred-file-probe token-cache-own DIR ID     one entry for host probe-ID.example.com
//   cloudcred-file-probe secret-store-own DIR ID    one password for host probe-ID.example.com
//   cloudcred-file-probe config-writeback-own FILE ID   write-back into profile "pID" (External)
//   cloudcred-file-probe docker-config-own FILE ID  add probe-ID.example.com to credHelpers
//   cloudcred-file-probe increment FILE             add 1 to the decimal counter in FILE under its lock
//
// Every payload is a `ProbePayload` generation ("<tag>|<letter × length>|<tag>", length and letter derived from the
// tag), tens of KiB long, so a torn file cannot pass for a complete one. Exit 0 on success, 1 with one line on stderr.

import AlibabaCloudCredentials
import CredentialsCore
import Logging
import RegistryCredentials
import Synchronization

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#endif

/// The probe's payloads; `Tests/Support/CloudcredTestSupport/FileProbePayload.swift` checks them the same way.
enum ProbePayload {
    static func make(tag: String, base: Int) -> String {
        let hash = fnv1a(tag)
        let letter = Character(Unicode.Scalar(UInt8(97 + hash % 26)))
        return "\(tag)|\(String(repeating: letter, count: base + Int(hash % 4096)))|\(tag)"
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}

struct ProbeFailure: Error, CustomStringConvertible {
    let description: String
}

/// Runs `body(i)` for i = 1…count, or forever when count is 0; prints `w` on stdout after each completed write
/// (the kill test waits for the first one, so its kills land inside the loop, not during start-up).
func repeating(_ count: Int, _ body: (Int) async throws -> Void) async throws {
    var index = 1
    while count == 0 || index <= count {
        try await body(index)
        _ = Glibc.write(1, "w\n", 2)
        index += 1
    }
}

func generationTag(_ index: Int) -> String { "g\(getpid())-\(index)" }

let farFuture = Date(timeIntervalSince1970: 4_000_000_000)

func tokenCache(directory: String, count: Int) async throws {
    let cache = TokenCache(directory: directory)
    try await repeating(count) { index in
        let payload = ProbePayload.make(tag: generationTag(index), base: 30_000)
        let login = CachedLogin(host: "probe.example.com", username: "probe", password: payload, issuedAt: Date(), expiresAt: farFuture)
        cache.store(login, source: "probe-source")
        guard cache.isPersistent else { throw ProbeFailure(description: "the token cache fell back to memory in \(directory)") }
    }
}

func tokenCacheOwn(directory: String, id: String) async throws {
    let cache = TokenCache(directory: directory)
    let host = "probe-\(id).example.com"
    try await cache.withExclusiveLock(host: host, source: "probe-source") {
        let login = CachedLogin(host: host, username: "user-\(id)", password: ProbePayload.make(tag: "own-\(id)", base: 2_000), issuedAt: Date(), expiresAt: farFuture)
        cache.store(login, source: "probe-source")
    }
    guard cache.isPersistent else { throw ProbeFailure(description: "the token cache fell back to memory in \(directory)") }
}

func secretStore(directory: String, count: Int) async throws {
    let store = FileSecretStore(directory: directory)
    try await repeating(count) { index in
        let payload = ProbePayload.make(tag: generationTag(index), base: 60_000)
        try store.store(StoredSecret(serverURL: "probe.example.com", username: "probe", secret: payload))
    }
}

func secretStoreOwn(directory: String, id: String) throws {
    let store = FileSecretStore(directory: directory)
    try store.store(StoredSecret(serverURL: "probe-\(id).example.com", username: "user-\(id)", secret: ProbePayload.make(tag: "own-\(id)", base: 2_000)))
}

/// Counts the warnings a provider logs: the write-back reports its failures only there.
final class WarningCounter: LogHandler, @unchecked Sendable {
    static let count = Atomic<Int>(0)
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .warning
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(event: LogEvent) {
        guard event.level >= .warning else { return }
        Self.count.add(1, ordering: .relaxed)
        FileHandleless.error("cloudcred-file-probe: \(event.message)")
    }
}

/// The External profile `profile` runs `/bin/cat FILE.out-<profile>` (the test writes that command into the
/// config); each credential() call writes the output first, runs the command, and writes the result back.
func configWriteBack(file: String, profile: String, count: Int, base: Int = 40_000, tag: (Int) -> String) async throws {
    let output = "\(file).out-\(profile)"
    let context = ProviderContext(
        environment: Environment(["HOME": "/nonexistent"]), logger: Logger(label: "probe", factory: { _ in WarningCounter() }))
    try await repeating(count) { index in
        let secret = ProbePayload.make(tag: tag(index), base: base)
        let json: JSONValue = ["mode": "AK", "access_key_id": .string("id-\(tag(index))"), "access_key_secret": .string(secret)]
        try AtomicFile.write(json.serialized(), to: output)
        // A fresh provider per call: the profile is read again, the command runs, and its output is written back.
        let provider = CLIProfileProvider(profileName: profile, profileFile: file, context: context)
        _ = try await provider.credential()
        guard WarningCounter.count.load(ordering: .relaxed) == 0 else { throw ProbeFailure(description: "the write-back to \(file) failed") }
    }
}

func dockerConfig(file: String, count: Int) throws {
    let config = CredentialHelperConfigFile(path: file)
    try awaitless(count) { index in
        _ = try config.configure(hosts: ["docker-config.example.com"], helper: "cloudcred-\(generationTag(index))")
    }
}

func awaitless(_ count: Int, _ body: (Int) throws -> Void) throws {
    var index = 1
    while count == 0 || index <= count {
        try body(index)
        _ = Glibc.write(1, "w\n", 2)
        index += 1
    }
}

func increment(file: String) throws {
    try AtomicFile.withExclusiveLock(path: file, lockFile: file + ".lock") {
        let text = (try? LocalFile.readText(file)) ?? "0"
        guard let value = Int(text.filter { !$0.isWhitespace }) else { throw ProbeFailure(description: "\(file) holds no counter") }
        try AtomicFile.write("\(value + 1)\n", to: file)
    }
}

func run(_ arguments: [String]) async throws {
    guard arguments.count >= 2 else { throw ProbeFailure(description: "usage: cloudcred-file-probe KIND PATH [N|ID]") }
    let (kind, path) = (arguments[0], arguments[1])
    let third = arguments.count > 2 ? arguments[2] : "1"
    let count = Int(third) ?? 1
    switch kind {
    case "token-cache": try await tokenCache(directory: path, count: count)
    case "token-cache-own": try await tokenCacheOwn(directory: path, id: third)
    case "secret-store": try await secretStore(directory: path, count: count)
    case "secret-store-own": try secretStoreOwn(directory: path, id: third)
    case "config-writeback": try await configWriteBack(file: path, profile: "probe", count: count, tag: generationTag)
    case "config-writeback-own": try await configWriteBack(file: path, profile: "p\(third)", count: 1, base: 500) { _ in "own-\(third)" }
    case "docker-config": try dockerConfig(file: path, count: count)
    case "docker-config-own": _ = try CredentialHelperConfigFile(path: path).configure(hosts: ["probe-\(third).example.com"])
    case "increment": try increment(file: path)
    default: throw ProbeFailure(description: "unknown kind \(kind)")
    }
}

do {
    try await run(Array(CommandLine.arguments.dropFirst()))
} catch let error as CredentialsError {
    FileHandleless.error("cloudcred-file-probe: \(error.message)")
    exit(1)
} catch {
    FileHandleless.error("cloudcred-file-probe: \(error)")
    exit(1)
}

enum FileHandleless {
    static func error(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
