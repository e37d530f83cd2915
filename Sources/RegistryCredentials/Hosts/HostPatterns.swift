/// Anchored, hand-written matchers for the built-in registry host patterns. Each takes the whole
/// (normalized, port-less) host split into labels, so a suffix such as `.evil.example` never matches.

/// A region id label: lower-case letters and digits in two or more hyphen-separated parts
/// (`cn-hangzhou`, `ap-southeast-1`, `cn-shanghai-finance-1`, `eu-de`).
enum RegionLabel {
    static func isValid(_ label: Substring) -> Bool {
        let parts = label.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 2, label.utf8.count <= 63 else { return false }
        guard let first = parts.first?.utf8.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy(HostName.isLowerAlphanumeric) }
    }
}

/// Alibaba Cloud Container Registry hosts.
enum ACRHostPattern {
    /// The first label of a shared personal-edition host and whether it is a VPC address.
    /// `-internal` is the classic-network address: not VPC.
    private static let sharedPrefixes: [Substring: Bool] = [
        "registry": false, "registry-vpc": true, "registry-internal": false,
        "registry-intl": false, "registry-intl-vpc": true, "registry-intl-internal": false,
    ]

    static func match(host: String, labels: [Substring]) -> RegistryTarget? {
        guard labels.count >= 4, labels[labels.count - 2] == "aliyuncs", labels[labels.count - 1] == "com" else { return nil }
        switch labels.count {
        case 4: return shared(host: host, labels: labels)
        case 5: return enterprise(host: host, labels: labels)
        case 6: return personal(host: host, labels: labels)
        default: return nil
        }
    }

    /// `registry[-intl][-vpc|-internal].<region>.aliyuncs.com`
    private static func shared(host: String, labels: [Substring]) -> RegistryTarget? {
        guard let vpc = sharedPrefixes[labels[0]], RegionLabel.isValid(labels[1]) else { return nil }
        return RegistryTarget(host: host, kind: .acrShared, region: String(labels[1]), vpc: vpc)
    }

    /// `<name>-registry[-vpc].<region>.cr.aliyuncs.com`; names may contain hyphens.
    private static func enterprise(host: String, labels: [Substring]) -> RegistryTarget? {
        guard labels[2] == "cr", RegionLabel.isValid(labels[1]) else { return nil }
        let first = labels[0]
        let vpc = first.hasSuffix("-registry-vpc")
        guard vpc || first.hasSuffix("-registry") else { return nil }
        let name = first.dropLast(vpc ? "-registry-vpc".count : "-registry".count)
        guard isInstanceName(name) else { return nil }
        return RegistryTarget(host: host, kind: .acrEnterprise, region: String(labels[1]), vpc: vpc, instanceName: String(name))
    }

    /// `crpi-<id>[-vpc].<region>.personal.cr.aliyuncs.com`
    private static func personal(host: String, labels: [Substring]) -> RegistryTarget? {
        guard labels[2] == "personal", labels[3] == "cr", RegionLabel.isValid(labels[1]), labels[0].hasPrefix("crpi-") else { return nil }
        var id = labels[0].dropFirst("crpi-".count)
        let vpc = id.hasSuffix("-vpc")
        if vpc { id = id.dropLast("-vpc".count) }
        guard !id.isEmpty, id.utf8.allSatisfy(HostName.isLowerAlphanumeric) else { return nil }
        return RegistryTarget(host: host, kind: .acrPersonal, region: String(labels[1]), vpc: vpc, instanceId: "crpi-\(id)")
    }

    /// Letters, digits and inner hyphens.
    private static func isInstanceName(_ name: Substring) -> Bool {
        guard !name.isEmpty, name.first != "-", name.last != "-" else { return false }
        return name.utf8.allSatisfy { HostName.isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }
}

/// Huawei Cloud SWR hosts: `swr.<region>.<domain>`.
enum SWRHostPattern {
    /// The domains SWR registries live under; the API host is `swr-api.<region>.<domain>`.
    static let domains = ["myhuaweicloud.com", "myhuaweicloud.eu", "otc.t-systems.com"]

    static func match(host: String, labels: [Substring]) -> RegistryTarget? {
        guard labels.count == 4 || labels.count == 5, labels[0] == "swr", RegionLabel.isValid(labels[1]) else { return nil }
        let domain = labels[2...].joined(separator: ".")
        guard domains.contains(domain) else { return nil }
        let region = String(labels[1])
        return RegistryTarget(host: host, kind: .swr, region: region, apiEndpoint: "swr-api.\(region).\(domain)")
    }
}
