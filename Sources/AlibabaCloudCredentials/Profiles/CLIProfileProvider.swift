import CredentialsCore
import Synchronization

/// Credentials from a profile of the aliyun CLI's `~/.aliyun/config.json` (`cli_profile`).
///
/// The profile is `profileName`, else `ALIBABA_CLOUD_PROFILE`, else the file's `current`.
/// The file is read on the first successful call and the profile's provider is kept for the life of
/// this object (a failed load is retried on the next call). `ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true`
/// disables it. `ALIBABA_CLOUD_CONFIG_FILE` names another file, as credentials-go reads it.
public final class CLIProfileProvider: CredentialsProvider {
    public let providerName = "cli_profile"
    private let explicitProfileName: String?
    private let explicitPath: String?
    private let context: ProviderContext
    private let inner = Mutex<(any CredentialsProvider)?>(nil)

    public init(profileName: String? = nil, profileFile: String? = nil, context: ProviderContext) {
        self.explicitProfileName = profileName
        self.explicitPath = profileFile
        self.context = context
    }

    /// The file this provider reads.
    public var path: String {
        explicitPath.nonEmpty ?? context.environment.nonEmpty("ALIBABA_CLOUD_CONFIG_FILE") ?? context.cliConfigPath
    }

    public func credential() async throws -> Credential {
        if context.environment.isTrue("ALIBABA_CLOUD_CLI_PROFILE_DISABLED") {
            throw CredentialsError.providerFailed("cli credentials file is disabled")
        }
        let provider: any CredentialsProvider
        if let cached = inner.withLock({ $0 }) {
            provider = cached
        } else {
            provider = try loadProvider()
            inner.withLock { $0 = $0 ?? provider }
        }
        return try await provider.credential().wrapped(by: providerName)
    }

    /// Reads the file and builds the provider of the selected profile.
    func loadProvider() throws -> any CredentialsProvider {
        let file = try CLIConfigFile.load(path: path)
        let name = explicitProfileName.nonEmpty ?? context.environment.nonEmpty("ALIBABA_CLOUD_PROFILE") ?? file.current
        guard let name, !name.isEmpty else { throw CredentialsError.providerFailed("invalid profile name") }
        var builder = CLIProfileModes(file: file, context: context, profileName: explicitProfileName.nonEmpty ?? context.environment.nonEmpty("ALIBABA_CLOUD_PROFILE"))
        return try builder.provider(forProfile: name)
    }
}
