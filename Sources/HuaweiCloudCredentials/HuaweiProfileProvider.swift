import CredentialsCore
import Synchronization

/// Credentials from the `[basic]` section of `~/.huaweicloud/credentials` (`huaweicloudsdkcore`'s
/// `ProfileCredentialProvider` for basic credentials): keys `ak`, `sk`, optional `security_token` and `project_id`.
///
/// The file is `HUAWEICLOUD_SDK_CREDENTIALS_FILE` when set, else `<home>/.huaweicloud/credentials` (home from the
/// injected environment). It is INI read with `configparser`'s line rules but no interpolation (`%` is literal).
///
/// - The default file missing: a source that is not set up (a chain goes on to the next source).
/// - A file named by `HUAWEICLOUD_SDK_CREDENTIALS_FILE` that is missing, an unreadable or broken file, no `[basic]`
///   section or a section without `ak`/`sk`: an error naming the file (and the line, for syntax errors).
///
/// The first successful read is kept for the life of the provider.
public final class HuaweiProfileProvider: HuaweiCredentialsProvider {
    /// `profile`.
    public let providerName = "profile"
    /// The file read.
    public let path: String
    /// True when the path came from `HUAWEICLOUD_SDK_CREDENTIALS_FILE` (or the initialiser), so a missing file is an error.
    public let isExplicitPath: Bool
    /// The section read.
    public static let section = "basic"
    private let cached = Mutex<HuaweiCredential?>(nil)

    /// - Parameters:
    ///   - path: the file; nil reads `HUAWEICLOUD_SDK_CREDENTIALS_FILE`, else `<home>/.huaweicloud/credentials`.
    ///   - environment: for the variable and the home directory.
    public init(path: String? = nil, environment: Environment) {
        if let explicit = path ?? environment.nonEmpty(HuaweiEnvironmentVariable.credentialsFile) {
            self.path = explicit
            isExplicitPath = true
        } else {
            self.path = Self.defaultPath(environment: environment)
            isExplicitPath = false
        }
    }

    /// `<home>/.huaweicloud/credentials`.
    public static func defaultPath(environment: Environment) -> String {
        let home = environment.homeDirectory()
        return (home.hasSuffix("/") ? home : home + "/") + ".huaweicloud/credentials"
    }

    /// The credentials of the `[basic]` section.
    /// - Throws: ``CredentialsError`` naming the file; marked as a missing source when the default file is absent.
    public func huaweiCredential() async throws -> HuaweiCredential {
        if let value = cached.withLock({ $0 }) { return value }
        let value = try load()
        cached.withLock { $0 = value }
        return value
    }

    private func load() throws -> HuaweiCredential {
        let file = try INIFile.parseCredentials(readText(), path: path)
        guard let section = file.section(Self.section) else {
            throw CredentialsError(
                .file, "credentials file \(path) has no [\(Self.section)] section",
                hint: "add a [\(Self.section)] section with ak = <AK> and sk = <SK>")
        }
        let ak = section["ak"].flatMap { $0.isEmpty ? nil : $0 }
        let sk = section["sk"].flatMap { $0.isEmpty ? nil : $0 }
        guard let ak, let sk else {
            let missing = [ak == nil ? "ak" : nil, sk == nil ? "sk" : nil].compactMap { $0 }.joined(separator: " and ")
            throw CredentialsError(
                .file, "credentials file \(path): section [\(Self.section)] has no \(missing)",
                hint: "write both ak = <AK> and sk = <SK> in the [\(Self.section)] section")
        }
        let token = section["security_token"].flatMap { $0.isEmpty ? nil : $0 }
        let credential = Credential(accessKeyId: ak, accessKeySecret: sk, securityToken: token, providerName: providerName)
        return HuaweiCredential(credential: credential, projectId: section["project_id"].flatMap { $0.isEmpty ? nil : $0 })
    }

    /// The file's text; a missing default file is a missing source.
    private func readText() throws -> String {
        do {
            return try LocalFile.readText(path)
        } catch .notFound {
            if isExplicitPath {
                throw CredentialsError(
                    .file, "credentials file \(path) (from \(HuaweiEnvironmentVariable.credentialsFile)) does not exist",
                    hint: "create the file or point \(HuaweiEnvironmentVariable.credentialsFile) at an existing one")
            }
            throw CredentialsError(
                .file, "credentials file \(path) does not exist",
                hint: "write \(path) with a [\(Self.section)] section (ak, sk)"
            ).missingSource()
        } catch {
            throw CredentialsError(.file, "cannot read credentials file \(error.description)", hint: "check the file's permissions")
        }
    }
}

extension INIFile {
    /// Parses, turning a syntax error into a one-line ``CredentialsError`` naming the file and line (the line itself
    /// is not quoted: it may hold a secret).
    fileprivate static func parseCredentials(_ text: String, path: String) throws -> INIFile {
        do {
            return try parse(text, path: path, mode: .raw)
        } catch {
            throw CredentialsError(
                .file, "failed to parse credentials file \(path), line \(error.line): \(reason(error.kind))",
                hint: "fix the INI syntax at that line")
        }
    }

    private static func reason(_ kind: INIParseError.Kind) -> String {
        switch kind {
        case .missingSectionHeader: "a line comes before the first [section] header"
        case .duplicateSection: "a [section] appears twice"
        case .duplicateOption: "a key appears twice in one section"
        case .parsingError: "the line is neither a [section] header, a key = value option, a comment nor a continuation"
        case .interpolationMissingOption, .interpolationDepth, .tooLarge: "the values cannot be read"
        }
    }
}
