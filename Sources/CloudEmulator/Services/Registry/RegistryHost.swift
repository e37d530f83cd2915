/// The registry-side hosts the emulator stands in for: registry front ends of ACR and SWR and ACR's token realm.
///
/// Hosts arrive lower-case, without port (``EmulatorRequest/host``). Patterns are anchored: every label counts.
enum RegistryHost: Sendable, Equatable {
    /// `registry[-intl][-vpc|-internal].<region>.aliyuncs.com`.
    case acrShared(region: String)
    /// `<name>-registry[-vpc].<region>.cr.aliyuncs.com`.
    case acrEnterprise(region: String)
    /// `crpi-<id>[-vpc].<region>.personal.cr.aliyuncs.com`.
    case acrPersonal(region: String)
    /// `swr.<region>.myhuaweicloud.com` (also `.eu`) and Open Telekom Cloud `swr.<region>.otc.t-systems.com`.
    case swr(region: String)

    /// The registry kind of `host`, or nil when it is no registry host.
    init?(host: String) {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard labels.count >= 4, labels.allSatisfy({ !$0.isEmpty }) else { return nil }
        let first = labels[0], region = labels[1], rest = labels.dropFirst(2).joined(separator: ".")
        switch rest {
        case "aliyuncs.com" where Self.sharedPrefixes.contains(first):
            self = .acrShared(region: region)
        case "cr.aliyuncs.com" where Self.isEnterpriseName(first):
            self = .acrEnterprise(region: region)
        case "personal.cr.aliyuncs.com" where Self.isPersonalInstance(first):
            self = .acrPersonal(region: region)
        case _ where first == "swr" && Self.huaweiDomains.contains(rest):
            self = .swr(region: region)
        default:
            return nil
        }
    }

    /// Whether `host` is ACR's token realm: `dockerauth[-vpc].<region>.aliyuncs.com`.
    static func isACRTokenRealm(_ host: String) -> Bool {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count == 4 && (labels[0] == "dockerauth" || labels[0] == "dockerauth-vpc") && !labels[1].isEmpty
            && labels[2] == "aliyuncs" && labels[3] == "com"
    }

    /// Where a client of this registry gets its token: ACR's realm host, SWR's own host (`host` is the registry's).
    func realmURL(host: String) -> String {
        switch self {
        case .acrShared(let region), .acrEnterprise(let region), .acrPersonal(let region):
            return "https://dockerauth.\(region).aliyuncs.com/auth"
        case .swr:
            return "https://\(host)\(Self.swrRealmPath)"
        }
    }

    /// The token path of SWR registries (on the registry host itself).
    static let swrRealmPath = "/swr/auth/v2/registry/auth/"

    private static let huaweiDomains: Set<String> = ["myhuaweicloud.com", "myhuaweicloud.eu", "otc.t-systems.com"]

    private static let sharedPrefixes: Set<String> = [
        "registry", "registry-vpc", "registry-internal", "registry-intl", "registry-intl-vpc", "registry-intl-internal",
    ]

    private static func isEnterpriseName(_ label: String) -> Bool {
        let name = label.hasSuffix("-vpc") ? String(label.dropLast(4)) : label
        return name.hasSuffix("-registry") && name.count > "-registry".count
    }

    private static func isPersonalInstance(_ label: String) -> Bool {
        let name = label.hasSuffix("-vpc") ? String(label.dropLast(4)) : label
        return name.hasPrefix("crpi-") && name.count > "crpi-".count
    }
}
