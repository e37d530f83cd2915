import ArgumentParser
import CredentialsCore
import RegistryCredentials
import RegistryLogin

/// `cloudcred get-login-password <host>`: the password alone, for `docker login --password-stdin`.
struct GetLoginPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get-login-password",
        abstract: "Print the registry password for a host, for `docker login --password-stdin`.",
        discussion: "Example: cloudcred get-login-password registry.cn-hangzhou.aliyuncs.com | docker login --username \"$(cloudcred get-login registry.cn-hangzhou.aliyuncs.com --username-only)\" --password-stdin registry.cn-hangzhou.aliyuncs.com")

    @Argument(help: "The registry host (ACR or SWR).")
    var host: String

    @Option(name: .long, help: "The cloudcred config profile.")
    var toolProfile = "default"

    func run() async throws {
        let (login, _) = try await RegistryRuntime.withService { service in
            try await RegistryRuntime.requireLogin(service, host: host, toolProfile: toolProfile)
        }
        StandardStreams.write(login.password + "\n")
    }
}

/// `cloudcred get-login <host>`: user name, expiry and source; the password only with `--reveal`.
struct GetLoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get-login",
        abstract: "Show the registry login for a host: user name, expiry and where it came from (password with --reveal).")

    @Argument(help: "The registry host (ACR or SWR).")
    var host: String

    @Option(name: .long, help: "The cloudcred config profile.")
    var toolProfile = "default"

    @Flag(name: .long, help: "Print one JSON object (keys ServerURL, Username, Secret, ExpiresAt, Source).")
    var json = false

    @Flag(name: .long, help: "Include the password.")
    var reveal = false

    @Flag(name: .long, help: "Print only the user name.")
    var usernameOnly = false

    func run() async throws {
        let (login, target) = try await RegistryRuntime.withService { service in
            try await RegistryRuntime.requireLogin(service, host: host, toolProfile: toolProfile)
        }
        let normalized = RegistryHosts.normalize(host) ?? host
        if usernameOnly {
            StandardStreams.write(login.username + "\n")
        } else if json {
            StandardStreams.write(LoginOutput.json(host: normalized, login: login, reveal: reveal) + "\n")
        } else {
            StandardStreams.write(LoginOutput.human(host: normalized, target: target, login: login, reveal: reveal, now: SystemClock().now()))
        }
    }
}
