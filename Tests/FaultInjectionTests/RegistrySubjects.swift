import CloudEmulator
import CloudcredTestSupport
import CredentialsCore
import Foundation
import HuaweiCloudCredentials
import RegistryLogin

/// The registry token endpoints through `RegistryLoginService` (token cache in the world's home; the ACR and SWR
/// clients' own 5 s connect / 10 s read timeouts), and the Huawei ECS metadata through `HuaweiMetadataProvider`.
enum RegistrySubjects {
    static let acrShared = "registry.cn-hangzhou.aliyuncs.com"
    static let acrEnterprise = "emulator-registry.cn-hangzhou.cr.aliyuncs.com"
    static let swr = "swr.cn-north-4.myhuaweicloud.com"
    static let acrNames = ["cr.cn-hangzhou.aliyuncs.com"]
    static let registryTimeouts = Timeouts(connectMs: 5000, readMs: 10000)
    /// ACR tokens live an hour and are refetched after half of it; the cache serves them until 60 s before expiry.
    static let acrWindow: Double = 40 * 60

    static let all: [FaultSubject] = [acrPersonal, acrListInstance, acrInstanceToken, swrCreateSecret, huaweiMetadata]

    static let loginEnvironment = EmulatorWorld.alibabaAccessKeyVariables.merging(EmulatorWorld.huaweiAccessKeyVariables) { $1 }

    static func loginClient(_ world: EmulatorWorld, host: String) throws -> FaultClient {
        let service = try RegistryLoginService(environment: world.environment, clock: world.clock, transport: world.transport)
        return FaultClient {
            guard case .login(let password, _) = try await service.login(for: host) else {
                throw CredentialsError(.providerFailed, "\(host) is not a registry of ours")
            }
            return Obtained(identity: password.username + ":" + password.password, expiresAt: password.expiresAt)
        }
    }

    static let acrPersonal = FaultSubject(
        name: "ACR personal GetAuthorizationToken", endpoint: .acr, action: "GetAuthorizationToken",
        names: acrNames + ["GetAuthorizationToken"], signed: true, timeouts: registryTimeouts,
        missingFields: ["authorizationToken"], wrongTypeFields: ["tempUserName"], refreshWindowSeconds: acrWindow,
        environment: loginEnvironment
    ) { world in try loginClient(world, host: acrShared) }

    static let acrListInstance = FaultSubject(
        name: "ACR enterprise ListInstance", endpoint: .acr, action: "ListInstance",
        names: acrNames + ["ListInstance"], signed: true, timeouts: registryTimeouts,
        missingFields: ["Instances"], wrongTypeFields: ["InstanceName"], carriesExpiry: false, refreshWindowSeconds: acrWindow,
        environment: loginEnvironment
    ) { world in try loginClient(world, host: acrEnterprise) }

    static let acrInstanceToken = FaultSubject(
        name: "ACR enterprise GetAuthorizationToken", endpoint: .acr, action: "GetAuthorizationToken",
        names: acrNames + ["GetAuthorizationToken"], signed: true, timeouts: registryTimeouts,
        missingFields: ["AuthorizationToken"], wrongTypeFields: ["TempUsername"], refreshWindowSeconds: acrWindow,
        environment: loginEnvironment
    ) { world in try loginClient(world, host: acrEnterprise) }

    static let swrToolConfig = #"{"profiles": {"default": {"registries": [{"match": "swr.cn-north-4.myhuaweicloud.com", "swrLogin": "temporary"}]}}}"#

    /// SWR temporary logins live 6 h (the emulator's default) and are refetched after half of it.
    static let swrCreateSecret = FaultSubject(
        name: "Huawei SWR CreateSecret", endpoint: .swr,
        names: ["swr-api.cn-north-4.myhuaweicloud.com", "CreateSecret"], signed: true, timeouts: registryTimeouts,
        missingFields: ["auths"], wrongTypeFields: ["auth"], refreshWindowSeconds: 4 * 3600,
        environment: loginEnvironment
    ) { world in
        try world.write("config/cloudcred/config.json", swrToolConfig)
        return try loginClient(world, host: swr)
    }

    /// Huawei metadata credentials live 24 h (the emulator's default) and are due 40 minutes before expiry.
    static let huaweiMetadata = FaultSubject(
        name: "Huawei ECS metadata securitykey", endpoint: .huaweiMetadata, path: "/openstack/latest/securitykey",
        names: ["169.254.169.254"], signed: false, timeouts: Timeouts(connectMs: 1000, readMs: 600),
        missingFields: ["access"], wrongTypeFields: ["expires_at"], refreshWindowSeconds: 86400 - 30 * 60,
        environment: ["HUAWEICLOUD_SDK_METADATA_DISABLED": "false"]
    ) { world in
        let provider = try HuaweiMetadataProvider(
            environment: world.environment, transport: world.transport, clock: world.clock, connectTimeoutMs: 1000)
        return FaultClient { try await provider.credential().obtained }
    }
}
