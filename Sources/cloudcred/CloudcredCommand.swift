import ArgumentParser
import CredentialsCore

#if canImport(Glibc)
import Glibc
#endif

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

extension CloudcredCommand {
    /// ArgumentParser's `main`, except that a bad command line is reported like every other failure: one
    /// `cloudcred: error:` line and a `hint:` naming the command's help, exit status 64 (usage), instead of
    /// ArgumentParser's four lines. Help, `--version` and the commands' own exit codes are unchanged.
    static func main() async {
        if let quick = QuickCommandLine.parse(Array(CommandLine.arguments.dropFirst())) {
            do {
                try await quick.run()
            } catch {
                Glibc.exit(CommandFailure.report(error).rawValue)
            }
            return
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            guard code != .success, !(error is ExitCode) else { exit(withError: error) }
            let full = fullMessage(for: error)
            let lines = full.split(whereSeparator: \.isNewline).map { String($0.drop(while: \.isWhitespace)) }
            let message = lines.first.map { $0.hasPrefix("Error: ") ? String($0.dropFirst(7)) : $0 } ?? "invalid arguments"
            // ArgumentParser's last line is `See 'cloudcred <command> --help' for more information.`
            let help = lines.last(where: { $0.hasPrefix("See '") }).flatMap { $0.split(separator: "'").dropFirst().first }.map(String.init)
            CommandFailure.printError(message, hint: "see `\(help ?? "cloudcred --help")`")
            Glibc.exit(code.rawValue)
        }
    }
}
