import ArgumentParser
import CredentialsCore
import RegistryCredentials
import RegistryLogin

/// `cloudcred login <host>`: store a fixed password (`--password-stdin`), or check that a token can be had now.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Store a fixed registry password, or fetch a token now to check that logins work.",
        discussion: """
            With --password-stdin the password read from stdin (trailing newline dropped) is stored for the host
            (0600, in $XDG_DATA_HOME/cloudcred or the secret store the config names) and wins over the token API
            until `cloudcred logout`. This is how ACR Personal Edition instances (crpi-…) that only accept the
            console-set password are used. Without it, a token is fetched and cached, and nothing is stored.
            """)

    @Argument(help: "The registry host.")
    var host: String

    @Option(name: .long, help: "The user name for the stored password (ACR: your Alibaba Cloud account name).")
    var username: String?

    @Flag(name: .long, help: "Read the password from stdin and store it.")
    var passwordStdin = false

    @Option(name: .long, help: "The cloudcred config profile.")
    var toolProfile = "default"

    func run() async throws {
        if passwordStdin {
            try storePassword()
            return
        }
        let (login, _) = try await RegistryRuntime.withService { service in
            try await RegistryRuntime.requireLogin(service, host: host, toolProfile: toolProfile)
        }
        let normalized = RegistryHosts.normalize(host) ?? host
        StandardStreams.write("Login Succeeded: \(normalized) as \(login.username) (\(login.source); expires \(LoginOutput.expiry(login.expiresAt, now: SystemClock().now())))\n")
    }

    private func storePassword() throws {
        do {
            guard let normalized = RegistryHosts.normalize(host) else {
                throw CredentialsError(.invalidArgument, "\(RegistryHosts.quoted(host)) is not a registry host name")
            }
            guard let username, !username.isEmpty else {
                throw CredentialsError(.invalidArgument, "--password-stdin needs --username", hint: "ACR: the Alibaba Cloud account name shown in the console's login command")
            }
            let password = StandardInput.readAll().droppingOneTrailingNewline()
            guard !password.isEmpty else {
                throw CredentialsError(.invalidArgument, "no password on stdin", hint: "printf '%s' \"$PASSWORD\" | cloudcred login \(normalized) --username \(username) --password-stdin")
            }
            let environment = Environment.process
            let config = try ToolConfig.load(environment: environment)
            try SecretStores.configured(config: config, environment: environment)
                .store(StoredSecret(serverURL: normalized, username: username, secret: password))
            _ = TokenCache(environment: environment).remove(host: normalized)
            StandardStreams.write("Stored the password for \(normalized) (user \(username)); it is used until `cloudcred logout \(normalized)`.\n")
        } catch {
            throw CommandFailure.report(error)
        }
    }
}

/// `cloudcred logout <host>`: forget the stored password and cached tokens of a host.
struct LogoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logout", abstract: "Forget the stored password and the cached tokens of a registry host.")

    @Argument(help: "The registry host.")
    var host: String

    func run() async throws {
        do {
            guard let normalized = RegistryHosts.normalize(host) else {
                throw CredentialsError(.invalidArgument, "\(RegistryHosts.quoted(host)) is not a registry host name")
            }
            let environment = Environment.process
            let config = try ToolConfig.load(environment: environment)
            let erased = try SecretStores.configured(config: config, environment: environment).erase(normalized)
            let dropped = TokenCache(environment: environment).remove(host: normalized)
            StandardStreams.write(
                "\(normalized): \(erased ? "stored password removed" : "no stored password"), \(dropped) cached token\(dropped == 1 ? "" : "s") removed\n")
        } catch {
            throw CommandFailure.report(error)
        }
    }
}
