/// The Alibaba Cloud Container Registry the emulator serves: its instances and the lifetime of the tokens it hands out.
///
/// JSON: `{"instances": [...], "tokenLifetimeSeconds": 3600}`; keys left out keep the ``standard`` values.
public struct EmulatorACR: Sendable, Codable, Equatable {
    /// Enterprise (`cri-…`) and new personal (`crpi-…`) instances; legacy personal registries need none (`GET /tokens`
    /// is account-wide).
    public var instances: [EmulatorACRInstance]
    /// Lifetime of temporary registry tokens (default 3600 s). With temporary caller credentials (STS, ECS role, …)
    /// a token never outlives them.
    public var tokenLifetimeSeconds: Int

    /// The defaults are the ``standard`` values.
    public init(instances: [EmulatorACRInstance] = EmulatorACR.standard.instances, tokenLifetimeSeconds: Int = 3600) {
        self.instances = instances
        self.tokenLifetimeSeconds = tokenLifetimeSeconds
    }

    /// An Enterprise instance `cri-emulatorexample01` named `emulator` and a personal instance
    /// `crpi-emulatorexample01` (no token API; fixed login `emulator@1234567890123456` / `EmulatorFixedPassword01`),
    /// both in `cn-hangzhou`; tokens last an hour.
    public static var standard: EmulatorACR {
        EmulatorACR(
            instances: [
                EmulatorACRInstance(id: "cri-emulatorexample01", name: "emulator", region: "cn-hangzhou", edition: .enterprise),
                EmulatorACRInstance(
                    id: "crpi-emulatorexample01", name: "emulator-personal", region: "cn-hangzhou", edition: .personal,
                    tokenAPI: false, fixedPassword: "EmulatorFixedPassword01",
                    fixedUsername: "emulator@\(EmulatorConfiguration.standardAccountId)"),
            ],
            tokenLifetimeSeconds: 3600)
    }

    /// The instance with this id (case-insensitive), or nil.
    func instance(id: String) -> EmulatorACRInstance? {
        instances.first { $0.id.lowercased() == id.lowercased() }
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case instances, tokenLifetimeSeconds
    }

    /// Decodes the `acr` object: keys left out keep the ``standard`` values; unknown keys, a non-positive lifetime
    /// and duplicate instance ids are errors.
    public init(from decoder: any Decoder) throws {
        try ConfigurationKeys.rejectUnknownKeys(in: decoder, known: CodingKeys.allCases.map(\.rawValue))
        let standard = EmulatorACR.standard
        let container = try decoder.container(keyedBy: CodingKeys.self)
        instances = try container.decodeIfPresent([EmulatorACRInstance].self, forKey: .instances) ?? standard.instances
        tokenLifetimeSeconds = try container.decodeIfPresent(Int.self, forKey: .tokenLifetimeSeconds) ?? standard.tokenLifetimeSeconds
        if tokenLifetimeSeconds < 1 {
            throw DecodingError.dataCorruptedError(forKey: .tokenLifetimeSeconds, in: container, debugDescription: "must be positive")
        }
        for (index, instance) in instances.enumerated() where instances[..<index].contains(where: { $0.id.lowercased() == instance.id.lowercased() }) {
            throw DecodingError.dataCorruptedError(forKey: .instances, in: container, debugDescription: "duplicate instance id \(instance.id)")
        }
    }
}

/// One ACR instance.
public struct EmulatorACRInstance: Sendable, Codable, Equatable {
    /// Enterprise Edition (`cri-…`) or the new Personal Edition (`crpi-…`).
    public enum Edition: String, Sendable, Codable, CaseIterable {
        case enterprise, personal
    }

    /// `cri-…` or `crpi-…`.
    public var id: String
    /// The instance name (Enterprise registry hosts are `<name>-registry.<region>.cr.aliyuncs.com`); default: the id.
    public var name: String
    /// The region id, e.g. `cn-hangzhou` (default).
    public var region: String
    /// Default: `personal` for ids starting with `crpi-`, else `enterprise`.
    public var edition: Edition
    /// Whether `GetAuthorizationToken` hands out tokens for it. Default true for Enterprise and false for personal
    /// instances, which then answer 403: they only take the fixed password set in the console.
    public var tokenAPI: Bool
    /// The login password set in the console (personal instances): see ``EmulatorConfiguration/acrFixedLogins()``.
    public var fixedPassword: String?
    /// The login user name that goes with ``fixedPassword`` (the account name); default `emulator@<standard account>`.
    public var fixedUsername: String?

    /// An instance; left-out values get the defaults described on each property.
    public init(
        id: String, name: String? = nil, region: String = "cn-hangzhou", edition: Edition? = nil, tokenAPI: Bool? = nil,
        fixedPassword: String? = nil, fixedUsername: String? = nil
    ) {
        let edition = edition ?? Self.edition(forId: id)
        self.id = id
        self.name = name ?? id
        self.region = region
        self.edition = edition
        self.tokenAPI = tokenAPI ?? (edition == .enterprise)
        self.fixedPassword = fixedPassword
        self.fixedUsername = fixedUsername
    }

    /// The edition an id implies: `crpi-…` is personal, anything else Enterprise.
    static func edition(forId id: String) -> Edition {
        id.lowercased().hasPrefix("crpi-") ? .personal : .enterprise
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, region, edition, tokenAPI, fixedPassword, fixedUsername
    }

    /// Decodes one instance; `id` is required, unknown keys are errors.
    public init(from decoder: any Decoder) throws {
        try ConfigurationKeys.rejectUnknownKeys(in: decoder, known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let id = try container.decode(String.self, forKey: .id)
        guard !id.isEmpty, !id.contains("."), !id.contains("/") else {
            throw DecodingError.dataCorruptedError(forKey: .id, in: container, debugDescription: "must be a non-empty id without \".\" or \"/\"")
        }
        let region = try container.decodeIfPresent(String.self, forKey: .region) ?? "cn-hangzhou"
        guard !region.isEmpty, !region.contains(".") else {
            throw DecodingError.dataCorruptedError(forKey: .region, in: container, debugDescription: "must be a region id such as cn-hangzhou")
        }
        self.init(
            id: id,
            name: try container.decodeIfPresent(String.self, forKey: .name),
            region: region,
            edition: try container.decodeIfPresent(Edition.self, forKey: .edition),
            tokenAPI: try container.decodeIfPresent(Bool.self, forKey: .tokenAPI),
            fixedPassword: try container.decodeIfPresent(String.self, forKey: .fixedPassword),
            fixedUsername: try container.decodeIfPresent(String.self, forKey: .fixedUsername))
        if name.isEmpty || name.contains(".") {
            throw DecodingError.dataCorruptedError(forKey: .name, in: container, debugDescription: "must be a non-empty name without \".\"")
        }
    }
}
