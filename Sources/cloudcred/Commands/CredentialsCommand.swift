import AlibabaCloudCredentials
import ArgumentParser
import CredentialsCore

/// `cloudcred credentials`: resolve Alibaba Cloud credentials through the default chain.
struct CredentialsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credentials",
        abstract: "Resolve Alibaba Cloud credentials through the default chain and show them (secrets masked).",
        discussion: """
            The chain: environment variables, OIDC (RRSA), ~/.aliyun/config.json, ~/.alibabacloud/credentials.ini,
            ECS instance metadata, ALIBABA_CLOUD_CREDENTIALS_URI, the same as the official SDKs.
            """
    )

    @Option(name: .long, help: "The aliyun CLI profile and credentials.ini section to use (as ALIBABA_CLOUD_PROFILE).")
    var profile: String?

    @Flag(name: .long, help: "Print one JSON object instead of a summary.")
    var json = false

    @Flag(name: .long, help: "Show the AccessKey secret and the security token.")
    var reveal = false

    func run() async throws {
        try await Self.resolve(profile: profile, json: json, reveal: reveal)
    }

    /// The command's work, also reached without ArgumentParser (``QuickCommandLine``).
    static func resolve(profile: String?, json: Bool, reveal: Bool) async throws {
        var environment = Environment.process
        if let profile { environment["ALIBABA_CLOUD_PROFILE"] = profile }
        let context = ProviderContext(environment: environment, logger: Logging.make(environment: environment))
        let client = CredentialsClient(context: context)
        do {
            let model = try await client.credential()
            await client.shutdown()
            let output = CredentialOutput(model: model, reveal: reveal, now: context.clock.now())
            StandardStreams.write(json ? output.json + "\n" : output.human)
        } catch {
            await client.shutdown()
            throw CommandFailure.report(error)
        }
    }
}
