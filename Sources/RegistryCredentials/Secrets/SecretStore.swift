import CredentialsCore

/// A registry user name and password that a person gave (`docker login`, `podman login`, `cloudcred login`).
/// While stored, it wins over automatic tokens for its host. Printing one never shows the secret.
public struct StoredSecret: Sendable, Hashable, CustomStringConvertible {
    /// The normalized registry host (the store's key).
    public var serverURL: String
    /// The registry user name.
    public var username: String
    /// The password.
    public var secret: String

    /// A secret for `serverURL`, which is kept as given: stores normalize it.
    public init(serverURL: String, username: String, secret: String) {
        self.serverURL = serverURL
        self.username = username
        self.secret = secret
    }

    /// `StoredSecret(serverURL: …, username: …, secret: ******)`.
    public var description: String {
        "StoredSecret(serverURL: \(serverURL), username: \(username), secret: \(Redact.secret(secret)))"
    }
}

/// Where stored registry passwords live. Keys are normalized hosts (``RegistryHosts/normalize(_:)``), so
/// `https://Registry.Example.com/v2/` and `registry.example.com` are one entry.
public protocol SecretStore: Sendable {
    /// The secret stored for the host of `serverURL`, nil when there is none.
    func get(_ serverURL: String) throws(CredentialsError) -> StoredSecret?
    /// Stores `secret` for the host of its `serverURL`, replacing an earlier one.
    func store(_ secret: StoredSecret) throws(CredentialsError)
    /// Removes the secret for the host of `serverURL`; false when there was none.
    func erase(_ serverURL: String) throws(CredentialsError) -> Bool
    /// Every stored host and its user name.
    func list() throws(CredentialsError) -> [String: String]
}

/// Choosing the store the tool config names.
public enum SecretStores {
    /// ``FileSecretStore`` under `$XDG_DATA_HOME/cloudcred/secrets/`, or ``HelperSecretStore`` when the tool
    /// config says `"secretStore": {"helper": "<name>"}`.
    public static func configured(config: ToolConfig, environment: Environment) -> any SecretStore {
        switch config.secretStore {
        case .file: return FileSecretStore(environment: environment)
        case .helper(let name): return HelperSecretStore(name: name, environment: environment)
        }
    }

    /// The normalized host of `serverURL`, or the error a store reports for something that is not one.
    static func key(_ serverURL: String) throws(CredentialsError) -> String {
        guard let host = RegistryHosts.normalize(serverURL) else {
            throw CredentialsError.invalidArgument(
                "cannot store credentials for \(RegistryHosts.quoted(serverURL)): not a registry host name",
                hint: "give the registry host, e.g. registry.cn-hangzhou.aliyuncs.com")
        }
        return host
    }
}
