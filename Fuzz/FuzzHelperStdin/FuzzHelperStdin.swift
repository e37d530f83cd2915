import CredentialsCore
import FuzzSupport
import RegistryCredentials

@_cdecl("LLVMFuzzerTestOneInput")
public func libFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzHelperStdin.libFuzzerEntry(data, size)
}

#if !CLOUDCRED_FUZZING
@main extension FuzzHelperStdin {}
#endif

/// What `docker-credential-cloudcred` does with its stdin, for each verb.
///
/// The helper reads stdin in `Sources/docker-credential-cloudcred/` (`HelperGet.run`, `HelperStorage.store` and
/// `.erase`); an executable's code cannot be linked into another executable, so this target drives the library calls
/// those verbs make, in the same order, on the input as the payload:
///
/// * `get` and `erase`: the payload trimmed, `RegistryHosts.normalize`, the file secret store's `get`/`erase`, and
///   `ToolConfig.target(for:profile:)`;
/// * `store`: `JSONValue.parse` of `{"ServerURL", "Username", "Secret"}`, then the store's `store`, `get`, `list`
///   and `erase` in a scratch directory.
///
/// Invariants: a stored password reads back exactly (user name and secret, whatever their characters) under the
/// normalised host, `list` shows it, `erase` removes it and nothing is left in the directory; every store file stays
/// inside the store's directory; errors are `CredentialsError`s without the secret (or a URL user-info password).
///
/// The replay runner (`scripts/fuzz --replay`) also pipes every corpus file into the real helper binary, when it is
/// next to this one, for each verb: it must exit 0 or 1, answer on one line, and not echo the secret given to `store`.
enum FuzzHelperStdin: FuzzTarget {
    static let store = FileSecretStore(directory: Scratch.directory + "/secrets")
    static let config = ToolConfig(path: "/nonexistent/cloudcred-fuzz.json")

    static func test(_ input: [UInt8]) {
        let payload = String(decoding: input, as: UTF8.self)
        getOrErase(payload)
        let stored = storeVerb(input)
        SecretLeaks.check(input, text: stored) { storeVerb($0) }
        Invariant.check(Scratch.names(in: store.directory).isEmpty, "a store file was left behind")
    }

    /// `get`, then `erase`, of the payload as a server URL.
    private static func getOrErase(_ payload: String) {
        let serverURL = trimmingWhitespace(payload)
        guard !serverURL.isEmpty, let host = RegistryHosts.normalize(serverURL) else { return }
        do throws(CredentialsError) {
            let found = try store.get(host)
            Invariant.check(found == nil, "an empty store has a password for \(Quoted(host))")
            let erased = try store.erase(serverURL)
            Invariant.check(!erased, "erased a password from an empty store")
        } catch {
            Invariant.check(false, "the empty store failed: \(error.message)")
        }
        if let target = config.target(for: host, profile: ToolConfig.defaultProfile) {
            Invariant.check(target.host == host, "target host \(Quoted(target.host)) for \(Quoted(host))")
        }
    }

    /// `store`: the error text, or nil when the payload was stored (or refused before any store call, as the
    /// helper refuses it with a fixed message).
    private static func storeVerb(_ input: [UInt8]) -> String? {
        guard let object = (try? JSONValue.parse(input))?.objectValue,
              let serverURL = object["ServerURL"]?.stringValue.map(trimmingWhitespace), !serverURL.isEmpty,
              let username = object["Username"]?.stringValue, !username.isEmpty
        else { return nil }
        let secret = object["Secret"]?.stringValue ?? ""
        do throws(CredentialsError) {
            try store.store(StoredSecret(serverURL: serverURL, username: username, secret: secret))
        } catch {
            return error.message + "\n" + (error.hint ?? "")
        }
        guard let host = RegistryHosts.normalize(serverURL) else {
            Invariant.check(false, "stored a password for \(Quoted(serverURL)), which does not normalise")
            return nil
        }
        let file = store.file(for: host)
        Invariant.check(file.hasPrefix(store.directory + "/") && !file.dropFirst(store.directory.count + 1).contains("/"), "store file \(file) outside the store")
        do throws(CredentialsError) {
            let back = try store.get(serverURL)
            Invariant.check(back?.username == username && back?.secret == secret && back?.serverURL == host, "the stored password does not read back")
            let listed = try store.list()
            Invariant.check(listed[host] == username, "list does not show \(Quoted(host))")
            let erased = try store.erase(host)
            Invariant.check(erased, "erase found nothing for \(Quoted(host))")
            let left = try store.get(host)
            Invariant.check(left == nil, "a password survives erase")
        } catch {
            Invariant.check(false, "the store failed after storing: \(error.message)")
        }
        return nil
    }

    /// The helper's `String.trimmingWhitespace` (Sources/docker-credential-cloudcred/HelperIO.swift).
    static func trimmingWhitespace(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }), let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }
}

#if !CLOUDCRED_FUZZING
extension FuzzHelperStdin {
    /// Replays the files, then pipes them into the real helper when it was built next to this runner.
    static func main() {
        let files = replay()
        HelperBinaryReplay.run(files)
    }
}
#endif
