import CloudcredTestSupport
import CredentialsCore
import Foundation
import RegistryCredentials
import Testing

/// 100 probe processes at once, each adding its own entry (or incrementing one counter) under the library's locks:
/// every update must be there at the end.
@Suite("File safety: 100 concurrent writer processes", .serialized)
struct ConcurrentWritersTests {
    static let writers = 100

    /// Starts `writers` probes with `arguments(i)` at once and expects each to exit 0.
    private func runAll(_ arguments: @escaping @Sendable (Int) -> [String]) async throws {
        let failures = try await withThrowingTaskGroup(of: String?.self) { group in
            for index in 1...Self.writers {
                group.addTask {
                    let result = try await FileProbeProcess.run(arguments(index))
                    return result.status == 0 ? nil : "writer \(index) exited \(result.status): \(result.output)"
                }
            }
            return try await group.reduce(into: [String]()) { list, failure in if let failure { list.append(failure) } }
        }
        #expect(failures.isEmpty, "\(failures.count) writers failed, e.g. \(failures.first ?? "")")
    }

    @Test("token cache: 100 processes each store their own entry under the cache's locks")
    func tokenCache() async throws {
        let root = try FileTestSupport.makeDirectory("writers-cache")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let directory = root + "/cache"
        try await runAll { ["token-cache-own", directory, String($0)] }
        let cache = TokenCache(directory: directory)
        let missing = (1...Self.writers).filter { cache.fresh(host: "probe-\($0).example.com", source: "probe-source")?.username != "user-\($0)" }
        #expect(missing.isEmpty, "entries lost: \(missing)")
        #expect(cache.entries().count == Self.writers)
    }

    @Test("secret store: 100 processes each store their own password")
    func secretStore() async throws {
        let root = try FileTestSupport.makeDirectory("writers-secrets")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let directory = root + "/secrets"
        try await runAll { ["secret-store-own", directory, String($0)] }
        let listed = try FileSecretStore(directory: directory).list()
        let missing = (1...Self.writers).filter { listed["probe-\($0).example.com"] != "user-\($0)" }
        #expect(missing.isEmpty, "passwords lost: \(missing)")
    }

    @Test("config.json write-back: 100 processes each write back their own External profile")
    func configWriteBack() async throws {
        let root = try FileTestSupport.makeDirectory("writers-config")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let kind = ProbeFile.configWriteBack
        try kind.prepare(in: root, externalProfiles: (1...Self.writers).map { "p\($0)" })
        let target = kind.target(in: root)
        try await runAll { ["config-writeback-own", target, String($0)] }
        let document = try JSONValue.parse(Array(try #require(FileManager.default.contents(atPath: target))))
        let profiles = try #require(document["profiles"]?.arrayValue)
        let missing = (1...Self.writers).filter { index in
            let profile = profiles.first { $0["name"]?.stringValue == "p\(index)" }
            return profile?["access_key_id"]?.stringValue != "id-own-\(index)"
                || FileProbePayload.tag(of: profile?["access_key_secret"]?.stringValue ?? "", base: 500) != "own-\(index)"
        }
        #expect(missing.isEmpty, "write-backs lost: \(missing)")
        #expect(profiles.last?["access_key_secret"]?.stringValue == ProbeFile.filler)
        #expect(FileTestSupport.mode(target) == 0o600)
    }

    @Test("docker config.json: 100 processes each add their host, starting with no file and with one", arguments: [false, true])
    func dockerConfig(existing: Bool) async throws {
        let root = try FileTestSupport.makeDirectory("writers-docker")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let kind = ProbeFile.dockerConfig
        if existing { try kind.prepare(in: root) }
        let target = kind.target(in: root)
        try await runAll { ["docker-config-own", target, String($0)] }
        let document = try JSONValue.parse(Array(try #require(FileManager.default.contents(atPath: target))))
        let helpers = try #require(document["credHelpers"]?.objectValue)
        let missing = (1...Self.writers).filter { helpers["probe-\($0).example.com"]?.stringValue != "cloudcred" }
        #expect(missing.isEmpty, "entries lost: \(missing)")
        #expect(FileTestSupport.mode(target) == (existing ? 0o644 : 0o600))
        if existing { #expect(document["auths"]?["filler.example.com"]?["auth"]?.stringValue == ProbeFile.filler) }
    }

    @Test("AtomicFile + withExclusiveLock: 100 processes increment one counter")
    func counter() async throws {
        let root = try FileTestSupport.makeDirectory("writers-counter")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/counter"
        try await runAll { _ in ["increment", file] }
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text == "\(Self.writers)\n")
    }
}
