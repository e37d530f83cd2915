import ArgumentParser
import CloudEmulator

/// `cloudcred emulator`: run the local cloud emulator.
struct EmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulator",
        abstract: "Run a local emulator of the cloud endpoints cloudcred calls (STS, ECS metadata, credentials URI, …).",
        discussion: """
            Point cloudcred at it with CLOUDCRED_CONNECT_TO=HOST:PORT. The first line printed is
            `listening on http://HOST:PORT`, followed by the AccessKeys it accepts. Stops on Ctrl-C or SIGTERM.
            """
    )

    @Option(name: .long, help: "Address to listen on (loopback only is recommended).")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on; 0 picks a free port.")
    var port = 0

    @Option(name: .long, help: "A JSON file with accounts, roles, lifetimes and faults.")
    var config: String?

    @Option(
        name: .long, help: ArgumentHelp(
            "Write the certificate that signs registry tokens (PEM) to this file at start-up.",
            discussion: "Use it as the `rootcertbundle` of a registry whose `auth: token:` realm is http://HOST:PORT/token.",
            valueName: "file"))
    var registryTokenCert: String?

    func run() async throws {
        do {
            try await CloudEmulator.runUntilSignalled(
                host: host, port: port, configurationPath: config, registryTokenCertificatePath: registryTokenCert)
        } catch {
            throw CommandFailure.report(error)
        }
    }
}
