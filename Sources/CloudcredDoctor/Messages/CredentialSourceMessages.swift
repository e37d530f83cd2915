extension MessageCatalogue {
    /// `credentials`: the metadata service, STS, the credentials URI, anything else.
    static let credentialSources: [String: Entry] = [
        "credentials.imdsNoRole": (
            "the ECS instance has no RAM role attached: `Failed to get RAM session credentials from ECS metadata service. HttpCode=404`",
            "ECS 实例没有绑定 RAM 角色：`Failed to get RAM session credentials from ECS metadata service. HttpCode=404`"),
        "credentials.imdsNoRole.fix": (
            "attach a RAM role to the instance (ECS console > Instance > Grant/Attach RAM Role), or check ALIBABA_CLOUD_ECS_METADATA (the role name)",
            "请为实例绑定 RAM 角色（ECS 控制台 > 实例 > 授予/绑定 RAM 角色），或检查 ALIBABA_CLOUD_ECS_METADATA（角色名）"),
        "credentials.imdsV2Only": (
            "the metadata service only answers with an IMDSv2 session token (hardened mode), and getting one failed: HttpCode=403",
            "元数据服务处于加固模式，只接受 IMDSv2 会话令牌，而获取令牌失败：HttpCode=403"),
        "credentials.imdsV2Only.fix": (
            "let PUT /latest/api/token through: put 100.100.100.200 in NO_PROXY and check that no firewall blocks it",
            "请放行 PUT /latest/api/token：把 100.100.100.200 加入 NO_PROXY，并检查防火墙"),
        "credentials.imdsToken": (
            "IMDSv1 is disabled (ALIBABA_CLOUD_IMDSV1_DISABLED=true) and the session token failed: `Failed to get token from ECS Metadata Service. HttpCode={0}`",
            "已禁用 IMDSv1（ALIBABA_CLOUD_IMDSV1_DISABLED=true），而获取会话令牌失败：`Failed to get token from ECS Metadata Service. HttpCode={0}`"),
        "credentials.imdsToken.fix": (
            "make PUT /latest/api/token reachable (NO_PROXY=100.100.100.200), or allow IMDSv1: unset ALIBABA_CLOUD_IMDSV1_DISABLED",
            "请确保 PUT /latest/api/token 可达（NO_PROXY=100.100.100.200），或允许 IMDSv1：unset ALIBABA_CLOUD_IMDSV1_DISABLED"),
        "credentials.imdsFailed": ("the ECS metadata service failed: {0}", "ECS 元数据服务出错：{0}"),
        "credentials.imdsFailed.fix": ("retry; if it persists, check the instance's RAM role in the ECS console", "请重试；如仍失败，请在 ECS 控制台检查实例的 RAM 角色"),
        "credentials.imdsUnreachable": (
            "ALIBABA_CLOUD_ECS_METADATA names a role, but the metadata service 100.100.100.200 cannot be reached: {0}",
            "ALIBABA_CLOUD_ECS_METADATA 指定了角色，但无法访问元数据服务 100.100.100.200：{0}"),
        "credentials.imdsUnreachable.fix": (
            "run on an ECS instance, keep 100.100.100.200 out of the proxy (NO_PROXY), or unset ALIBABA_CLOUD_ECS_METADATA",
            "请在 ECS 实例上运行，把 100.100.100.200 排除在代理之外（NO_PROXY），或取消 ALIBABA_CLOUD_ECS_METADATA"),
        "credentials.stsSource": (
            "the RAM role's source credentials are missing: `unable to load original credentials from the provider in RAM role arn`",
            "RAM 角色的源凭证缺失：`unable to load original credentials from the provider in RAM role arn`"),
        "credentials.stsSource.fix": ("give the profile access_key_id and access_key_secret (or source_profile)", "请在配置中提供 access_key_id 和 access_key_secret（或 source_profile）"),
        "credentials.stsNoPermission": (
            "STS refused the {0} call with NoPermission: the RAM user may not assume this role (`error refreshing credentials from {0}`)",
            "STS 以 NoPermission 拒绝了 {0} 调用：该 RAM 用户无权扮演此角色（`error refreshing credentials from {0}`）"),
        "credentials.stsNoPermission.fix": (
            "grant sts:AssumeRole (AliyunSTSAssumeRoleAccess) to the user and let the role's trust policy name its account",
            "请为该用户授予 sts:AssumeRole（AliyunSTSAssumeRoleAccess），并在角色的信任策略中允许其账号"),
        "credentials.stsRoleNotFound": (
            "STS does not know the role of the {0} call ({1})", "STS 找不到 {0} 调用中的角色（{1}）"),
        "credentials.stsRoleNotFound.fix": (
            "check the role ARN (acs:ram::<account id>:role/<name>, case as in the RAM console) or the OIDC provider ARN",
            "请检查角色 ARN（acs:ram::<账号 ID>:role/<角色名>，大小写与 RAM 控制台一致）或 OIDC 提供商 ARN"),
        "credentials.stsAccessKey": (
            "STS does not know the AccessKey of the {0} call (InvalidAccessKeyId.NotFound): deleted, disabled or mistyped",
            "STS 不认识 {0} 调用所用的 AccessKey（InvalidAccessKeyId.NotFound）：已删除、已禁用或输错"),
        "credentials.stsAccessKey.fix": (
            "check the AccessKey in the RAM console (ram.console.aliyun.com/manage/ak): enabled, not deleted; create a new one if needed",
            "请在 RAM 控制台（ram.console.aliyun.com/manage/ak）检查该 AccessKey：已启用、未删除；必要时新建"),
        "credentials.stsSignature": (
            "STS says the signature of the {0} call does not match (SignatureDoesNotMatch): the AccessKey secret is wrong",
            "STS 认为 {0} 调用的签名不匹配（SignatureDoesNotMatch）：AccessKey Secret 不正确"),
        "credentials.stsSignature.fix": ("copy the secret again, without spaces or a trailing newline", "请重新复制 Secret，注意不要带空格或换行"),
        "credentials.stsClock": (
            "STS refused the {0} call's timestamp (InvalidTimeStamp.Expired): the local clock is off by more than 15 minutes",
            "STS 拒绝了 {0} 调用的时间戳（InvalidTimeStamp.Expired）：本地时钟偏差超过 15 分钟"),
        "credentials.stsClock.fix": ("sync the clock: timedatectl set-ntp true (or chronyd/ntpd)", "请同步时钟：timedatectl set-ntp true（或使用 chronyd/ntpd）"),
        "credentials.stsFailed": (
            "the STS call of {0} failed ({1}): {2}", "{0} 的 STS 调用失败（{1}）：{2}"),
        "credentials.stsFailed.fix": (
            "look the code up in the STS error list; check the role ARN, the session name and the network to STS",
            "请在 STS 错误码文档中查找该错误码；检查角色 ARN、会话名称以及到 STS 的网络"),
        "credentials.uriStatus": (
            "the credentials URI answered HTTP {0}: `error refreshing credentials from <uri>, http_code={0}`",
            "凭证 URI 返回 HTTP {0}：`error refreshing credentials from <uri>, http_code={0}`"),
        "credentials.uriStatus.fix": (
            "check ALIBABA_CLOUD_CREDENTIALS_URI (path, port) and that the credential server runs",
            "请检查 ALIBABA_CLOUD_CREDENTIALS_URI（路径、端口）以及凭证服务是否在运行"),
        "credentials.uriShape": (
            "the credentials URI answered, but not with {\"Code\": \"Success\", \"AccessKeyId\", \"AccessKeySecret\", \"SecurityToken\", \"Expiration\"}: `error retrieving credentials from <uri>`",
            "凭证 URI 有响应，但内容不是 {\"Code\": \"Success\", \"AccessKeyId\", \"AccessKeySecret\", \"SecurityToken\", \"Expiration\"}：`error retrieving credentials from <uri>`"),
        "credentials.uriShape.fix": (
            "make the server answer that shape, with Expiration as YYYY-MM-DDTHH:MM:SSZ",
            "请让服务返回上述格式，Expiration 形如 YYYY-MM-DDTHH:MM:SSZ"),
        "credentials.uriUnreachable": ("the credentials URI cannot be reached: {0}", "无法访问凭证 URI：{0}"),
        "credentials.uriUnreachable.fix": (
            "start the credential server or fix ALIBABA_CLOUD_CREDENTIALS_URI; check firewalls and proxies (NO_PROXY)",
            "请启动凭证服务或修正 ALIBABA_CLOUD_CREDENTIALS_URI；检查防火墙和代理（NO_PROXY）"),
        "credentials.sourceFailed": ("{0}: {1}", "{0}：{1}"),
        "credentials.sourceFailed.fix": ("{2}", "{2}"),
    ]
}
