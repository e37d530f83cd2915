/// Everything the emulator knows: the callers it accepts, the roles and providers it serves, and its faults.
///
/// Loadable from a JSON file (``load(path:)``). Keys left out of the file keep their ``standard`` value, so
/// `{"ecs": {"mode": "v2Only"}}` is a complete configuration; write `"accessKeys": []` to remove the standard key.
public struct EmulatorConfiguration: Sendable, Codable, Equatable {
    /// Long-term AccessKeys accepted as STS callers.
    public var accessKeys: [EmulatorAccessKey]
    /// Roles that AssumeRole / AssumeRoleWithOIDC can assume.
    public var roles: [EmulatorRole]
    /// OIDC providers accepted by AssumeRoleWithOIDC.
    public var oidcProviders: [EmulatorOIDCProvider]
    /// Key pairs accepted by GenerateSessionAccessKey.
    public var rsaKeyPairs: [EmulatorRSAKeyPair]
    /// The ECS metadata service.
    public var ecs: EmulatorECS
    /// The path of the credentials URI endpoint (default `/credentials`).
    public var credentialsURIPath: String
    /// Lifetime of credentials handed out by the credentials URI, and of STS credentials when the request has no
    /// `DurationSeconds` (capped by the role's maximum). Default 3600.
    public var credentialLifetimeSeconds: Int
    /// Faults active from the start (and again after ``CloudEmulator/reset()``).
    public var faults: [FaultRule]
    /// The Container Registry instances and token lifetime (default ``EmulatorACR/standard``).
    public var acr = EmulatorACR()
    /// Huawei Cloud: SWR callers, the ECS metadata service, temporary logins (default ``EmulatorHuawei/standard``).
    public var huawei = EmulatorHuawei.standard

    public init(
        accessKeys: [EmulatorAccessKey] = [],
        roles: [EmulatorRole] = [],
        oidcProviders: [EmulatorOIDCProvider] = [],
        rsaKeyPairs: [EmulatorRSAKeyPair] = [],
        ecs: EmulatorECS = EmulatorECS(),
        credentialsURIPath: String = "/credentials",
        credentialLifetimeSeconds: Int = 3600,
        faults: [FaultRule] = []
    ) {
        self.accessKeys = accessKeys
        self.roles = roles
        self.oidcProviders = oidcProviders
        self.rsaKeyPairs = rsaKeyPairs
        self.ecs = ecs
        self.credentialsURIPath = credentialsURIPath
        self.credentialLifetimeSeconds = credentialLifetimeSeconds
        self.faults = faults
    }

    /// The standard example account id used by ``standard``.
    public static let standardAccountId = "1234567890123456"

    /// A ready set of throw-away identities: AccessKey `LTAI5tEmulatorExample01`, role
    /// `acs:ram::1234567890123456:role/emulator-role`, OIDC provider
    /// `acs:ram::1234567890123456:oidc-provider/emulator-oidc` (any token), RSA key pair
    /// `LTRSA.EmulatorExample01`, ECS role `EcsEmulatorRole`.
    public static var standard: EmulatorConfiguration {
        EmulatorConfiguration(
            accessKeys: [
                EmulatorAccessKey(
                    id: "LTAI5tEmulatorExample01", secret: "EmulatorExampleSecretNotForProduction01",
                    accountId: standardAccountId, accountName: "emulator")
            ],
            roles: [EmulatorRole(arn: "acs:ram::\(standardAccountId):role/emulator-role", maxSessionDuration: 3600)],
            oidcProviders: [EmulatorOIDCProvider(arn: "acs:ram::\(standardAccountId):oidc-provider/emulator-oidc")],
            rsaKeyPairs: [
                EmulatorRSAKeyPair(
                    publicKeyId: "LTRSA.EmulatorExample01",
                    privateKey: "-----BEGIN PRIVATE KEY-----\nEmulatorExamplePrivateKeyNotForProduction\n-----END PRIVATE KEY-----\n")
            ],
            ecs: EmulatorECS(mode: .v1AndV2, roleName: "EcsEmulatorRole", lifetimeSeconds: 21600),
            credentialsURIPath: "/credentials",
            credentialLifetimeSeconds: 3600,
            faults: []
        )
    }

    // MARK: - Codable (missing keys keep the standard values)

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case accessKeys, roles, oidcProviders, rsaKeyPairs, ecs, credentialsURIPath, credentialLifetimeSeconds, faults, acr, huawei
    }

    public init(from decoder: any Decoder) throws {
        try ConfigurationKeys.rejectUnknownKeys(in: decoder, known: CodingKeys.allCases.map(\.rawValue))
        let standard = EmulatorConfiguration.standard
        let container = try decoder.container(keyedBy: CodingKeys.self)
        accessKeys = try container.decodeIfPresent([EmulatorAccessKey].self, forKey: .accessKeys) ?? standard.accessKeys
        roles = try container.decodeIfPresent([EmulatorRole].self, forKey: .roles) ?? standard.roles
        oidcProviders = try container.decodeIfPresent([EmulatorOIDCProvider].self, forKey: .oidcProviders) ?? standard.oidcProviders
        rsaKeyPairs = try container.decodeIfPresent([EmulatorRSAKeyPair].self, forKey: .rsaKeyPairs) ?? standard.rsaKeyPairs
        ecs = try container.decodeIfPresent(EmulatorECS.self, forKey: .ecs) ?? standard.ecs
        credentialsURIPath = try container.decodeIfPresent(String.self, forKey: .credentialsURIPath) ?? standard.credentialsURIPath
        credentialLifetimeSeconds = try container.decodeIfPresent(Int.self, forKey: .credentialLifetimeSeconds)
            ?? standard.credentialLifetimeSeconds
        faults = try container.decodeIfPresent([FaultRule].self, forKey: .faults) ?? standard.faults
        acr = try container.decodeIfPresent(EmulatorACR.self, forKey: .acr) ?? standard.acr
        huawei = try container.decodeIfPresent(EmulatorHuawei.self, forKey: .huawei) ?? standard.huawei
    }

    // MARK: - Lookups used by the services

    func accessKey(id: String) -> EmulatorAccessKey? { accessKeys.first { $0.id == id } }
    func role(arn: String) -> EmulatorRole? { roles.first { $0.arn.lowercased() == arn.lowercased() } }
    func oidcProvider(arn: String) -> EmulatorOIDCProvider? { oidcProviders.first { $0.arn == arn } }
    func rsaKeyPair(publicKeyId: String) -> EmulatorRSAKeyPair? { rsaKeyPairs.first { $0.publicKeyId == publicKeyId } }
}
