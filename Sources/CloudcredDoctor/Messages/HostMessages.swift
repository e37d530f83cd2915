extension MessageCatalogue {
    /// `host`.
    static let host: [String: Entry] = [
        "host.invalid": ("\"{0}\" is neither a registry host nor an image reference", "“{0}”既不是镜像仓库地址，也不是镜像引用"),
        "host.invalid.fix": (
            "give a host such as registry.cn-hangzhou.aliyuncs.com or a reference such as registry.cn-hangzhou.aliyuncs.com/ns/app:tag",
            "请提供仓库地址（如 registry.cn-hangzhou.aliyuncs.com）或镜像引用（如 registry.cn-hangzhou.aliyuncs.com/ns/app:tag）"),
        "host.dockerHub": (
            "\"{0}\" has no registry host, so docker sends it to Docker Hub (registry-1.docker.io), not to ACR or SWR",
            "“{0}”中没有仓库地址，docker 会把它发往 Docker Hub（registry-1.docker.io），而不是 ACR 或 SWR"),
        "host.dockerHub.fix": (
            "put the registry host in front: registry.<region>.aliyuncs.com/{0} (ACR) or swr.<region>.myhuaweicloud.com/{0} (SWR)",
            "在前面加上仓库地址：registry.<地域>.aliyuncs.com/{0}（ACR）或 swr.<地域>.myhuaweicloud.com/{0}（SWR）"),
        "host.didYouMean": (
            "{0} is not an ACR or SWR registry host (an API endpoint, a missing label or a misspelt domain?)",
            "{0} 不是 ACR 或 SWR 的镜像仓库地址（是 API 地址、少了一段，还是域名拼错了？）"),
        "host.didYouMean.fix": (
            "did you mean {1}? Copy the address from the registry console; for a custom domain add a rule to the cloudcred config",
            "是否应为 {1}？请从容器镜像服务控制台复制地址；自定义域名请在 cloudcred 配置中添加规则"),
        "host.notOurs": (
            "{0} is not an ACR or SWR host: cloudcred answers \"credentials not found\" and docker goes on without credentials",
            "{0} 不是 ACR 或 SWR 地址：cloudcred 会回答“credentials not found”，docker 将以匿名方式继续"),
        "host.notOurs.fix": (
            "for a custom domain of ACR or SWR, add {\"match\": \"{0}\", \"kind\": …, \"region\": …} to the cloudcred config",
            "如果这是 ACR 或 SWR 的自定义域名，请在 cloudcred 配置中添加 {\"match\": \"{0}\", \"kind\": …, \"region\": …}"),
        "host.acrShared": (
            "{0}: ACR Personal Edition on the shared domain, region {1}; password from GetAuthorizationToken (cr 2016-06-07, GET /tokens) at {2}, valid for every personal registry of the account",
            "{0}：ACR 个人版（共享域名），地域 {1}；密码来自 {2} 的 GetAuthorizationToken（cr 2016-06-07，GET /tokens），对该账号的所有个人版仓库有效"),
        "host.acrEnterprise": (
            "{0}: ACR Enterprise Edition instance {1}, region {2}; password from GetAuthorizationToken (cr 2018-12-01) at {3}, instance id from ListInstance",
            "{0}：ACR 企业版实例 {1}，地域 {2}；密码来自 {3} 的 GetAuthorizationToken（cr 2018-12-01），实例 ID 通过 ListInstance 查询"),
        "host.acrPersonal": (
            "{0}: ACR Personal Edition instance {1} (created after 2024-09-09), region {2}: it gives no temporary tokens and allows no anonymous pulls; only the fixed password set in the console works",
            "{0}：ACR 个人版实例 {1}（2024-09-09 之后创建），地域 {2}：不提供临时密码，也不支持匿名拉取，只能使用控制台设置的固定密码"),
        "host.acrPersonal.fix": (
            "set a login password in the console (Instance > Access Credentials), then: cloudcred login {0} --username <account name> --password-stdin",
            "在控制台（实例 > 访问凭证）设置固定密码，然后运行：cloudcred login {0} --username <账号名> --password-stdin"),
        "host.swr": (
            "{0}: Huawei Cloud SWR, region {1}, project {2}, login mode {3} (long-term: computed from a permanent AK/SK; temporary: CreateSecret at {4}, 6 hours)",
            "{0}：华为云 SWR，区域 {1}，项目 {2}，登录方式 {3}（长期：由永久 AK/SK 计算；临时：{4} 的 CreateSecret，6 小时有效）"),
        "host.vpc": (
            "{0} is a VPC address: it resolves and answers only inside a VPC of region {1} (ECS, ACK)",
            "{0} 是专有网络（VPC）地址：只能在地域 {1} 的 VPC 内（ECS、ACK）解析和访问"),
        "host.vpc.fix": (
            "outside that VPC use the public address {2}",
            "在该 VPC 之外请使用公网地址 {2}"),
        "host.internal": (
            "{0} is a classic-network address: it answers only from classic-network ECS instances",
            "{0} 是经典网络地址：只能从经典网络的 ECS 实例访问"),
        "host.internal.fix": ("use the public address {1} (or the VPC address inside a VPC)", "请使用公网地址 {1}（在 VPC 内请使用 VPC 地址）"),
        "host.noHosts": (
            "no ACR or SWR host in {0} or podman's auth files; only the credentials were checked",
            "{0} 和 podman 的认证文件中没有 ACR 或 SWR 地址，只检查了凭证"),
        "host.noHosts.fix": (
            "name the registry: cloudcred doctor <host or image>; and route it to cloudcred: cloudcred configure-docker <host>",
            "请指定仓库：cloudcred doctor <地址或镜像>；并让 docker 使用 cloudcred：cloudcred configure-docker <地址>"),
    ]
}
