import CloudcredTestSupport
import CredentialsCore
import Foundation
import RegistryCredentials
import Testing

/// Symbolic links into places someone else controls (simulated by a directory outside the tree, open to everyone):
/// never written through. A docker config.json link into the user's own dotfiles is followed, as docker does.
@Suite("File safety: symbolic links")
struct SymlinkTests {
    /// A tree with `home/` (ours) and `attacker/` (mode 0777, outside `home`, holding a file we must not touch).
    struct Tree {
        let root: String
        var home: String { root + "/home" }
        var attacker: String { root + "/attacker" }
        var bait: String { attacker + "/bait" }
        static let baitText = "attacker's file\n"

        init() throws {
            root = try FileTestSupport.makeDirectory("links")
            try FileManager.default.createDirectory(atPath: root + "/home", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: root + "/attacker", withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: root + "/attacker")
            try Self.baitText.write(toFile: root + "/attacker/bait", atomically: false, encoding: .utf8)
        }

        func link(_ path: String, to destination: String) throws {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: destination)
        }

        /// The attacker's directory holds only the bait, unchanged.
        func attackerUntouched() -> Bool {
            FileTestSupport.names(in: attacker) == ["bait"] && (try? String(contentsOfFile: bait, encoding: .utf8)) == Self.baitText
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    static let login = CachedLogin(host: "a.example.com", username: "u", password: "pw", issuedAt: Date(), expiresAt: Date().addingTimeInterval(3600))

    @Test("a token cache directory that is a symbolic link is not used: the cache stays in memory")
    func cacheDirectoryLink() async throws {
        let tree = try Tree()
        defer { tree.remove() }
        let directory = tree.home + "/.cache/cloudcred"
        try tree.link(directory, to: tree.attacker)
        let cache = TokenCache(directory: directory)
        await cache.withExclusiveLock(host: "a.example.com", source: "s") { cache.store(Self.login, source: "s") }
        #expect(!cache.isPersistent)
        #expect(cache.fresh(host: "a.example.com", source: "s")?.password == "pw")
        #expect(tree.attackerUntouched())
        #expect(FileTestSupport.isSymbolicLink(directory))
    }

    @Test("token cache entries and lock files that are symbolic links are replaced, never followed", arguments: ["bait", "/dev/null", "missing"])
    func cacheEntryLinks(destination: String) async throws {
        let tree = try Tree()
        defer { tree.remove() }
        let directory = tree.home + "/cache"
        let seed = TokenCache(directory: directory)
        seed.store(CachedLogin(host: "seed.example.com", username: "u", password: "p", issuedAt: Date(), expiresAt: Date().addingTimeInterval(3600)), source: "s")
        // Plant links at the names the next store will use: the entry, its lock and the directory lock.
        let probe = TokenCache(directory: tree.root + "/names")
        probe.store(Self.login, source: "s")
        let names = FileTestSupport.names(in: tree.root + "/names").filter { !$0.hasPrefix(".") }
        let target = destination == "bait" ? tree.bait : destination == "missing" ? tree.attacker + "/created" : destination
        for name in names + [".write.lock"] where !FileManager.default.fileExists(atPath: directory + "/" + name) || name == ".write.lock" {
            try? FileManager.default.removeItem(atPath: directory + "/" + name)
            try tree.link(directory + "/" + name, to: target)
        }
        let entryName = try #require(names.first { $0.hasSuffix(".json") })
        try tree.link(directory + "/" + entryName.replacingOccurrences(of: ".json", with: ".lock"), to: target)

        let cache = TokenCache(directory: directory)
        #expect(cache.fresh(host: "a.example.com", source: "s") == nil, "a linked entry was read")
        await cache.withExclusiveLock(host: "a.example.com", source: "s") { cache.store(Self.login, source: "s") }
        #expect(cache.isPersistent)
        #expect(cache.fresh(host: "a.example.com", source: "s")?.password == "pw")
        #expect(!FileTestSupport.isSymbolicLink(directory + "/" + entryName))
        #expect(!FileTestSupport.isSymbolicLink(directory + "/.write.lock"))
        #expect(tree.attackerUntouched())
    }

    @Test("a secret store directory that is a symbolic link is refused with a one-line error naming it")
    func secretStoreDirectoryLink() throws {
        let tree = try Tree()
        defer { tree.remove() }
        let directory = tree.home + "/.local/share/cloudcred/secrets"
        try tree.link(directory, to: tree.attacker)
        let store = FileSecretStore(directory: directory)
        let error = #expect(throws: CredentialsError.self) {
            try store.store(StoredSecret(serverURL: "a.example.com", username: "u", secret: "pw"))
        }
        #expect(error?.message.contains(directory) == true)
        #expect(error?.message.contains("symbolic link") == true)
        #expect(error?.message.contains("\n") == false)
        #expect(throws: CredentialsError.self) { try store.get("a.example.com") }
        #expect(throws: CredentialsError.self) { try store.list() }
        #expect(tree.attackerUntouched())
    }

