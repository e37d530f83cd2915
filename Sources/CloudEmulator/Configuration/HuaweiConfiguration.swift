import CloudSigning
import Foundation

/// Huawei Cloud in the emulator: the AK/SK pairs SWR accepts, the ECS metadata service, and SWR temporary logins.
///
/// JSON (the configuration file's `huawei` key; keys left out keep their standard values):
/// `{"accessKeys": [{"ak": "…", "sk": "…", "domainName": "…"}], "metadata": {"mode": "v2Only"},
/// "temporaryLoginLifetimeSeconds": 21600}`.
public struct EmulatorHuawei: Sendable, Codable, Equatable {
    /// Permanent AK/SK pairs accepted as SWR callers (and as long-term registry logins, see
    /// ``EmulatorConfiguration/acceptsSWRLongTerm(username:password:)``).
    public var accessKeys: [EmulatorHuaweiAccessKey]
    /// The ECS metadata service at `169.254.169.254`.
    public var metadata: EmulatorHuaweiMetadata
    /// How long an SWR temporary login (CreateSecret) lasts (default 21600 s, as on Huawei Cloud).
    public var temporaryLoginLifetimeSeconds: Int

    /// An empty Huawei side: no AK/SK, metadata in `v1AndV2` mode, 6-hour temporary logins.
    public init(
        accessKeys: [EmulatorHuaweiAccessKey] = [], metadata: EmulatorHuaweiMetadata = EmulatorHuaweiMetadata(),
        temporaryLoginLifetimeSeconds: Int = 21600
    ) {
        self.accessKeys = accessKeys
        self.metadata = metadata
        self.temporaryLoginLifetimeSeconds = temporaryLoginLifetimeSeconds
    }

    /// AK `HWEMULATOREXAMPLE0001` / SK `HuaweiEmulatorSecretNotForProduction000001` (domain `emulator`), metadata in
    /// `v1AndV2` mode with agency `EmulatorAgency`, 6-hour temporary logins.
    public static var standard: EmulatorHuawei {
        EmulatorHuawei(
            accessKeys: [
                EmulatorHuaweiAccessKey(ak: "HWEMULATOREXAMPLE0001", sk: "HuaweiEmulatorSecretNotForProduction000001", domainName: "emulator")
            ],
            metadata: EmulatorHuaweiMetadata(mode: .v1AndV2, agencyName: "EmulatorAgency"),
            temporaryLoginLifetimeSeconds: 21600)
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case accessKeys, metadata, temporaryLoginLifetimeSeconds }

    public init(from decoder: any Decoder) throws {
        try ConfigurationKeys.rejectUnknownKeys(in: decoder, known: CodingKeys.allCases.map(\.rawValue))
        let standard = EmulatorHuawei.standard
        let container = try decoder.container(keyedBy: CodingKeys.self)
        accessKeys = try container.decodeIfPresent([EmulatorHuaweiAccessKey].self, forKey: .accessKeys) ?? standard.accessKeys
        metadata = try container.decodeIfPresent(EmulatorHuaweiMetadata.self, forKey: .metadata) ?? standard.metadata
        temporaryLoginLifetimeSeconds = try container.decodeIfPresent(Int.self, forKey: .temporaryLoginLifetimeSeconds)
            ?? standard.temporaryLoginLifetimeSeconds
        guard temporaryLoginLifetimeSeconds >= 1 else {
            throw DecodingError.dataCorruptedError(
                forKey: .temporaryLoginLifetimeSeconds, in: container, debugDescription: "must be at least 1")
        }
        for (index, key) in accessKeys.enumerated() where accessKeys[..<index].contains(where: { $0.ak == key.ak }) {
            throw DecodingError.dataCorruptedError(
                forKey: .accessKeys, in: container, debugDescription: "duplicate ak \(key.ak) at index \(index)")
        }
    }
}

/// A permanent Huawei Cloud AK/SK pair.
public struct EmulatorHuaweiAccessKey: Sendable, Codable, Equatable {
    /// The AccessKey ID.
    public var ak: String
    /// The secret AccessKey.
    public var sk: String
    /// The account (domain) the key belongs to, for display.
    public var domainName: String?

