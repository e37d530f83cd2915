import ArgumentParser
import CloudHTTP
import CredentialsCore
import RegistryCredentials
import RegistryLogin

/// `cloudcred registry-helper get`: the cache-miss half of `docker-credential-cloudcred get`.
///
/// The helper answers stored passwords, hosts that are not ours and fresh cached tokens by itself and `exec`s this
/// command for the rest; it answers in the docker-credential-helpers protocol: the JSON on stdout, or one error
/// line on stdout with exit status 1 (and the same line on stderr, which docker shows to the user).
struct RegistryHelperCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry-helper", abstract: "Internal: the cache-miss path of docker-credential-cloudcred.",
        shouldDisplay: false)

    @Argument(help: "The action; only `get`.")
    var action: String

    @Option(name: .long, help: "The server URL as the tool sent it.")
    var serverURL: String

    @Option(name: .long, help: "The cloudcred config profile.")
    var toolProfile = "default"

    static let notFound = "credentials not found in native keychain"

    func run() async throws {
        guard action == "get" else { throw Self.fail("unknown registry-helper action \(action)") }
        try await Self.get(serverURL: serverURL, toolProfile: toolProfile)
    }

    /// `get`: the command's work, also reached without ArgumentParser (``QuickCommandLine``).
    static func get(serverURL: String, toolProfile: String) async throws {
        let environment = Environment.process
        let logger = Logging.make(environment: environment)
        let transport = CloudHTTPClient(environment: environment, logger: logger)
        var target: RegistryTarget?
        let answer: Result<RegistryLoginOutcome, CredentialsError>
        do {
            let service = try RegistryLoginService(environment: environment, transport: transport, logger: logger)
            target = service.config.target(for: serverURL, profile: toolProfile)
            answer = .success(try await service.login(for: serverURL, toolProfile: toolProfile))
        } catch {
            answer = .failure(.wrapping(error))
        }
        await transport.shutdown()
        switch answer {
        case .success(.login(let login, _)):
            StandardStreams.write(HelperAnswer.json(serverURL: serverURL, username: login.username, secret: login.password) + "\n")
        case .success(.notOurs):
            throw Self.fail(Self.notFound, alsoOnStderr: false)
        case .failure where target?.onError == .notFound:
            throw Self.fail(Self.notFound, alsoOnStderr: false)
        case .failure(let failure) where target?.kind == .acrPersonal:
            // No stored password for a crpi- instance: "not found" lets `docker login`/`podman login` (which ask
            // `get` first) go on and store one; stderr tells the person why.
            StandardStreams.writeError("cloudcred: \(failure.message)" + (failure.hint.map { " (\($0))" } ?? "") + "\n")
            throw Self.fail(Self.notFound, alsoOnStderr: false)
        case .failure(let failure):
            throw Self.fail("cloudcred: \(failure.message)" + (failure.hint.map { " (\($0))" } ?? ""))
        }
    }

    /// Prints `message` as the protocol's error answer and exits 1.
    static func fail(_ message: String, alsoOnStderr: Bool = true) -> ExitCode {
        let folded = message.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
        StandardStreams.write(folded + "\n")
        if alsoOnStderr { StandardStreams.writeError(folded + "\n") }
        return ExitCode(1)
    }
}

/// The `get` answer of the docker-credential-helpers protocol.
enum HelperAnswer {
    static func json(serverURL: String, username: String, secret: String) -> String {
        var object = JSONObject()
        object["ServerURL"] = .string(serverURL)
        object["Username"] = .string(username)
        object["Secret"] = .string(secret)
        return JSONValue.object(object).serialized(style: .compact)
    }
}
