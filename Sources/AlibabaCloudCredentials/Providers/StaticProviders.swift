import CredentialsCore

/// A permanent AccessKey (`static_ak`). Empty values fall back to `ALIBABA_CLOUD_ACCESS_KEY_ID`/`_SECRET`,
/// as in the Python library (also when built from a profile).
public struct StaticAKProvider: CredentialsProvider {
    public let providerName = "static_ak"
    private let value: Credential

    /// Throws `the access key id is empty` / `the access key secret is empty` (Python `ValueError`s).
    public init(accessKeyId: String?, accessKeySecret: String?, environment: Environment) throws {
        let id = accessKeyId.nonEmpty ?? environment["ALIBABA_CLOUD_ACCESS_KEY_ID"].nonEmpty
        let secret = accessKeySecret.nonEmpty ?? environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"].nonEmpty
        guard let id else { throw CredentialsError.invalidArgument("the access key id is empty") }
        guard let secret else { throw CredentialsError.invalidArgument("the access key secret is empty") }
        value = Credential(accessKeyId: id, accessKeySecret: secret, providerName: "static_ak")
    }

    public func credential() async throws -> Credential { value }
}

/// A fixed STS token (`static_sts`), with the same environment fallbacks plus `ALIBABA_CLOUD_SECURITY_TOKEN`.
public struct StaticSTSProvider: CredentialsProvider {
    public let providerName = "static_sts"
    private let value: Credential

    public init(accessKeyId: String?, accessKeySecret: String?, securityToken: String?, environment: Environment) throws {
        let id = accessKeyId.nonEmpty ?? environment["ALIBABA_CLOUD_ACCESS_KEY_ID"].nonEmpty
        let secret = accessKeySecret.nonEmpty ?? environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"].nonEmpty
        let token = securityToken.nonEmpty ?? environment["ALIBABA_CLOUD_SECURITY_TOKEN"].nonEmpty
        guard let id else { throw CredentialsError.invalidArgument("the access key id is empty") }
        guard let secret else { throw CredentialsError.invalidArgument("the access key secret is empty") }
        guard let token else { throw CredentialsError.invalidArgument("the security token is empty") }
        value = Credential(accessKeyId: id, accessKeySecret: secret, securityToken: token, providerName: "static_sts")
    }

    public func credential() async throws -> Credential { value }
}

/// Credentials from `ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET` and
/// `ALIBABA_CLOUD_SECURITY_TOKEN` (`env`), checked at each call.
public struct EnvironmentProvider: CredentialsProvider {
    public let providerName = "env"
    private let environment: Environment

    public init(environment: Environment) {
        self.environment = environment
    }

    public func credential() async throws -> Credential {
        guard let id = environment.nonEmpty("ALIBABA_CLOUD_ACCESS_KEY_ID") else {
            throw CredentialsError.providerFailed(
                "Environment variable accessKeyId cannot be empty",
                hint: "set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or run `aliyun configure`"
            ).missingSource()
        }
        guard let secret = environment.nonEmpty("ALIBABA_CLOUD_ACCESS_KEY_SECRET") else {
            throw CredentialsError.providerFailed(
                "Environment variable accessKeySecret cannot be empty", hint: "set ALIBABA_CLOUD_ACCESS_KEY_SECRET")
        }
        // An empty token is passed through as "" (the Python library's behaviour).
        return Credential(accessKeyId: id, accessKeySecret: secret, securityToken: environment["ALIBABA_CLOUD_SECURITY_TOKEN"], providerName: "env")
    }
}

extension Optional where Wrapped == String {
    /// The string when set and not empty.
    var nonEmpty: String? {
        guard let self, !self.isEmpty else { return nil }
        return self
    }
}
