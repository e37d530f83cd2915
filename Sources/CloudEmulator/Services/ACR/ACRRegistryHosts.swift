/// The registry hosts a Container Registry login is good for (lower-case, as ``IssuedRegistryLogin`` keeps them).
enum ACRRegistryHosts {
    /// Legacy personal registries (the account-wide `GET /tokens` token): public, VPC, international and classic hosts.
    static func legacyPersonal(region: String) -> [String] {
        ["registry", "registry-vpc", "registry-intl", "registry-intl-vpc", "registry-internal"]
            .map { "\($0).\(region.lowercased()).aliyuncs.com" }
    }

    /// An Enterprise instance: `<name>-registry.<region>.cr.aliyuncs.com` and its `-vpc` variant.
    static func enterprise(_ instance: EmulatorACRInstance) -> [String] {
        let name = instance.name.lowercased()
        let region = instance.region.lowercased()
        return ["\(name)-registry.\(region).cr.aliyuncs.com", "\(name)-registry-vpc.\(region).cr.aliyuncs.com"]
    }

    /// A new personal instance: `crpi-<id>.<region>.personal.cr.aliyuncs.com` and its `-vpc` variant. An id that
    /// already starts with `crpi-` is used as the first label as it is.
    static func personalInstance(_ instance: EmulatorACRInstance) -> [String] {
        let id = instance.id.lowercased()
        let label = id.hasPrefix("crpi-") ? id : "crpi-" + id
        let region = instance.region.lowercased()
        return ["\(label).\(region).personal.cr.aliyuncs.com", "\(label)-vpc.\(region).personal.cr.aliyuncs.com"]
    }

    /// The hosts of an instance of either edition.
    static func hosts(of instance: EmulatorACRInstance) -> [String] {
        switch instance.edition {
        case .enterprise: enterprise(instance)
        case .personal: personalInstance(instance)
        }
    }
}
