/// A family of cloud endpoints the emulator serves: the unit of counters, recorded requests and fault rules.
///
/// In JSON (fault rules, `/_emulator/counters`, `/_emulator/requests?endpoint=`) an endpoint is its `id`.
public struct EmulatorEndpoint: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The identifier used in JSON and on the control API, e.g. `sts` or `ecs-metadata`.
    public let id: String

    init(_ id: String) { self.id = id }

    /// Alibaba Cloud STS (`sts.aliyuncs.com`, `sts[-vpc].<region>.aliyuncs.com`).
    public static let sts = EmulatorEndpoint("sts")
    /// The ECS instance metadata service (`100.100.100.200`).
    public static let ecsMetadata = EmulatorEndpoint("ecs-metadata")
    /// A credentials URI server (`ALIBABA_CLOUD_CREDENTIALS_URI`).
    public static let credentialsURI = EmulatorEndpoint("credentials-uri")
    /// The emulator's own control API (`/_emulator/…` on any host).
    public static let control = EmulatorEndpoint("control")
    /// Alibaba Cloud Container Registry API (`cr[-vpc].<region>.aliyuncs.com`).
    public static let acr = EmulatorEndpoint("acr")
    /// Huawei Cloud SWR API (`swr-api.<region>.myhuaweicloud.com`, `.myhuaweicloud.eu`, `.otc.t-systems.com`).
    public static let swr = EmulatorEndpoint("swr")
    /// A Docker registry token realm (reserved for a later round).
    public static let registry = EmulatorEndpoint("registry")
    /// Alibaba Cloud OAuth sign-in (reserved for a later round).
    public static let oauth = EmulatorEndpoint("oauth")
    /// Alibaba Cloud CloudSSO sign-in (reserved for a later round).
    public static let cloudSSO = EmulatorEndpoint("cloudsso")
    /// The Huawei Cloud metadata service `169.254.169.254`.
    public static let huaweiMetadata = EmulatorEndpoint("huawei-metadata")

    /// Every endpoint the emulator knows, in display order.
    public static let all: [EmulatorEndpoint] = [
        .sts, .ecsMetadata, .credentialsURI, .control, .acr, .swr, .registry, .oauth, .cloudSSO, .huaweiMetadata,
    ]

    /// The endpoint with this id, or nil.
    public init?(id: String) {
        guard let known = Self.all.first(where: { $0.id == id }) else { return nil }
        self = known
    }

    public var description: String { id }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let endpoint = EmulatorEndpoint(id: raw) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "unknown endpoint \"\(raw)\" (known: \(Self.all.map(\.id).joined(separator: ", ")))")
        }
        self = endpoint
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }
}
