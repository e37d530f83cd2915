import AlibabaCloudCredentials
import CloudHTTP
import CredentialsCore
import Logging
import RegistryCredentials

/// The Alibaba Cloud credentials a registry target uses: the profile the tool config names for the host
/// (aliyun CLI profile, then the credentials.ini section of that name), or else the default chain.
enum AlibabaSource {
    static func provider(
        for target: RegistryTarget, environment: Environment, clock: any CredentialsClock, transport: any HTTPTransport,
        logger: Logger
    ) -> any CredentialsProvider {
        let context = ProviderContext(environment: environment, clock: clock, transport: transport, logger: logger)
        guard let profile = target.alibabaProfile else {
            return DefaultCredentialsChain(links: DefaultCredentialsChain.standardLinks(context: context))
        }
        return DefaultCredentialsChain(links: [
            .init(name: "CLIProfileCredentialsProvider", provider: CLIProfileProvider(profileName: profile, context: context)),
            .init(name: "ProfileCredentialsProvider", provider: INIProfileProvider(profileName: profile, context: context)),
        ])
    }
}
