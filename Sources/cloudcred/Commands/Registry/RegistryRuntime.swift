import CloudHTTP
import CredentialsCore
import RegistryCredentials
import RegistryLogin

/// Builds what the registry commands share (the login service over one HTTP client) and tears it down.
enum RegistryRuntime {
    /// Runs `body` with a ``RegistryLoginService`` for the process environment; errors become the one-line report.
    static func withService<Result>(
        environment: Environment = .process, _ body: (RegistryLoginService) async throws -> Result
    ) async throws -> Result {
        let logger = Logging.make(environment: environment)
        let transport = CloudHTTPClient(environment: environment, logger: logger)
        do {
            let service = try RegistryLoginService(environment: environment, transport: transport, logger: logger)
            let result = try await body(service)
            await transport.shutdown()
            return result
        } catch {
            await transport.shutdown()
            throw CommandFailure.report(error)
        }
    }

    /// The login for `host`, or the "not ours" error every command but the helper reports.
    static func requireLogin(
        _ service: RegistryLoginService, host: String, toolProfile: String, useStored: Bool = true
    ) async throws -> (RegistryPassword, RegistryTarget?) {
        switch try await service.login(for: host, toolProfile: toolProfile, useStored: useStored) {
        case .login(let password, let target):
            return (password, target)
        case .notOurs(let normalized):
            throw CredentialsError(
                .invalidArgument, "\(normalized) is not an ACR or SWR registry host that cloudcred knows",
                hint: "ACR: registry.<region>.aliyuncs.com, <name>-registry.<region>.cr.aliyuncs.com, crpi-<id>.<region>.personal.cr.aliyuncs.com; SWR: swr.<region>.myhuaweicloud.com; map custom domains in the cloudcred config")
        }
    }
}
