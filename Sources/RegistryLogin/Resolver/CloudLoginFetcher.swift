#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import AlibabaCloudCredentials
import CloudHTTP
import CredentialsCore
import HuaweiCloudCredentials
import Logging
import RegistryCredentials

/// Asks the cloud for a registry password: resolves the cloud credentials the target names, then calls the
/// token API of its kind (no cache here; ``RegistryLoginService`` adds it).
struct CloudLoginFetcher: Sendable {
    let environment: Environment
    let clock: any CredentialsClock
    let transport: any HTTPTransport
    let logger: Logger
    let instanceDirectory: ACRInstanceDirectory

    func fetch(_ target: RegistryTarget) async throws -> RegistryPassword {
        switch target.kind {
        case .acrShared:
            return try await acr.personalToken(endpoint: target.apiEndpoint, credential: alibabaCredential(target))
        case .acrEnterprise:
            return try await enterpriseToken(target)
        case .acrPersonal:
            return try await dedicatedPersonalToken(target)
        case .swr:
            return try await swrLogin(target)
        }
    }

    private var acr: ACRClient { ACRClient(transport: transport, clock: clock) }

    private func alibabaCredential(_ target: RegistryTarget) async throws -> Credential {
        do {
            return try await AlibabaSource.provider(for: target, environment: environment, clock: clock, transport: transport, logger: logger)
                .credential()
        } catch let error as CredentialsError where error.code == .chainExhausted && target.alibabaProfile == nil {
            throw CredentialsError(
                .chainExhausted, "no Alibaba Cloud credentials for \(target.host): \(error.message)",
                hint: "set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, run `aliyun configure`, or run on ECS/ACK with a RAM role; `cloudcred doctor \(target.host)` explains each source")
        }
    }

    // MARK: ACR

    private func enterpriseToken(_ target: RegistryTarget) async throws -> RegistryPassword {
        let credential = try await alibabaCredential(target)
        if let configured = target.instanceId {
            return try await acr.instanceToken(endpoint: target.apiEndpoint, instanceId: configured, credential: credential)
        }
        guard let name = target.instanceName else {
            throw CredentialsError(
                .invalidArgument, "no ACR Enterprise instance id or name is known for \(target.host)",
                hint: "set \"instanceId\" for this host in the cloudcred config")
        }
        if let remembered = instanceDirectory.instanceId(region: target.region, name: name) {
            do {
                return try await acr.instanceToken(endpoint: target.apiEndpoint, instanceId: remembered, credential: credential)
            } catch let error as CredentialsError where error.message.contains("INSTANCE_NOT_EXIST") {
                instanceDirectory.forget(region: target.region, name: name)
            }
        }
        guard let id = try await acr.instanceId(named: name, endpoint: target.apiEndpoint, credential: credential) else {
            throw CredentialsError(
                .providerFailed, "no ACR Enterprise instance named \"\(name)\" in region \(target.region) (ListInstance at https://\(target.apiEndpoint))",
                hint: "check the registry host name and the account: the instance must belong to the account of these credentials")
        }
        instanceDirectory.remember(region: target.region, name: name, instanceId: id)
        return try await acr.instanceToken(endpoint: target.apiEndpoint, instanceId: id, credential: credential)
    }

    /// `crpi-…` instances (ACR Personal Edition since 2024-09): try the instance token; the cloud usually refuses
    /// it, and then only the fixed password set in the console works (seed 000).
    private func dedicatedPersonalToken(_ target: RegistryTarget) async throws -> RegistryPassword {
        let instanceId = target.instanceId ?? target.host
        do {
            return try await acr.instanceToken(
                endpoint: target.apiEndpoint, instanceId: instanceId, credential: alibabaCredential(target))
        } catch {
            let cause = CredentialsError.wrapping(error)
            throw CredentialsError(
                .providerFailed,
                "\(target.host) is an ACR Personal Edition instance (\(instanceId)) and the token API did not give a password: \(cause.message)",
                hint: "set a fixed login password in the ACR console (Instance > Access Credentials > Set Password), then run: cloudcred login \(target.host) --username <your Alibaba Cloud account name> --password-stdin")
        }
    }

    // MARK: SWR

    private func swrLogin(_ target: RegistryTarget) async throws -> RegistryPassword {
        let chain = HuaweiCredentialsChain(environment: environment, transport: transport, clock: clock, logger: logger)
        let credential = try await chain.credential()
        let project = target.swrProject ?? target.region
        let temporary = credential.securityToken != nil
        switch (target.swrLogin, temporary) {
        case (.longTerm, _), (.automatic, false):
            let login = try SWRLongTermLogin.login(credential: credential, projectName: project)
            return RegistryPassword(username: login.username, password: login.password, expiresAt: nil, source: "swr long-term login")
        case (.temporary, _), (.automatic, true):
            let endpoint = SWREndpoint(registryHost: target.host) ?? SWREndpoint(region: target.region)
            let login = try await SWRTemporaryLogin(transport: transport, clock: clock, logger: logger)
                .login(endpoint: endpoint, credential: credential, projectName: project)
            return RegistryPassword(
                username: login.username, password: login.password, expiresAt: login.expiresAt, source: "swr CreateSecret (temporary login)")
        }
    }
}
