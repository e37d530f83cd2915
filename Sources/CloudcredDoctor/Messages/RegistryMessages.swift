extension MessageCatalogue {
    /// `registry`.
    static let registry: [String: Entry] = [
        "registry.ok": (
            "{0}: user {3} ({4}) may {2} {1}", "{0}：用户 {3}（{4}）可以对 {1} 执行 {2}"),
        "registry.loginOK": (
            "{0} accepts user {1} ({2}): `docker login` would succeed", "{0} 接受用户 {1}（{2}）：`docker login` 会成功"),
        "registry.open": ("{0} answers /v2/ without a login", "{0} 的 /v2/ 无需登录即可访问"),
        "registry.unreachable": ("{0} could not be reached: {1}", "无法访问 {0}：{1}"),
        "registry.unreachable.fix": ("see the network finding for {0}", "请参见 {0} 的网络检查结果"),
        "registry.timedOut": ("{0} did not finish the round trip in time", "{0} 未在时限内完成往返"),
        "registry.timedOut.fix": ("see the network finding for {0}", "请参见 {0} 的网络检查结果"),
        "registry.dockerHub": (
            "docker would ask Docker Hub for {0}, where ACR/SWR credentials mean nothing: `pull access denied for {0}, repository does not exist or may require 'docker login'` or `unauthorized: incorrect username or password`",
            "docker 会向 Docker Hub 请求 {0}，ACR/SWR 的凭证在那里无效：`pull access denied for {0}, repository does not exist or may require 'docker login'` 或 `unauthorized: incorrect username or password`"),
        "registry.dockerHub.fix": ("write the image with its registry host (see host)", "请在镜像名前写上仓库地址（参见 host）"),
        "registry.notRegistry": (
            "{0} answers HTTP {1} to /v2/: it is no container registry (an API or web host?)",
            "{0} 对 /v2/ 返回 HTTP {1}：它不是容器镜像仓库（是 API 或网站地址？）"),
        "registry.notRegistry.fix": ("use the registry address from the console (see host)", "请使用控制台中的仓库地址（参见 host）"),
        "registry.unexpectedStatus": ("{0}: {1} answered {2}", "{0}：{1} 返回 {2}"),
        "registry.unexpectedStatus.fix": ("retry later; if it persists, contact the cloud's support with this answer", "请稍后重试；如持续出现，请带上该响应联系云厂商支持"),
        "registry.noChallenge": ("{0} answers 401 to /v2/ without a usable WWW-Authenticate challenge", "{0} 对 /v2/ 返回 401，但没有可用的 WWW-Authenticate 质询"),
        "registry.noLogin": (
            "{0} wants a login ({1}), and this run has none to try (see token-api)",
            "{0} 需要登录（{1}），但本次运行没有可尝试的密码（参见 token-api）"),
        "registry.noLogin.fix": ("fix the token-api and credentials findings first", "请先解决 token-api 和 credentials 的问题"),
        "registry.unauthorized": (
            "{0} refuses user {1} ({2}): `unauthorized: authentication required` — the password is wrong or expired, or belongs to another user or instance",
            "{0} 拒绝了用户 {1}（{2}）：`unauthorized: authentication required`——密码错误或已过期，或属于其他用户/实例"),
        "registry.unauthorized.fix": (
            "run again after fixing credentials/token-api; a RAM user needs its own registry login (or the temporary token); for SWR long-term logins check the project name and that the AK is enabled",
            "请先解决 credentials/token-api 的问题后重试；RAM 子用户需要自己的仓库登录密码（或使用临时密码）；SWR 长期登录请检查项目名称以及 AK 是否启用"),
        "registry.staleStoredPassword": (
            "{0} refuses the stored password of user {1}, which cloudcred answers before the working {2} login",
            "{0} 拒绝了已保存的用户 {1} 的密码，而 cloudcred 会优先返回它，而不是可用的 {2} 密码"),
        "registry.staleStoredPassword.fix": ("remove it: cloudcred logout {0} (or store the new password with cloudcred login)", "请删除它：cloudcred logout {0}（或用 cloudcred login 保存新密码）"),
        "registry.realmUnreachable": ("the token service {0} could not be reached: {1}", "无法访问令牌服务 {0}：{1}"),
        "registry.realmUnreachable.fix": ("check the network to the token service (for ACR: dockerauth.<region>.aliyuncs.com)", "请检查到令牌服务的网络（ACR 为 dockerauth.<地域>.aliyuncs.com）"),
        "registry.denied": (
            "{0}: user {2} is logged in but may not use {1} ({3}): `denied: requested access to the resource is denied` — the namespace does not exist, belongs to another account, or the user has no right to it",
            "{0}：用户 {2} 已登录，但无权使用 {1}（{3}）：`denied: requested access to the resource is denied`——命名空间不存在、属于其他账号，或该用户没有权限"),
        "registry.denied.fix": (
            "check the namespace name (case, typos) and create it in the registry console; give the RAM user cr:PullRepository (and cr:PushRepository) on it",
            "请核对命名空间名称（大小写、拼写），并在控制台创建它；为 RAM 用户授予该命名空间的 cr:PullRepository（以及 cr:PushRepository）"),
        "registry.noPush": (
            "{0}: user {2} may pull {1} but not push (`denied: requested access to the resource is denied` on docker push)",
            "{0}：用户 {2} 可以拉取 {1}，但不能推送（docker push 时报 `denied: requested access to the resource is denied`）"),
        "registry.noPush.fix": (
            "grant cr:PushRepository on the namespace (or the role's push permission in SWR); check that the namespace allows creating repositories automatically",
            "请授予该命名空间的 cr:PushRepository（SWR 中授予推送权限）；并检查命名空间是否允许自动创建仓库"),
        "registry.repositoryMissing": (
            "{0}: the login works, but {1} does not exist yet: a pull fails with `manifest unknown` / `repository does not exist`; a push creates it where the namespace allows",
            "{0}：登录正常，但 {1} 尚不存在：拉取会报 `manifest unknown` / `repository does not exist`；在命名空间允许时推送会自动创建"),
        "registry.repositoryMissing.fix": ("check the repository name, or push it first", "请核对仓库名称，或先推送该仓库"),
        "registry.badRealm": ("the token service address {0} is not a URL", "令牌服务地址 {0} 不是合法 URL"),
    ]
}