    @Test("a secret store file that is a symbolic link is not read, and a store replaces it")
    func secretStoreFileLink() throws {
        let tree = try Tree()
        defer { tree.remove() }
        let store = FileSecretStore(directory: tree.home + "/secrets")
        try store.store(StoredSecret(serverURL: "seed.example.com", username: "u", secret: "p"))
        let file = store.file(for: "a.example.com")
        try tree.link(file, to: tree.bait)
        #expect(throws: CredentialsError.self) { try store.get("a.example.com") }
        try store.store(StoredSecret(serverURL: "a.example.com", username: "u", secret: "pw"))
        #expect(!FileTestSupport.isSymbolicLink(file))
        #expect(try store.get("a.example.com")?.secret == "pw")
        #expect(FileTestSupport.mode(file) == 0o600)
        #expect(tree.attackerUntouched())
    }

    @Test("a secret store directory of another user is refused (needs root to make one)")
    func secretStoreOtherOwner() throws {
        guard geteuid() == 0 else { return }  // only root can give a directory to another user
        let tree = try Tree()
        defer { tree.remove() }
        let directory = tree.home + "/secrets"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        #expect(chown(directory, 65534, 65534) == 0)
        let error = #expect(throws: CredentialsError.self) {
            try FileSecretStore(directory: directory).store(StoredSecret(serverURL: "a.example.com", username: "u", secret: "pw"))
        }
        #expect(error?.message.contains("another user") == true)
        #expect(FileTestSupport.names(in: directory).isEmpty)
    }

    @Test("docker config.json linked into the user's own dotfiles: the edit goes to the link's target, the link stays")
    func dockerConfigLinkFollowed() throws {
        let tree = try Tree()
        defer { tree.remove() }
        let dotfiles = tree.home + "/dotfiles"
        try FileManager.default.createDirectory(atPath: dotfiles, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dotfiles)
        try "{\"auths\": {}}\n".write(toFile: dotfiles + "/docker.json", atomically: false, encoding: .utf8)
        let link = tree.home + "/.docker/config.json"
        try tree.link(link, to: "../dotfiles/docker.json")
        let edit = try CredentialHelperConfigFile(path: link).configure(hosts: ["registry.example.com"])
        #expect(edit.path == tree.home + "/.docker/../dotfiles/docker.json")
        #expect(FileTestSupport.isSymbolicLink(link))
        let text = try String(contentsOfFile: dotfiles + "/docker.json", encoding: .utf8)
        #expect(text.contains("\"registry.example.com\": \"cloudcred\""))
    }

    @Test("docker config.json linked into a directory others can write is refused, nothing written there")
    func dockerConfigLinkRefused() throws {
        let tree = try Tree()
        defer { tree.remove() }
        for destination in [tree.bait, tree.attacker + "/config.json"] {
            let link = tree.home + "/.docker/config.json"
            try? FileManager.default.removeItem(atPath: link)
            try tree.link(link, to: destination)
            let error = #expect(throws: CredentialsError.self) {
                try CredentialHelperConfigFile(path: link).configure(hosts: ["registry.example.com"])
            }
            #expect(error?.message.contains(link) == true)
            #expect(error?.message.contains("other users can write") == true)
            #expect(error?.hint != nil)
            #expect(tree.attackerUntouched())
            #expect(FileTestSupport.isSymbolicLink(link))
        }
    }
}
