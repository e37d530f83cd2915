extension MessageCatalogue {
    /// `token-api`.
    static let tokenAPI: [String: Entry] = [
        "tokenAPI.ok": (
            "{0} at {1}: user {2}, password expires {3}", "{1} 的 {0}：用户 {2}，密码过期时间 {3}"),
        "tokenAPI.skipped": ("not called: no credentials (see credentials)", "未调用：没有凭证（参见 credentials）"),
        "tokenAPI.timedOut": ("{0} did not answer in time", "{0} 未在时限内响应"),
        "tokenAPI.timedOut.fix": ("see the network finding for {0}", "请参见 {0} 的网络检查结果"),
        "tokenAPI.unreachable": ("{0} could not be reached: {1}", "无法访问 {0}：{1}"),
        "tokenAPI.unreachable.fix": ("see the network finding for {0}", "请参见 {0} 的网络检查结果"),
        "tokenAPI.accessKeyNotFound": (
            "{0} does not know the AccessKey {1} (InvalidAccessKeyId.NotFound, Huawei `ak … not exist`): deleted, disabled or mistyped — `unauthorized: authentication required` follows",
            "{0} 不认识 AccessKey {1}（InvalidAccessKeyId.NotFound，华为云 `ak … not exist`）：已删除、已禁用或输错——随后会出现 `unauthorized: authentication required`"),
        "tokenAPI.accessKeyNotFound.fix": (
            "check the AccessKey in the console (Alibaba: ram.console.aliyun.com/manage/ak; Huawei: My Credentials > Access Keys): enabled and not deleted; create a new one if needed",
            "请在控制台检查该 AccessKey（阿里云：ram.console.aliyun.com/manage/ak；华为云：我的凭证 > 访问密钥）：已启用、未删除；必要时新建"),
        "tokenAPI.signature": (
            "{0} says the signature does not match (SignatureDoesNotMatch, Huawei `verify aksk signature fail`): the secret of AccessKey {1} is wrong ({2})",
            "{0} 认为签名不匹配（SignatureDoesNotMatch，华为云 `verify aksk signature fail`）：AccessKey {1} 的 Secret 不正确（{2}）"),
        "tokenAPI.signature.fix": (
            "copy the secret again, without spaces or a trailing newline (a secret cannot be shown again: create a new AccessKey if it is lost)",
            "请重新复制 Secret，注意不要带空格或换行（Secret 无法再次查看：遗失时请新建 AccessKey）"),
        "tokenAPI.clock": (
            "{0} refused the request's time (InvalidTimeStamp.Expired, Huawei `signature expired`): the local clock is off by more than 15 minutes",
            "{0} 拒绝了请求时间（InvalidTimeStamp.Expired，华为云 `signature expired`）：本地时钟偏差超过 15 分钟"),
        "tokenAPI.clock.fix": ("sync the clock: timedatectl set-ntp true (or chronyd/ntpd)", "请同步时钟：timedatectl set-ntp true（或使用 chronyd/ntpd）"),
        "tokenAPI.stsToken": (
            "{0} refused the security token of AccessKey {1}: expired or not belonging to it ({2})",
            "{0} 拒绝了 AccessKey {1} 的安全令牌：已过期或不匹配（{2}）"),
        "tokenAPI.stsToken.fix": (
            "refresh the temporary credentials at their source (a fresh STS token, ECS/RAM role)",
            "请在来源处刷新临时凭证（新的 STS Token、ECS/RAM 角色）"),
        "tokenAPI.noPrivilege": (
            "{0} refused AccessKey {1}: no permission (NoPrivilege, `Access denied for this user.`) ({2})",
            "{0} 拒绝了 AccessKey {1}：没有权限（NoPrivilege，`Access denied for this user.`）（{2}）"),
        "tokenAPI.noPrivilege.fix": (
            "grant the RAM user or role cr:GetAuthorizationToken (and cr:ListInstance for Enterprise), e.g. AliyunContainerRegistryReadOnlyAccess; SWR: the IAM user needs SWR permissions in the region",
            "请为 RAM 用户或角色授予 cr:GetAuthorizationToken（企业版还需 cr:ListInstance），例如 AliyunContainerRegistryReadOnlyAccess；SWR：IAM 用户需要该区域的 SWR 权限"),
        "tokenAPI.instanceNotFound": (
            "{0} does not know the instance ({2})", "{0} 找不到该实例（{2}）"),
        "tokenAPI.instanceNotFound.fix": (
            "check the instance id and region in the ACR console, or set \"instanceId\" for this host in the cloudcred config",
            "请在 ACR 控制台核对实例 ID 和地域，或在 cloudcred 配置中为该地址设置 \"instanceId\""),
        "tokenAPI.noInstance": (
            "ListInstance finds no Enterprise instance named \"{0}\" in {1} for this account",
            "ListInstance 在 {1} 找不到该账号下名为 “{0}” 的企业版实例"),
        "tokenAPI.noInstance.fix": (
            "check the host name and that these credentials belong to the instance's account; or set \"instanceId\" in the cloudcred config",
            "请检查地址，以及这些凭证是否属于该实例所在账号；或在 cloudcred 配置中设置 \"instanceId\""),
        "tokenAPI.personalStored": (
            "{0} gives no temporary tokens (as expected for crpi- instances); the stored password of user {1} is used",
            "{0} 不提供临时密码（crpi- 实例本就如此）；将使用已保存的用户 {1} 的密码"),
        "tokenAPI.personalNoToken": (
            "{0} ({1}) gives no temporary tokens and no password is stored for it, so docker gets none (`unauthorized: authentication required`)",
            "{0}（{1}）不提供临时密码，也没有为其保存密码，docker 拿不到任何密码（`unauthorized: authentication required`）"),
        "tokenAPI.personalNoToken.fix": (
            "set a login password in the ACR console (Instance > Access Credentials), then: cloudcred login {0} --username <account name> --password-stdin",
            "请在 ACR 控制台（实例 > 访问凭证）设置固定密码，然后运行：cloudcred login {0} --username <账号名> --password-stdin"),
        "tokenAPI.failed": ("{0} failed: {1}", "{0} 调用失败：{1}"),
    ]
}
