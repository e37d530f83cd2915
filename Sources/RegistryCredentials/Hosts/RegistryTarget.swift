/// Which registry product a host belongs to; decides the token API the full program calls.
public enum RegistryKind: String, Sendable, Codable, CaseIterable {
    /// ACR personal edition on the shared domains `registry[-intl][-vpc|-internal].<region>.aliyuncs.com`
    /// (cr 2016-06-07 `GET /tokens`).
    case acrShared = "acr-shared"
    /// ACR Enterprise Edition, `<name>-registry[-vpc].<region>.cr.aliyuncs.com` or a custom domain
    /// (cr 2018-12-01 `GetAuthorizationToken(InstanceId)`).
    case acrEnterprise = "acr-enterprise"
    /// ACR personal edition on a dedicated domain, `crpi-<id>[-vpc].<region>.personal.cr.aliyuncs.com`.
    case acrPersonal = "acr-personal"
    /// Huawei Cloud SWR, `swr.<region>.myhuaweicloud.com` (`.eu`) or `swr.<region>.otc.t-systems.com`.
    case swr
}

/// How an SWR password is obtained.
public enum SWRLoginMode: String, Sendable, Codable, CaseIterable {
    /// Long-term login with a permanent AK/SK, the temporary login otherwise.
    case automatic = "auto"
    /// Always the long-term login (`<project>@<AK>`, HMAC-SHA256 of the AK keyed by the SK).
    case longTerm = "long-term"
    /// Always the temporary login (`CreateSecret`, valid 6 hours).
    case temporary
}

/// What the helper answers when it cannot get a password for one of our hosts.
public enum FailureMode: String, Sendable, Codable, CaseIterable {
    /// A real error: one line on stdout (and stderr), exit 1. BuildKit stops, podman reports it.
    case fail
    /// `credentials not found in native keychain`: the caller goes on anonymously.
    case notFound = "not-found"
}

/// A registry host that cloudcred answers for, with everything needed to get its password.
///
/// Produced by ``RegistryHosts/classify(_:)`` (built-in patterns) and ``ToolConfig/target(for:profile:)``
/// (the tool config first, then the built-in patterns).
public struct RegistryTarget: Sendable, Hashable {
    /// The normalized host, e.g. `registry.cn-hangzhou.aliyuncs.com` or `images.example.com:5000`.
    public var host: String
    /// The registry product.
    public var kind: RegistryKind
    /// The region id, e.g. `cn-hangzhou`, `cn-north-4`.
    public var region: String
    /// True for a VPC registry host (`registry-vpc.…`, `…-registry-vpc.…`, `crpi-…-vpc.…`): the API endpoint
    /// is then the VPC one.
    public var vpc: Bool
    /// The ACR Enterprise instance name (from the host, or the tool config).
    public var instanceName: String?
    /// `crpi-<id>` from a dedicated personal host, or `cri-…` from the tool config.
    public var instanceId: String?
    /// The aliyun CLI / credentials-file profile to use instead of the default chain.
    public var alibabaProfile: String?
    /// The SWR project name; nil means the region.
    public var swrProject: String?
    /// How an SWR password is obtained.
    public var swrLogin: SWRLoginMode
    /// The token API host: `cr.<region>.aliyuncs.com`, `cr-vpc.<region>.aliyuncs.com` (VPC registry host),
    /// or `swr-api.<region>.myhuaweicloud.com` (same domain as the registry host).
    public var apiEndpoint: String
    /// The tool-config profile that produced this target (`default` when none).
    public var toolProfile: String
    /// What to answer when no password can be had.
    public var onError: FailureMode

    /// A target with every field given; see the properties for their meaning.
    public init(
        host: String,
        kind: RegistryKind,
        region: String,
        vpc: Bool = false,
        instanceName: String? = nil,
        instanceId: String? = nil,
        alibabaProfile: String? = nil,
        swrProject: String? = nil,
        swrLogin: SWRLoginMode = .automatic,
        apiEndpoint: String? = nil,
        toolProfile: String = ToolConfig.defaultProfile,
        onError: FailureMode = .fail
    ) {
        self.host = host
        self.kind = kind
        self.region = region
        self.vpc = vpc
        self.instanceName = instanceName
        self.instanceId = instanceId
        self.alibabaProfile = alibabaProfile
        self.swrProject = swrProject
        self.swrLogin = swrLogin
        self.apiEndpoint = apiEndpoint ?? RegistryTarget.defaultAPIEndpoint(kind: kind, region: region, vpc: vpc, host: host)
        self.toolProfile = toolProfile
        self.onError = onError
    }

    /// The SWR project to log in to: ``swrProject`` when set, else the region.
    public var effectiveSWRProject: String { swrProject ?? region }

    /// The token API host for a kind and region: ACR `cr[-vpc].<region>.aliyuncs.com`; SWR
    /// `swr-api.<region>.` followed by the registry host's own domain (`myhuaweicloud.com`, `myhuaweicloud.eu`,
    /// `otc.t-systems.com`), `myhuaweicloud.com` for a custom domain.
    public static func defaultAPIEndpoint(kind: RegistryKind, region: String, vpc: Bool, host: String) -> String {
        switch kind {
        case .acrShared, .acrEnterprise, .acrPersonal:
            return vpc ? "cr-vpc.\(region).aliyuncs.com" : "cr.\(region).aliyuncs.com"
        case .swr:
            let hostName = HostName.withoutPort(host)
            for domain in SWRHostPattern.domains where hostName.hasSuffix("." + domain) {
                return "swr-api.\(region).\(domain)"
            }
            return "swr-api.\(region).myhuaweicloud.com"
        }
    }
}
