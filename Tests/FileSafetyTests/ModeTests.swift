import CloudcredTestSupport
import CredentialsCore
import Foundation
import RegistryCredentials
import Testing

/// Files 0600, directories 0700, whatever the umask; an existing file keeps its mode.
@Suite("File safety: modes")
struct ModeTests {
    @Test("under umask 000 every file the probe creates is 0600 and every directory 0700", arguments: ProbeFile.allCases)
    func umaskZero(kind: ProbeFile) async throws {
        let root = try FileTestSupport.makeDirectory("modes-\(kind)")
        defer { try? FileManager.default.removeItem(atPath: root) }
        // `created`: the part of the tree the probe makes itself (everything in it must be private).
        let target: String
        let created: String
        switch kind {
        case .configWriteBack:
            try kind.prepare(in: root)  // the write-back rewrites an existing file: it is 0600 and must stay so
            target = kind.target(in: root)
            created = target
        case .dockerConfig:
            created = root + "/new"
            target = created + "/deeper/config.json"  // no file and no directories yet
        case .tokenCache, .secretStore:
            created = kind.target(in: root)
            target = created + "/deeper"
        }
        let result = try await FileProbeProcess.run([kind.rawValue, target, "2"], umask: "000")
        try #require(result.status == 0, "\(result.output)")
        var checked = [created: FileTestSupport.mode(created) ?? 0]
        for relative in FileTestSupport.snapshot(created).keys where !relative.contains(".out-") {
            let path = created + "/" + relative.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            checked[path] = FileTestSupport.mode(path) ?? 0
        }
        #expect(checked.count >= 2 || kind == .configWriteBack)
        for (path, mode) in checked {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            #expect(mode == (isDirectory.boolValue ? 0o700 : 0o600), "\(path) has mode \(String(mode, radix: 8))")
        }
    }

    @Test("an existing docker config keeps its mode (0644, 0640, 0600) through an edit")
    func dockerConfigKeepsMode() throws {
        let root = try FileTestSupport.makeDirectory("modes-docker")
        defer { try? FileManager.default.removeItem(atPath: root) }
        for mode in [0o644, 0o640, 0o600] {
            let path = root + "/config-\(String(mode, radix: 8)).json"
            try "{\"auths\": {}}".write(toFile: path, atomically: false, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
            _ = try CredentialHelperConfigFile(path: path).configure(hosts: ["registry.example.com"])
            #expect(FileTestSupport.mode(path) == UInt32(mode))
        }
    }

    @Test("a token cache or secret store directory left open to others is made 0700 before use")
    func looseDirectoriesAreTightened() throws {
        let root = try FileTestSupport.makeDirectory("modes-loose")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let cacheDirectory = root + "/cache"
        let storeDirectory = root + "/secrets"
        for directory in [cacheDirectory, storeDirectory] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: directory)
        }
        let cache = TokenCache(directory: cacheDirectory)
        cache.store(CachedLogin(host: "a.example.com", username: "u", password: "p", issuedAt: Date(), expiresAt: Date().addingTimeInterval(3600)), source: "s")
        #expect(cache.isPersistent)
        try FileSecretStore(directory: storeDirectory).store(StoredSecret(serverURL: "a.example.com", username: "u", secret: "p"))
        #expect(FileTestSupport.mode(cacheDirectory) == 0o700)
        #expect(FileTestSupport.mode(storeDirectory) == 0o700)
    }
}
