import CloudHTTP
import RegistryCredentials

/// Host names of the two clouds, for routing the doctor's registry requests and for suggestions.
enum CloudHosts {
    /// Domains whose hosts belong to Alibaba Cloud or Huawei Cloud (registries, token realms, API endpoints).
    static let cloudDomains = ["aliyuncs.com", "aliyun.com", "myhuaweicloud.com", "myhuaweicloud.eu", "myhuaweicloud.cn", "otc.t-systems.com"]

    /// True for a host under one of ``cloudDomains``.
    static func isCloudHost(_ host: String) -> Bool {
        let name = host.lowercased().split(separator: ":").first.map(String.init) ?? host
        return cloudDomains.contains { name == $0 || name.hasSuffix("." + $0) }
    }

    /// How the doctor sends a request to `host`: registry fronts, token realms and APIs of the clouds are cloud
    /// endpoints, so that `CLOUDCRED_CONNECT_TO` sends them to the emulator like every API call (the helper itself
    /// never contacts registries); any other host is contacted as given.
    static func routing(for host: String) -> HTTPRouting {
        isCloudHost(host) ? .cloudEndpoint : .direct
    }

    /// The public address of a VPC or classic-network registry host: `registry-vpc.R…` → `registry.R…`,
    /// `name-registry-vpc.…` → `name-registry.…`, `crpi-ID-vpc.…` → `crpi-ID.…`; nil when it is not one.
    static func publicHost(of host: String) -> String? {
        guard let dot = host.firstIndex(of: ".") else { return nil }
        let first = host[..<dot], rest = host[dot...]
        for suffix in ["-vpc", "-internal"] where first.hasSuffix(suffix) {
            return String(first.dropLast(suffix.count)) + rest
        }
        return nil
    }

    /// A likely intended registry host for a host that is close to ours but not ours (an API endpoint, a missing
    /// label, a wrong domain); nil when nothing sensible comes to mind.
    static func suggestion(for host: String) -> String? {
        let labels = host.lowercased().split(separator: ".").map(String.init)
        let region = labels.first { isRegionLike($0) }
        if host.contains("aliyun") {
            guard let region else { return "registry.<region>.aliyuncs.com" }
            if let first = labels.first, first.hasSuffix("-registry") || first.hasSuffix("-registry-vpc") {
                return "\(first).\(region).cr.aliyuncs.com"
            }
            return "registry.\(region).aliyuncs.com"
        }
        if host.contains("huawei") || host.contains("swr") {
            return "swr.\(region ?? "cn-north-4").myhuaweicloud.com"
        }
        return nil
    }

    /// `cn-hangzhou`, `ap-southeast-1`, `eu-de`: letters and digits in two or more hyphen-separated parts.
    static func isRegionLike(_ label: String) -> Bool {
        let parts = label.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 2, let first = parts.first, first.count == 2, first.allSatisfy(\.isLetter) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber } }
    }
}
