import ArgumentParser
import CredentialsCore

/// `cloudcred`: cloud credentials where they are needed.
@main
struct CloudcredCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cloudcred",
        abstract: "Cloud credentials for Alibaba Cloud and Huawei Cloud: resolve them, and log container tools in to ACR and SWR.",
        discussion: """
            Start with `cloudcred quickstart`: it runs the whole flow against a local emulator, no cloud account needed.
            Set CLOUDCRED_CONNECT_TO=127.0.0.1:PORT to send every cloud API call to a running `cloudcred emulator`.
            """,
        version: "cloudcred \(CloudcredVersion.version) (commit \(CloudcredVersion.gitCommit))",
        subcommands: [
            QuickstartCommand.self, CredentialsCommand.self,
            GetLoginCommand.self, GetLoginPasswordCommand.self, LoginCommand.self, LogoutCommand.self,
            ConfigureDockerCommand.self, ConfigurePodmanCommand.self, CacheCommand.self,
            WriteDockerConfigCommand.self, KubernetesSecretCommand.self, KubeletCommand.self,
            EmulatorCommand.self, RegistryHelperCommand.self,
            DoctorCommand.self,
        ]
    )
}
