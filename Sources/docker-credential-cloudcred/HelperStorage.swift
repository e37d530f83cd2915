import CredentialsCore
import RegistryCredentials

/// `store`, `erase` and `list`: passwords people give to `docker login`/`podman login` go to the configured
/// secret store (so a login never fails with "not implemented"); `list` shows stored and cached entries.
struct HelperStorage {
    let context: HelperContext

    func store(payload: String) -> Int32 {
        guard let object = (try? JSONValue.parse(payload))?.objectValue else {
            return context.fail("cannot store credentials: the input is not a JSON object with ServerURL, Username and Secret")
        }
        guard let serverURL = object["ServerURL"]?.stringValue?.trimmingWhitespace, !serverURL.isEmpty else {
            return context.fail("no credentials server URL")
        }
        guard let username = object["Username"]?.stringValue, !username.isEmpty else {
            return context.fail("no credentials username")
        }
        if let error = context.configError { return context.fail(error.message) }
        guard let host = RegistryHosts.normalize(serverURL) else {
            return context.fail("cannot store credentials for \(RegistryHosts.quoted(serverURL)): not a registry host name")
        }
        if username == "<token>" {
            context.log.write(.warning, "store \(host): an identity token is not kept (ACR and SWR use user names and passwords)")
            HelperIO.writeErr("\(context.programName): not keeping an identity token for \(host); ACR and SWR log in with a user name and password\n")
            return 0
        }
        // Docker sends a string; anything else (a number, an object) is a broken payload, not an empty password.
        if let value = object["Secret"], value.stringValue == nil, value != .null {
            return context.fail("cannot store credentials for \(host): Secret is not a string")
        }
        let secret = object["Secret"]?.stringValue ?? ""
        do {
            try context.secretStore.store(StoredSecret(serverURL: host, username: username, secret: secret))
        } catch {
            return context.fail(error.message)
        }
        context.log.write(.info, "store \(host): password stored for user \(username); it is used instead of automatic tokens until logout")
        return 0
    }

    func erase(payload: String) -> Int32 {
        let serverURL = payload.trimmingWhitespace
        guard !serverURL.isEmpty else { return context.fail("no credentials server URL") }
        guard let host = RegistryHosts.normalize(serverURL) else { return 0 }
        if let error = context.configError { return context.fail(error.message) }
        let removedCache = context.cache.remove(host: host)
        do {
            let erased = try context.secretStore.erase(host)
            context.log.write(.info, "erase \(host): stored password \(erased ? "removed" : "absent"), \(removedCache) cached token(s) removed")
        } catch {
            return context.fail(error.message)
        }
        return 0
    }

    func list() -> Int32 {
        var entries: [String: String] = [:]
        for entry in context.cache.entries() where entry.username != "<token>" {
            entries[entry.host] = entry.username
        }
        do {
            for (host, username) in try context.secretStore.list() where username != "<token>" {
                entries[host] = username
            }
        } catch {
            context.log.write(.warning, "list: the secret store failed: \(error.message)")
        }
        let object = JSONObject(entries.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) })
        HelperIO.writeOut(JSONValue.object(object).serialized(style: .compact) + "\n")
        return 0
    }
}
