import CredentialsCore

/// Stored registry passwords as files: one 0600 JSON file per host in a 0700 directory, named by the SHA-256
/// of the host (no host name in the file name), written atomically. A store directory that is a symbolic link or
/// another user's is refused; a file that is a link is not followed (a store replaces it).
///
/// Directory: `$XDG_DATA_HOME/cloudcred/secrets/`, default `~/.local/share/cloudcred/secrets/`.
/// File: `{"version":1,"serverURL":"<host>","username":"…","secret":"…"}`.
public struct FileSecretStore: SecretStore {
    /// The directory of the files.
    public let directory: String

    /// The store in `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    /// The store in `$XDG_DATA_HOME/cloudcred/secrets/` (default `~/.local/share/cloudcred/secrets/`).
    public init(environment: Environment) {
        self.init(directory: CloudcredPaths.dataDirectory(environment) + "/secrets")
    }

    /// The secret stored for the host of `serverURL`, nil when there is none.
    public func get(_ serverURL: String) throws(CredentialsError) -> StoredSecret? {
        guard let host = RegistryHosts.normalize(serverURL) else { return nil }
        try requirePrivateDirectory(creating: false)
        let path = file(for: host)
        let bytes: [UInt8]
        do {
            bytes = try LocalFile.read(path, limit: 1 << 20, followingLinks: false)
        } catch .notFound {
            return nil
        } catch {
            throw CredentialsError(.file, "cannot read the stored password for \(host): \(error)", hint: "check the permissions of \(directory)")
        }
        guard let secret = Self.decode(bytes), secret.serverURL == host else {
            throw CredentialsError(.file, "the stored password file for \(host) is damaged: \(path)", hint: "run `cloudcred logout \(host)` and log in again")
        }
        return secret
    }

    /// Stores `secret` for its normalized host, replacing an earlier one.
    public func store(_ secret: StoredSecret) throws(CredentialsError) {
        let host = try SecretStores.key(secret.serverURL)
        try requirePrivateDirectory(creating: true)
        let record: JSONValue = [
            "version": 1, "serverURL": .string(host), "username": .string(secret.username), "secret": .string(secret.secret),
        ]
        do {
            try AtomicFile.write(record.serialized() + "\n", to: file(for: host), permissions: .exactly(0o600), createDirectories: true, directoryMode: 0o700)
        } catch {
            throw CredentialsError(.file, "cannot store the password for \(host): \(error)", hint: "make \(directory) writable, or set \"secretStore\" in the cloudcred config")
        }
    }

    /// Removes the secret for the host of `serverURL`; false when there was none.
    public func erase(_ serverURL: String) throws(CredentialsError) -> Bool {
        guard let host = RegistryHosts.normalize(serverURL) else { return false }
        try requirePrivateDirectory(creating: false)
        let path = file(for: host)
        guard LocalFile.exists(path) else { return false }
        guard DirectoryFiles.remove(path) else {
            throw CredentialsError(.file, "cannot remove the stored password for \(host): \(path)", hint: "check the permissions of \(directory)")
        }
        return true
    }

    /// Every stored host and its user name.
    public func list() throws(CredentialsError) -> [String: String] {
        try requirePrivateDirectory(creating: false)
        var result: [String: String] = [:]
        for name in DirectoryFiles.names(in: directory) where name.hasSuffix(".json") && Hex.isDigest(name.dropLast(5)) {
            guard let bytes = DirectoryFiles.read("\(directory)/\(name)"), let secret = Self.decode(bytes) else { continue }
            result[secret.serverURL] = secret.username
        }
        return result
    }

    /// The file of a host: `<directory>/<hex SHA-256 of the host>.json`.
    public func file(for host: String) -> String {
        "\(directory)/\(SHA256.hexDigest(Array("cloudcred-secret-v1\u{0}\(host)".utf8))).json"
    }

    /// Refuses a store directory that is a symbolic link, not a directory, or another user's (it could lead into
    /// a place someone else controls); creates a missing one (0700) when `creating`, else accepts its absence.
    private func requirePrivateDirectory(creating: Bool) throws(CredentialsError) {
        let privacy = creating ? DirectoryFiles.makePrivate(directory) : DirectoryFiles.checkPrivate(directory)
        switch privacy {
        case .safe:
            return
        case .unsafe("does not exist") where !creating:
            return
        case .unsafe(let reason):
            throw CredentialsError(
                .file, "the password store \(directory) \(reason); cloudcred keeps passwords only in a private directory of its own",
                hint: "remove or move \(directory) (cloudcred creates it, mode 0700), or set \"secretStore\" in the cloudcred config")
        }
    }

    private static func decode(_ bytes: [UInt8]) -> StoredSecret? {
        guard let object = (try? JSONValue.parse(bytes, maximumDepth: 4))?.objectValue, object["version"]?.int64Value == 1,
              let host = object["serverURL"]?.stringValue, let username = object["username"]?.stringValue,
              let secret = object["secret"]?.stringValue
        else { return nil }
        return StoredSecret(serverURL: host, username: username, secret: secret)
    }
}
