extension MessageCatalogue {
    /// `cache`.
    static let cache: [String: Entry] = [
        "cache.disabled": ("the token cache is off (CLOUDCRED_DISABLE_CACHE): every pull asks the token API", "令牌缓存已关闭（CLOUDCRED_DISABLE_CACHE）：每次拉取都会调用令牌 API"),
        "cache.empty": ("no token cache yet at {0}", "{0} 尚无令牌缓存"),
        "cache.entry": (
            "token for {0} cached {1} min ago, expires {2} ({3})", "{0} 的令牌缓存于 {1} 分钟前，过期时间 {2}（{3}）"),
        "cache.noEntry": ("no cached token for {0} in {1}; the next pull asks the token API", "{1} 中没有 {0} 的缓存令牌；下次拉取会调用令牌 API"),
        "cache.directoryMode": (
            "the cache directory {0} has mode {1}: other users can see the entries (expected 0700)",
            "缓存目录 {0} 的权限为 {1}：其他用户可以看到其中的条目（应为 0700）"),
        "cache.fileMode": (
            "{1} file(s) in {0} have mode {2}: other users can read the registry passwords (expected 0600)",
            "{0} 中有 {1} 个文件的权限为 {2}：其他用户可以读取仓库密码（应为 0600）"),
        "cache.corrupt": ("{1} entry file(s) in {0} cannot be read (corrupt or from another version)", "{0} 中有 {1} 个条目文件无法读取（已损坏或来自其他版本）"),
        "cache.expired": ("the cached token for {0} expired at {1}", "{0} 的缓存令牌已于 {1} 过期"),
        "cache.failureRemembered": (
            "a failure for {0} is remembered for 30 s, so the helper answers it at once: {1}",
            "{0} 的一次失败会被记住 30 秒，在此期间 helper 直接返回该错误：{1}"),
        "cache.fixAvailable": ("cloudcred doctor --fix can repair the cache for {0}", "cloudcred doctor --fix 可以修复 {0} 的缓存"),
        "cache.fixAvailable.fix": ("run: cloudcred doctor {0} --fix (add --yes when not on a terminal)", "请运行：cloudcred doctor {0} --fix（非终端环境请加 --yes）"),
        "cache.fixNeedsTerminal": ("--fix was given, but there is no terminal to ask: nothing was changed", "指定了 --fix，但没有终端可以询问：未做任何修改"),
        "cache.fixNeedsTerminal.fix": ("run on a terminal, or add --yes to repair without asking", "请在终端中运行，或加 --yes 直接修复"),
        "cache.fixQuestion": ("Repair the token cache for {0} (fix modes, remove bad entries)?", "修复 {0} 的令牌缓存（修正权限、删除坏条目）吗？"),
        "cache.fixDeclined": ("the cache repair was declined: nothing was changed", "已拒绝修复缓存：未做任何修改"),
        "cache.fixFailed": ("the cache repair failed for {0}", "修复缓存失败：{0}"),
        "cache.fixFailed.fix": ("check the owner of the files, or remove the cache directory by hand", "请检查文件属主，或手动删除缓存目录"),
        "cache.fixed": ("repaired the token cache for {1} ({0} change(s)); the next pull fetches a fresh token", "已修复 {1} 的令牌缓存（{0} 处修改）；下次拉取会获取新令牌"),
    ]

    /// `helper`.
    static let helper: [String: Entry] = [
        "helper.ok": (
            "`{0} get` for {1}: exit 0, Username {2}, Secret {3}", "`{0} get`（{1}）：退出码 0，Username {2}，Secret {3}"),
        "helper.notConfigured": ("docker has no credential helper for {0} (see client-config); not run", "docker 没有为 {0} 配置凭证助手（参见 client-config）；未运行"),
        "helper.missing": ("{0} is not on PATH: `exec: \"{0}\": executable file not found in $PATH`", "PATH 中找不到 {0}：`exec: \"{0}\": executable file not found in $PATH`"),
        "helper.missing.fix": ("install it next to cloudcred in a directory of PATH", "请把它与 cloudcred 一起安装到 PATH 中的目录"),
        "helper.timedOut": ("`{0} get` did not finish within {1} s: docker and BuildKit wait that long", "`{0} get` 未在 {1} 秒内完成：docker 和 BuildKit 也会等待这么久"),
        "helper.timedOut.fix": ("see the credentials and network findings; outside ECS set ALIBABA_CLOUD_ECS_METADATA_DISABLED=true", "请参见 credentials 和 network 的结果；不在 ECS 上时请设置 ALIBABA_CLOUD_ECS_METADATA_DISABLED=true"),
        "helper.cannotRun": ("{0} cannot be started: {1}", "无法启动 {0}：{1}"),
        "helper.cannotRun.fix": ("check that it is an executable for this machine", "请确认它是适用于本机的可执行文件"),
        "helper.badOutput": ("`{0} get` exited 0 but printed no credentials JSON: {1}", "`{0} get` 退出码为 0，但没有输出凭证 JSON：{1}"),
        "helper.badOutput.fix": ("reinstall the helper", "请重新安装该 helper"),
        "helper.emptySecret": ("`{0} get` answered user {1} with an empty password", "`{0} get` 返回了用户 {1}，但密码为空"),
        "helper.emptySecret.fix": ("see the token-api finding", "请参见 token-api 的结果"),
        "helper.notFoundAnswer": (
            "`{0} get` answers `credentials not found in native keychain` for {1}: docker goes on without credentials (`no basic auth credentials`)",
            "`{0} get` 对 {1} 返回 `credentials not found in native keychain`：docker 会在没有凭证的情况下继续（`no basic auth credentials`）"),
        "helper.notFoundAnswer.fix": (
            "the host is not ours for that helper, or the cloudcred config sets \"onError\": \"not-found\": see the findings above",
            "对该 helper 来说此地址不归它管，或 cloudcred 配置设置了 \"onError\": \"not-found\"：请参见上面的结果"),
        "helper.failed": (
            "`{0} get` exited {1}: {2} (docker shows `error getting credentials - err: exit status {1}, out: …`)",
            "`{0} get` 退出码 {1}：{2}（docker 显示 `error getting credentials - err: exit status {1}, out: …`）"),
        "helper.failed.fix": ("the message names the cause; see the findings above", "错误信息已说明原因；请参见上面的结果"),
    ]
}
