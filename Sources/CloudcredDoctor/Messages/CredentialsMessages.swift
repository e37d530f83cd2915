extension MessageCatalogue {
    /// `credentials`: the outcome of the chain.
    static let credentials: [String: Entry] = [
        "credentials.foundPermanent": (
            "from {0} [{1}]: AccessKey {2}, permanent", "来自 {0} [{1}]：AccessKey {2}，永久凭证"),
        "credentials.foundPermanentAfter": (
            "from {0} [{1}]: AccessKey {2}, permanent; not set up before it: {3}",
            "来自 {0} [{1}]：AccessKey {2}，永久凭证；在它之前未配置：{3}"),
        "credentials.foundToken": (
            "from {0} [{1}]: AccessKey {2}, temporary (STS token, expiry unknown)",
            "来自 {0} [{1}]：AccessKey {2}，临时凭证（STS Token，过期时间未知）"),
        "credentials.foundTokenAfter": (
            "from {0} [{1}]: AccessKey {2}, temporary (STS token, expiry unknown); not set up before it: {3}",
            "来自 {0} [{1}]：AccessKey {2}，临时凭证（STS Token，过期时间未知）；在它之前未配置：{3}"),
        "credentials.foundTemporary": (
            "from {0} [{1}]: AccessKey {2}, temporary, expires {3} (in {4} min)",
            "来自 {0} [{1}]：AccessKey {2}，临时凭证，{3} 过期（还剩 {4} 分钟）"),
        "credentials.foundTemporaryAfter": (
            "from {0} [{1}]: AccessKey {2}, temporary, expires {3} (in {4} min); not set up before it: {5}",
            "来自 {0} [{1}]：AccessKey {2}，临时凭证，{3} 过期（还剩 {4} 分钟）；在它之前未配置：{5}"),
        "credentials.expired": (
            "the credentials from {0} (AccessKey {1}) expired at {2}: the API answers `InvalidSecurityToken.Expired`",
            "来自 {0} 的凭证（AccessKey {1}）已于 {2} 过期：API 会返回 `InvalidSecurityToken.Expired`"),
        "credentials.expired.fix": (
            "refresh the source of the STS token (or use a source that refreshes itself: RAM role, ECS role, OIDC)",
            "请更新 STS Token 的来源（或改用能自动刷新的方式：RAM 角色、ECS 实例角色、OIDC）"),
        "credentials.sourceTimedOut": (
            "{0} did not answer within {1} s (the default chain's usual suspect: the ECS metadata service outside ECS)",
            "{0} 在 {1} 秒内没有响应（常见原因：在 ECS 之外访问 ECS 元数据服务）"),
        "credentials.sourceTimedOut.fix": (
            "outside ECS set ALIBABA_CLOUD_ECS_METADATA_DISABLED=true; otherwise check the network to that source",
            "不在 ECS 上时请设置 ALIBABA_CLOUD_ECS_METADATA_DISABLED=true；否则请检查到该来源的网络"),
        "credentials.noneFound": (
            "no source of the default chain has credentials: `unable to load credentials from any of the providers in the chain` (not set up: {0})",
            "默认凭证链中没有任何来源提供凭证：`unable to load credentials from any of the providers in the chain`（未配置：{0}）"),
        "credentials.noneFound.fix": (
            "set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or run `aliyun configure` (~/.aliyun/config.json), or attach a RAM role to the ECS instance",
            "请设置 ALIBABA_CLOUD_ACCESS_KEY_ID 和 ALIBABA_CLOUD_ACCESS_KEY_SECRET，或运行 `aliyun configure`（~/.aliyun/config.json），或为 ECS 实例绑定 RAM 角色"),
        "credentials.huaweiNoneFound": (
            "no source of the Huawei Cloud chain has credentials (not set up: {0})",
            "华为云凭证链中没有任何来源提供凭证（未配置：{0}）"),
        "credentials.huaweiNoneFound.fix": (
            "set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or write ~/.huaweicloud/credentials with a [basic] section (ak, sk)",
            "请设置 HUAWEICLOUD_SDK_AK 和 HUAWEICLOUD_SDK_SK，或在 ~/.huaweicloud/credentials 中写入 [basic] 段（ak、sk）"),
        "credentials.envEmpty": (
            "{0} is set but empty: `Environment variable accessKeyId cannot be empty`, the environment is skipped",
            "{0} 已设置但为空：`Environment variable accessKeyId cannot be empty`，环境变量来源被跳过"),
        "credentials.envEmpty.fix": (
            "give it a value, or unset it (unset {0}) instead of export {0}=\"\"",
            "请为它赋值，或将其取消（unset {0}），不要写 export {0}=\"\""),
        "credentials.envSecretMissing": (
            "ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not: `Environment variable accessKeySecret cannot be empty`",
            "已设置 ALIBABA_CLOUD_ACCESS_KEY_ID，但没有设置 ALIBABA_CLOUD_ACCESS_KEY_SECRET：`Environment variable accessKeySecret cannot be empty`"),
        "credentials.envSecretMissing.fix": (
            "export ALIBABA_CLOUD_ACCESS_KEY_SECRET with the secret of that AccessKey (no quotes or spaces around it)",
            "请 export ALIBABA_CLOUD_ACCESS_KEY_SECRET 为该 AccessKey 的 Secret（前后不要有引号或空格）"),
        "credentials.oidcPartial": (
            "OIDC (RRSA) is set up only in part ({0} set, {1} missing): the chain needs all three and skips OIDC",
            "OIDC（RRSA）只配置了一部分（已设置 {0}，缺少 {1}）：凭证链需要三者齐全，否则跳过 OIDC"),
        "credentials.oidcPartial.fix": (
            "set {1} as well (in ACK the RRSA webhook injects all three; check the pod's service account and annotations)",
            "请同时设置 {1}（ACK 中由 RRSA webhook 注入全部三个变量；请检查 Pod 的 ServiceAccount 与注解）"),
        "credentials.oidcTokenFile": (
            "the OIDC token file {0} cannot be read (`No such file or directory`)",
            "无法读取 OIDC Token 文件 {0}（`No such file or directory`）"),
        "credentials.oidcTokenFile.fix": (
            "mount the service account token (projected volume) at that path, or fix ALIBABA_CLOUD_OIDC_TOKEN_FILE",
            "请在该路径挂载 ServiceAccount Token（projected volume），或修正 ALIBABA_CLOUD_OIDC_TOKEN_FILE"),
        "credentials.roleArnEmpty": (
            "a RAM role profile has no role ARN: `role_arn or environment variable ALIBABA_CLOUD_ROLE_ARN cannot be empty`",
            "RAM 角色配置缺少角色 ARN：`role_arn or environment variable ALIBABA_CLOUD_ROLE_ARN cannot be empty`"),
        "credentials.roleArnEmpty.fix": (
            "set ram_role_arn in the profile (acs:ram::<account id>:role/<name>) or ALIBABA_CLOUD_ROLE_ARN",
            "请在配置中设置 ram_role_arn（acs:ram::<账号 ID>:role/<角色名>）或 ALIBABA_CLOUD_ROLE_ARN"),
        "credentials.roleDuration": (
            "the RAM role session duration is out of range (900 s to the role's maximum, here {0} s): `session duration should be in the range of 900s - max session duration`",
            "RAM 角色会话时长超出范围（900 秒到角色最大会话时长，此处为 {0} 秒）：`session duration should be in the range of 900s - max session duration`"),
        "credentials.roleDuration.fix": (
            "set expired_seconds / DurationSeconds between 900 and {0}, or raise the role's maximum session duration in the RAM console",
            "请把 expired_seconds / DurationSeconds 设在 900 到 {0} 之间，或在 RAM 控制台提高角色的最大会话时长"),
        "credentials.cliSyntax": (
            "{0} is not valid JSON at line {1} column {2} ({3}): `failed to parse credential form cli credentials file`",
            "{0} 第 {1} 行第 {2} 列不是合法的 JSON（{3}）：`failed to parse credential form cli credentials file`"),
        "credentials.cliSyntax.fix": (
            "fix line {1} column {2}: double quotes only, no comments, no trailing commas (check with python3 -m json.tool {0})",
            "请修正第 {1} 行第 {2} 列：只能用双引号，不能有注释和多余的逗号（可用 python3 -m json.tool {0} 检查）"),
        "credentials.cliUnreadable": ("{0} cannot be read: {1}", "无法读取 {0}：{1}"),
        "credentials.cliUnreadable.fix": ("check the file's owner and permissions (chmod 600 {0})", "请检查文件属主和权限（chmod 600 {0}）"),
        "credentials.cliProfileMissing": (
            "the profile \"{0}\" is not in {1} (profiles there: {2}): `unable to get profile with '{0}' form cli credentials file.`",
            "{1} 中没有配置 “{0}”（已有：{2}）：`unable to get profile with '{0}' form cli credentials file.`"),
        "credentials.cliProfileMissing.fix": (
            "set \"current\" (or ALIBABA_CLOUD_PROFILE / --profile) to an existing name, or run: aliyun configure --profile {0}",
            "请把 \"current\"（或 ALIBABA_CLOUD_PROFILE / --profile）设为已有的名称，或运行：aliyun configure --profile {0}"),
        "credentials.cliNoCurrent": (
            "~/.aliyun/config.json names no profile (no \"current\", no ALIBABA_CLOUD_PROFILE): `invalid profile name`",
            "~/.aliyun/config.json 没有指定配置（没有 \"current\"，也没有 ALIBABA_CLOUD_PROFILE）：`invalid profile name`"),
        "credentials.cliNoCurrent.fix": ("add \"current\": \"<name>\" or set ALIBABA_CLOUD_PROFILE", "请添加 \"current\": \"<名称>\" 或设置 ALIBABA_CLOUD_PROFILE"),
        "credentials.cliMode": (
            "the profile's mode \"{0}\" is not supported: `unsupported profile mode`",
            "配置的 mode “{0}” 不受支持：`unsupported profile mode`"),
        "credentials.cliMode.fix": (
            "use AK, StsToken, RamRoleArn, EcsRamRole, OIDC, ChainableRamRoleArn, CloudSSO, OAuth or External (re-run aliyun configure)",
            "请使用 AK、StsToken、RamRoleArn、EcsRamRole、OIDC、ChainableRamRoleArn、CloudSSO、OAuth 或 External（重新运行 aliyun configure）"),
        "credentials.iniProfileMissing": (
            "the section is missing from {0}: `failed to get credential from credentials file` ({1})",
            "{0} 中缺少对应的段：`failed to get credential from credentials file`（{1}）"),
        "credentials.iniProfileMissing.fix": (
            "add a [default] section (type = access_key, access_key_id, access_key_secret) or set ALIBABA_CLOUD_PROFILE to an existing section",
            "请添加 [default] 段（type = access_key、access_key_id、access_key_secret），或把 ALIBABA_CLOUD_PROFILE 设为已有的段"),
        "credentials.iniType": ("{0}", "{0}"),
        "credentials.iniType.fix": (
            "set type to access_key, ram_role_arn, ecs_ram_role, oidc_role_arn or rsa_key_pair (`invalid type option` in code)",
            "请把 type 设为 access_key、ram_role_arn、ecs_ram_role、oidc_role_arn 或 rsa_key_pair（代码中对应 `invalid type option`）"),
    ]
}
