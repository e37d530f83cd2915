import CredentialsCore
import Synchronization

/// Credentials from a section of `~/.alibabacloud/credentials.ini` (`profile`, the Python library's
/// `ProfileCredentialsProvider`).
///
/// The file is `profileFile`, else `ALIBABA_CLOUD_CREDENTIALS_FILE`, else
/// `<home>/.alibabacloud/credentials.ini`. The section is `profileName`, else `ALIBABA_CLOUD_PROFILE`,
/// else `default`; as in Python, an `ALIBABA_CLOUD_PROFILE` that is set but empty selects the section
/// `""`, which never exists. The file is read with Python `configparser` rules (`[DEFAULT]` inherited,
/// keys lower-cased, `%%` and `%(name)s` interpolation) and then, as the Python library does, every value
/// is cut at its first `#` and stripped. A missing or unreadable file reads as empty.
///
/// The section's `type` selects the provider:
///
/// | `type` | keys | provider |
/// |---|---|---|
/// | `access_key` | `access_key_id`, `access_key_secret` | ``StaticAKProvider`` |
/// | `ram_role_arn` | `access_key_id`, `access_key_secret`, `role_arn`, `role_session_name`, `policy` | ``RAMRoleARNProvider`` |
/// | `oidc_role_arn` | `role_arn`, `oidc_provider_arn`, `oidc_token_file_path`, `role_session_name`, `policy` | ``OIDCRoleARNProvider`` |
/// | `ecs_ram_role` | `role_name` | ``ECSRAMRoleProvider`` |
/// | `rsa_key_pair` | `public_key_id`, `private_key_file` | ``RSAKeyPairProvider`` |
///
/// The section's provider is built on the first successful call and kept for the life of this object
/// (a failed load is retried on the next call). Credentials are named `profile/<inner>`.
///
/// Differences from the Python library, all deliberate: a `%` that does not start `%%` or `%(name)s` is
/// kept as is (Python raises `InterpolationSyntaxError`), and a file that cannot be parsed fails with a
/// one-line message naming the file and the line, without quoting the line (which may hold a secret).
public final class INIProfileProvider: CredentialsProvider {
    public let providerName = "profile"
    /// The file read.
    public let path: String
    /// The section read.
    public let profileName: String
    private let context: ProviderContext
    private let inner = Mutex<(any CredentialsProvider)?>(nil)

    /// - Parameters:
    ///   - profileFile: nil or empty reads `ALIBABA_CLOUD_CREDENTIALS_FILE`, else the default path.
    ///   - profileName: nil or empty reads `ALIBABA_CLOUD_PROFILE` (even when empty), else `default`.
    ///   - context: environment, home directory, clock and transport (also given to the inner provider).
    public init(profileFile: String? = nil, profileName: String? = nil, context: ProviderContext) {
        let env = context.environment
        self.path = profileFile.nonEmpty ?? env.nonEmpty("ALIBABA_CLOUD_CREDENTIALS_FILE") ?? context.iniCredentialsPath
        self.profileName = profileName.nonEmpty ?? env["ALIBABA_CLOUD_PROFILE"] ?? "default"
        self.context = context
    }

    public func credential() async throws -> Credential {
        let provider: any CredentialsProvider
        if let cached = inner.withLock({ $0 }) {
            provider = cached
        } else {
            let built = try loadProvider()
            provider = inner.withLock { current in
                if let current { return current }
                current = built
                return built
            }
        }
        return try await provider.credential().wrapped(by: providerName)
    }

    /// Reads the file and builds the provider of the selected section.
    func loadProvider() throws -> any CredentialsProvider {
        let (file, unreadable) = try INICredentialsFile.load(path: path)
        guard let section = file.section(profileName) else {
            let error = CredentialsError(
                .file, "failed to get credential from credentials file: $\(path)",
                hint: unreadable ?? INICredentialsFile.missingSectionHint(profileName, path: path))
            // A file that is absent is a source not set up; one that is unreadable is broken.
            throw unreadable == nil && !LocalFile.exists(path) ? error.missingSource() : error
        }
        return try INICredentialsFile.provider(for: section, path: path, context: context)
    }
}

