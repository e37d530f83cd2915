/// An AccessKey pair the emulator's STS accepts as a caller.
public struct EmulatorAccessKey: Sendable, Codable, Equatable {
    public var id: String
    public var secret: String
    /// The account the key belongs to (shown in `AssumedRoleUser`, usable in `allowedPrincipals`).
    public var accountId: String?
    public var accountName: String?

    public init(id: String, secret: String, accountId: String? = nil, accountName: String? = nil) {
        self.id = id
        self.secret = secret
        self.accountId = accountId
        self.accountName = accountName
    }

    public init(from decoder: any Decoder) throws {
        try ConfigurationKeys.rejectUnknownKeys(in: decoder, known: ["id", "secret", "accountId", "accountName"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        secret = try container.decode(String.self, forKey: .secret)
        accountId = try container.decodeIfPresent(String.self, forKey: .accountId)
        accountName = try container.decodeIfPresent(String.self, forKey: .accountName)
    }
}

/// A RAM role callers may assume.
public struct EmulatorRole: Sendable, Codable, Equatable {
    /// `acs:ram::<account>:role/<name>`.
    public var arn: String
    /// The largest `DurationSeconds` accepted (900…43200; default 3600).
    public var maxSessionDuration: Int
    /// Who may assume the role: AccessKey ids, account ids, role ARNs (for role chaining) or OIDC provider ARNs.
    /// nil lets every caller the emulator knows assume it.
    public var allowedPrincipals: [String]?
    /// When set, AssumeRole must carry exactly this `ExternalId`.
    public var externalId: String?

    public init(arn: String, maxSessionDuration: Int = 3600, allowedPrincipals: [String]? = nil, externalId: String? = nil) {
        self.arn = arn
        self.maxSessionDuration = maxSessionDuration
        self.allowedPrincipals = allowedPrincipals
        self.externalId = externalId
    }

    public init(from decoder: any Decoder) throws {
        try ConfigurationKeys.rejectUnknownKeys(in: decoder, known: ["arn", "maxSessionDuration", "allowedPrincipals", "externalId"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        arn = try container.decode(String.self, forKey: .arn)
        maxSessionDuration = try container.decodeIfPresent(Int.self, forKey: .maxSessionDuration) ?? 3600
        allowedPrincipals = try container.decodeIfPresent([String].self, forKey: .allowedPrincipals)
        externalId = try container.decodeIfPresent(String.self, forKey: .externalId)
    }
}

/// An OIDC identity provider for AssumeRoleWithOIDC.
public struct EmulatorOIDCProvider: Sendable, Codable, Equatable {
    /// `acs:ram::<account>:oidc-provider/<name>`.
    public var arn: String
    /// When set, the OIDC token must equal it (a trailing newline in the token is tolerated);
    /// otherwise any non-empty token without inner whitespace is accepted.
    public var expectedToken: String?

    public init(arn: String, expectedToken: String? = nil) {
        self.arn = arn
        self.expectedToken = expectedToken
    }

    public init(from decoder: any Decoder) throws {
        try ConfigurationKeys.rejectUnknownKeys(in: decoder, known: ["arn", "expectedToken"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        arn = try container.decode(String.self, forKey: .arn)
        expectedToken = try container.decodeIfPresent(String.self, forKey: .expectedToken)
    }
}

/// A key pair for GenerateSessionAccessKey. Like the Python library, the request is signed with HMAC-SHA1 using
/// the private key *file content* plus `&` as the key, so `privateKey` must be that content byte for byte.
public struct EmulatorRSAKeyPair: Sendable, Codable, Equatable {
    public var publicKeyId: String
    public var privateKey: String
    /// The largest `DurationSeconds` accepted (default 10800).
    public var maxSessionDuration: Int

    public init(publicKeyId: String, privateKey: String, maxSessionDuration: Int = 10800) {
        self.publicKeyId = publicKeyId
        self.privateKey = privateKey
        self.maxSessionDuration = maxSessionDuration
    }

    public init(from decoder: any Decoder) throws {
        try ConfigurationKeys.rejectUnknownKeys(in: decoder, known: ["publicKeyId", "privateKey", "maxSessionDuration"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        publicKeyId = try container.decode(String.self, forKey: .publicKeyId)
        privateKey = try container.decode(String.self, forKey: .privateKey)
        maxSessionDuration = try container.decodeIfPresent(Int.self, forKey: .maxSessionDuration) ?? 10800
    }
}

/// The ECS instance metadata service.
public struct EmulatorECS: Sendable, Codable, Equatable {
    /// How the metadata service treats session tokens.
    public enum Mode: String, Sendable, Codable, CaseIterable {
        /// Token optional (an invalid token is still refused).
        case v1AndV2
        /// Token required: none → 403, invalid or expired → 401.
        case v2Only
        /// The instance has no RAM role: the role list and every role answer 404.
        case noRole
    }

    public var mode: Mode
    /// The instance's RAM role name.
    public var roleName: String
    /// Lifetime of the credentials it hands out (default 21600 s, as on ECS).
    public var lifetimeSeconds: Int
    /// Answered at `/latest/meta-data/region-id`.
    public var regionId: String

    public init(mode: Mode = .v1AndV2, roleName: String = "EcsEmulatorRole", lifetimeSeconds: Int = 21600, regionId: String = "cn-hangzhou") {
        self.mode = mode
        self.roleName = roleName
        self.lifetimeSeconds = lifetimeSeconds
        self.regionId = regionId
    }

    public init(from decoder: any Decoder) throws {
        try ConfigurationKeys.rejectUnknownKeys(in: decoder, known: ["mode", "roleName", "lifetimeSeconds", "regionId"])
        let defaults = EmulatorECS()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        mode = try container.decodeIfPresent(Mode.self, forKey: .mode) ?? defaults.mode
        roleName = try container.decodeIfPresent(String.self, forKey: .roleName) ?? defaults.roleName
        lifetimeSeconds = try container.decodeIfPresent(Int.self, forKey: .lifetimeSeconds) ?? defaults.lifetimeSeconds
        regionId = try container.decodeIfPresent(String.self, forKey: .regionId) ?? defaults.regionId
    }
}

/// Helpers for strict decoding: a misspelt key is an error, not a silently ignored setting.
enum ConfigurationKeys {
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static func rejectUnknownKeys(in decoder: any Decoder, known: [String]) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        for key in container.allKeys where !known.contains(key.stringValue) {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container,
                debugDescription: "unknown key \"\(key.stringValue)\" (known: \(known.joined(separator: ", ")))")
        }
    }
}