    /// A key pair.
    public init(ak: String, sk: String, domainName: String? = nil) {
        self.ak = ak
        self.sk = sk
        self.domainName = domainName
    }

    private enum CodingKeys: String, CodingKey { case ak, sk, domainName }

    public init(from decoder: any Decoder) throws {
        try ConfigurationKeys.rejectUnknownKeys(in: decoder, known: ["ak", "sk", "domainName"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ak = try container.decode(String.self, forKey: .ak)
        sk = try container.decode(String.self, forKey: .sk)
        domainName = try container.decodeIfPresent(String.self, forKey: .domainName)
        guard !ak.isEmpty, !sk.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .ak, in: container, debugDescription: "ak and sk must not be empty")
        }
    }
}

/// The Huawei ECS metadata service (`169.254.169.254`).
public struct EmulatorHuaweiMetadata: Sendable, Codable, Equatable {
    /// How the service treats session tokens.
    public enum Mode: String, Sendable, Codable, CaseIterable {
        /// Token optional (an invalid token is still refused with 401).
        case v1AndV2
        /// Token required: the security key without one answers 401.
        case v2Only
        /// No metadata service: every path answers 404.
        case off
    }

    /// Token handling.
    public var mode: Mode
    /// The agency attached to the instance; nil (JSON `null`) = none, and the security key answers 401
    /// "Please configure Cloud Service Agency first".
    public var agencyName: String?
    /// Lifetime of the temporary AK/SK it hands out (default 86400 s).
    public var lifetimeSeconds: Int

    /// A service in `mode` with `agencyName` attached.
    public init(mode: Mode = .v1AndV2, agencyName: String? = "EmulatorAgency", lifetimeSeconds: Int = 86400) {
        self.mode = mode
        self.agencyName = agencyName
        self.lifetimeSeconds = lifetimeSeconds
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case mode, agencyName, lifetimeSeconds }

    public init(from decoder: any Decoder) throws {
        try ConfigurationKeys.rejectUnknownKeys(in: decoder, known: CodingKeys.allCases.map(\.rawValue))
        let defaults = EmulatorHuaweiMetadata()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        mode = try container.decodeIfPresent(Mode.self, forKey: .mode) ?? defaults.mode
        // Absent: the default agency; present as null: no agency.
        if container.contains(.agencyName) {
            agencyName = try container.decodeIfPresent(String.self, forKey: .agencyName)
        } else {
            agencyName = defaults.agencyName
        }
        lifetimeSeconds = try container.decodeIfPresent(Int.self, forKey: .lifetimeSeconds) ?? defaults.lifetimeSeconds
        guard lifetimeSeconds >= 60 else {
            throw DecodingError.dataCorruptedError(forKey: .lifetimeSeconds, in: container, debugDescription: "must be at least 60")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mode, forKey: .mode)
        try container.encode(agencyName, forKey: .agencyName)  // null when there is none
        try container.encode(lifetimeSeconds, forKey: .lifetimeSeconds)
    }
}

extension EmulatorConfiguration {
    /// The configured permanent Huawei AK/SK with this AK.
    func huaweiAccessKey(ak: String) -> EmulatorHuaweiAccessKey? { huawei.accessKeys.first { $0.ak == ak } }

    /// Whether an SWR registry accepts `username`/`password` as a long-term login: the user name is
    /// `<project>@<AK>` for any non-empty project (SWR does not check it against the host's region here) and a
    /// configured permanent AK, and the password is `SWRLoginKey.password(AK, SK)`. Long-term logins never expire
    /// and are good for every SWR host; temporary (metadata) AKs have none.
    public func acceptsSWRLongTerm(username: String, password: String) -> Bool {
        guard let at = username.lastIndex(of: "@") else { return false }
        let project = username[..<at]
        let ak = String(username[username.index(after: at)...])
        guard !project.isEmpty, let key = huaweiAccessKey(ak: ak) else { return false }
        return constantTimeEquals(password, SWRLoginKey.password(accessKey: key.ak, secretKey: key.sk))
    }
}