/// Reading `credentials.ini` and mapping a section to its provider.
enum INICredentialsFile {
    /// The parsed file (empty when missing or unreadable, with the reason for a hint).
    static func load(path: String) throws -> (INIFile, unreadable: String?) {
        let text: String
        do {
            text = try LocalFile.readText(path)
        } catch .notFound {
            return (INIFile(sectionNames: [], sections: [:]), "the file does not exist")
        } catch {
            return (INIFile(sectionNames: [], sections: [:]), "the file cannot be read (\(error.description))")
        }
        do {
            return (try INIFile.parse(text, path: path, mode: .configParser).strippingInlineHashComments(), nil)
        } catch {
            throw CredentialsError(.file, parseErrorMessage(error, path: path), hint: "fix the INI syntax at that line")
        }
    }

    /// The provider for a section, by its `type`.
    static func provider(for section: [String: String], path: String, context: ProviderContext) throws -> any CredentialsProvider {
        let env = context.environment
        switch section["type"] {
        case "access_key":
            return try StaticAKProvider(accessKeyId: section["access_key_id"], accessKeySecret: section["access_key_secret"], environment: env)
        case "ram_role_arn":
            let source = try StaticAKProvider(
                accessKeyId: section["access_key_id"], accessKeySecret: section["access_key_secret"], environment: env)
            return try RAMRoleARNProvider(
                source: source, roleARN: section["role_arn"], roleSessionName: section["role_session_name"], policy: section["policy"],
                context: context)
        case "oidc_role_arn":
            return try OIDCRoleARNProvider(
                roleARN: section["role_arn"], oidcProviderARN: section["oidc_provider_arn"],
                oidcTokenFilePath: section["oidc_token_file_path"], roleSessionName: section["role_session_name"],
                policy: section["policy"], context: context)
        case "ecs_ram_role":
            return try ECSRAMRoleProvider(roleName: section["role_name"], context: context)
        case "rsa_key_pair":
            return try RSAKeyPairProvider(publicKeyId: section["public_key_id"], privateKeyFile: section["private_key_file"], context: context)
        case let type:
            throw CredentialsError(
                .file, "unsupported credential type \(OneLine.escaping(type ?? "None")) from credentials file \(path)",
                hint: "type must be one of access_key, ram_role_arn, oidc_role_arn, ecs_ram_role, rsa_key_pair")
        }
    }

    static func missingSectionHint(_ name: String, path: String) -> String {
        name.isEmpty
            ? "ALIBABA_CLOUD_PROFILE is set but empty: unset it or name a section"
            : "the file has no [\(name)] section"
    }

    /// `failed to parse credentials file <path>, line <n>: <reason> (<Python exception>)`, on one line and
    /// without the file's content.
    static func parseErrorMessage(_ error: INIParseError, path: String) -> String {
        let reason: String
        switch error.kind {
        case .missingSectionHeader:
            reason = "the file contains no section headers (a line comes before the first [section])"
        case .duplicateSection, .duplicateOption:
            // Python's own text names only the section and key: keep what follows its location prefix.
            let prefix = "While reading from \(PythonRepr.string(path)) [line \(error.line < 10 ? " " : "")\(error.line)]: "
            reason = error.message.hasPrefix(prefix) ? String(error.message.dropFirst(prefix.count)) : "duplicate section or key"
        case .parsingError:
            reason = "the line is neither a [section] header, a key = value option, a comment nor a continuation"
        case .interpolationMissingOption:
            reason = "a %(name)s reference names a key that does not exist (write %% for a literal %)"
        case .interpolationDepth:
            reason = "%(name)s references are nested too deep"
        case .tooLarge:
            reason = "the interpolated values are too large"
        }
        return "failed to parse credentials file \(path), line \(error.line): \(reason) (\(error.kind.pythonExceptionName))"
    }
}
