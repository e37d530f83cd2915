import ArgumentParser
import CloudHTTP
import CredentialsCore
import RegistryCredentials
import RegistryLogin

/// `cloudcred kubelet-credential-provider`: the kubelet image credential provider plugin.
struct KubeletCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubelet-credential-provider",
        abstract: "Answer a kubelet CredentialProviderRequest (stdin) with a CredentialProviderResponse (stdout).",
        discussion: """
            Install the binary in the kubelet's --image-credential-provider-bin-dir and list it in its
            CredentialProviderConfig (see deploy/kubernetes/). Node credentials come from the default chains:
            environment, RRSA (OIDC) variables, the ECS RAM role; Huawei: environment, profile, ECS metadata.
            Hosts that are not ACR/SWR get an empty auth; failures exit 1 with one line on stderr.
            """)

    @Option(name: .long, help: "The cloudcred config profile.")
    var toolProfile = "default"

    func run() async throws {
        let environment = Environment.process
        let logger = Logging.make(environment: environment)
        let transport = CloudHTTPClient(environment: environment, logger: logger)
        let result: Result<String, any Error>
        do {
            let request = try KubeletCredentialProvider.parseRequest(StandardInput.readAllBytes())
            let service = try RegistryLoginService(environment: environment, transport: transport, logger: logger)
            let login: RegistryPassword?
            switch try await service.login(for: request.registryHost, toolProfile: toolProfile) {
            case .login(let password, _): login = password
            case .notOurs: login = nil
            }
            result = .success(KubeletCredentialProvider.response(
                apiVersion: request.apiVersion, host: request.registryHost, login: login, now: SystemClock().now()))
        } catch {
            result = .failure(error)
        }
        await transport.shutdown()
        switch result {
        case .success(let json): StandardStreams.write(json + "\n")
        case .failure(let error): throw CommandFailure.report(error)
        }
    }
}
