import RegistryCredentials

/// `host`: what the registry host is (cloud, edition, region, instance, API endpoint, token API) and what is
/// special about it (VPC and classic-network hosts, `crpi-` instances, a reference docker sends to Docker Hub).
struct HostCheck: Sendable {
    let context: DoctorContext

    /// The findings and, for a host of ours, its target.
    func run(_ subject: DoctorSubject) -> (findings: [Finding], target: RegistryTarget?) {
        switch subject {
        case .invalid(let text):
            return ([.keyed(.host, .fail, "host.invalid", text)], nil)
        case .dockerHub(let repository):
            return ([.keyed(.host, .fail, "host.dockerHub", repository)], nil)
        case .registry(let host, _):
            guard let target = context.toolConfig.target(for: host, profile: context.options.toolProfile) else {
                if CloudHosts.isCloudHost(host) || host.contains("aliyun") || host.contains("huawei"),
                   let suggestion = CloudHosts.suggestion(for: host), suggestion != host {
                    return ([.keyed(.host, .fail, "host.didYouMean", host, suggestion)], nil)
                }
                return ([.keyed(.host, .warn, "host.notOurs", host)], nil)
            }
            return (describe(target), target)
        }
    }

    private func describe(_ target: RegistryTarget) -> [Finding] {
        var findings: [Finding] = []
        switch target.kind {
        case .acrShared:
            findings.append(.keyed(.host, .ok, "host.acrShared", target.host, target.region, target.apiEndpoint))
        case .acrEnterprise:
            let instance = target.instanceId ?? target.instanceName ?? "?"
            findings.append(.keyed(.host, .ok, "host.acrEnterprise", target.host, instance, target.region, target.apiEndpoint))
        case .acrPersonal:
            findings.append(.keyed(.host, .warn, "host.acrPersonal", target.host, target.instanceId ?? "crpi-?", target.region))
        case .swr:
            findings.append(.keyed(
                .host, .ok, "host.swr", target.host, target.region, target.effectiveSWRProject, target.swrLogin.rawValue, target.apiEndpoint))
        }
        let first = target.host.split(separator: ".").first ?? ""
        if first.hasSuffix("-internal") {
            findings.append(.keyed(.host, .warn, "host.internal", target.host, CloudHosts.publicHost(of: target.host) ?? "?"))
        } else if target.vpc {
            findings.append(.keyed(.host, .warn, "host.vpc", target.host, target.region, CloudHosts.publicHost(of: target.host) ?? "?"))
        }
        return findings
    }
}
