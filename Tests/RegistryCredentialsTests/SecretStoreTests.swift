import CredentialsCore
import Foundation
@testable import RegistryCredentials
import Testing

@Suite("Secret stores: files and another credential helper")
struct SecretStoreTests {
    @Test("file store: normalized keys, 0600 files with hashed names in a 0700 directory, list, erase")
    func fileStore() throws {
        let home = try makeTemporaryDirectory()
        let store = FileSecretStore(environment: testEnvironment(home: home))
        #expect(store.directory == home + "/.local/share/cloudcred/secrets")
        #expect(FileSecretStore(environment: testEnvironment(home: home, ["XDG_DATA_HOME": "/data"])).directory == "/data/cloudcred/secrets")
        #expect(try store.get("crpi-x.cn-hangzhou.personal.cr.aliyuncs.com") == nil)
        #expect(try store.list().isEmpty)

        try store.store(StoredSecret(serverURL: "https://CRPI-X.cn-hangzhou.personal.cr.aliyuncs.com/v2/", username: "me", secret: "FixedPassword!1"))
        let got = try #require(try store.get("crpi-x.cn-hangzhou.personal.cr.aliyuncs.com"))
        #expect(got == StoredSecret(serverURL: "crpi-x.cn-hangzhou.personal.cr.aliyuncs.com", username: "me", secret: "FixedPassword!1"))
        #expect(!"\(got)".contains("FixedPassword"))
        #expect(permissions(store.directory) == 0o700)
        let names = directoryNames(store.directory)
        #expect(names.count == 1 && !names[0].contains("crpi"))
        #expect(permissions(store.directory + "/" + names[0]) == 0o600)

        try store.store(StoredSecret(serverURL: "images.example.com:5000", username: "other", secret: "s"))
        #expect(try store.list() == ["crpi-x.cn-hangzhou.personal.cr.aliyuncs.com": "me", "images.example.com:5000": "other"])
        #expect(try store.erase("crpi-x.cn-hangzhou.personal.cr.aliyuncs.com"))
        #expect(try !store.erase("crpi-x.cn-hangzhou.personal.cr.aliyuncs.com"))
        #expect(try store.list() == ["images.example.com:5000": "other"])
        #expect(throws: CredentialsError.self) { try store.store(StoredSecret(serverURL: "not a host", username: "u", secret: "s")) }
    }

    @Test("file store: a damaged file is an error naming the host, never a crash")
    func damaged() throws {
        let store = FileSecretStore(directory: try makeTemporaryDirectory())
        try writeFile(store.file(for: "images.example.com"), "{broken")
        let error = #expect(throws: CredentialsError.self) { try store.get("images.example.com") }
        #expect(error?.message.contains("images.example.com") == true)
        #expect(try store.list().isEmpty)
    }

    /// A `docker-credential-fake` that keeps entries as files named after the host.
    func fakeHelper() throws -> (environment: Environment, data: String) {
        let bin = try makeTemporaryDirectory("fakebin")
        let data = try makeTemporaryDirectory("fakedata")
        let script = """
            #!/bin/sh
            DATA=\(data)
            case "$1" in
              get) read -r host; if [ -f "$DATA/$host" ]; then cat "$DATA/$host"; else echo "credentials not found in native keychain"; exit 1; fi ;;
              store) cat > "$DATA/payload"; host=$(sed 's/.*"ServerURL":"\\([^"]*\\)".*/\\1/' "$DATA/payload"); mv "$DATA/payload" "$DATA/$host" ;;
              erase) read -r host; if [ -f "$DATA/$host" ]; then rm "$DATA/$host"; else echo "credentials not found in native keychain"; exit 1; fi ;;
              list) cat > /dev/null; printf '{'; sep=''; for f in "$DATA"/*; do [ -f "$f" ] || continue; printf '%s"%s":"u"' "$sep" "$(basename "$f")"; sep=','; done; printf '}' ;;
              broken) echo "keyring locked" >&2; exit 3 ;;
              *) exit 9 ;;
            esac
            """
        try writeFile(bin + "/docker-credential-fake", script, mode: 0o755)
        try writeFile(bin + "/docker-credential-slow", "#!/bin/sh\nexec sleep 5\n", mode: 0o755)
        try writeFile(bin + "/docker-credential-broken", "#!/bin/sh\necho 'keyring is locked' >&2\nexit 3\n", mode: 0o755)
        return (Environment(["PATH": "\(bin):/usr/bin:/bin"]), data)
    }

    @Test("helper store: store, get, list, erase through docker-credential-fake")
    func helperStore() throws {
        let (environment, data) = try fakeHelper()
        let store = HelperSecretStore(name: "fake", environment: environment)
        #expect(try store.get("images.example.com") == nil)
        try store.store(StoredSecret(serverURL: "https://Images.Example.com/v2/", username: "alice", secret: "pa\"ss"))
        #expect(readFile(data + "/images.example.com").contains(#""ServerURL":"images.example.com""#))
        #expect(try store.get("images.example.com") == StoredSecret(serverURL: "images.example.com", username: "alice", secret: "pa\"ss"))
        #expect(try store.list() == ["images.example.com": "u"])
        #expect(try store.erase("images.example.com"))
        #expect(try !store.erase("images.example.com"))
    }

    @Test("helper store failures: missing program, a failing helper, a hung helper (timeout)")
    func helperFailures() throws {
        let (environment, _) = try fakeHelper()
        let missing = #expect(throws: CredentialsError.self) { try HelperSecretStore(name: "nosuch", environment: environment).get("images.example.com") }
        #expect(missing?.message == "the secret store helper docker-credential-nosuch was not found on PATH")
        let broken = #expect(throws: CredentialsError.self) { try HelperSecretStore(name: "broken", environment: environment).list() }
        #expect(broken?.message == "the secret store helper docker-credential-broken list failed (exit 3): keyring is locked")
        let started = ContinuousClock.now
        let slow = #expect(throws: CredentialsError.self) { try HelperSecretStore(name: "slow", environment: environment, timeout: 0.3).get("images.example.com") }
        #expect(slow?.message.contains("did not finish within") == true)
        #expect(ContinuousClock.now - started < .seconds(3))
    }

    @Test("the configured store follows the tool config")
    func configured() {
        let environment = Environment(["HOME": "/h"])
        #expect(SecretStores.configured(config: ToolConfig(path: "/x"), environment: environment) is FileSecretStore)
        let helper = SecretStores.configured(config: ToolConfig(path: "/x", secretStore: .helper("pass")), environment: environment)
        #expect((helper as? HelperSecretStore)?.program == "docker-credential-pass")
    }
}
