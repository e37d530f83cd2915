extension MessageCatalogue {
    /// `client-config`.
    static let clientConfig: [String: Entry] = [
        "clientConfig.toolConfigBroken": (
            "the cloudcred config cannot be used: {0}", "cloudcred 配置无法使用：{0}"),
        "clientConfig.toolConfigBroken.fix": (
            "fix the file as the message says; until then the helper uses only the built-in host patterns",
            "请按提示修正该文件；修正前 helper 只使用内置的地址规则"),
        "clientConfig.sudo": (
            "running under sudo (for user {0}): `sudo docker` reads {1}, root's config, not the user's",
            "正在通过 sudo 运行（用户 {0}）：`sudo docker` 读取的是 root 的配置 {1}，而不是该用户的配置"),
        "clientConfig.sudo.fix": (
            "configure the config docker really reads (sudo cloudcred configure-docker <host>), or run docker without sudo (add the user to the docker group)",
            "请配置 docker 实际读取的文件（sudo cloudcred configure-docker <地址>），或不用 sudo 运行 docker（将用户加入 docker 组）"),
        "clientConfig.dockerAuthConfig": (
            "DOCKER_AUTH_CONFIG is set: recent docker CLIs read credentials from it before config.json",
            "已设置 DOCKER_AUTH_CONFIG：较新的 docker CLI 会先从它读取凭证，再读 config.json"),
        "clientConfig.dockerAuthConfig.fix": (
            "unset DOCKER_AUTH_CONFIG, or make sure it sends the host to cloudcred", "请取消 DOCKER_AUTH_CONFIG，或确保其中把该地址交给 cloudcred"),
        "clientConfig.dockerConfigMissing": (
            "{0} does not exist: docker has no credential helper for {1} and pulls anonymously (`no basic auth credentials`, `pull access denied`)",
            "{0} 不存在：docker 没有为 {1} 配置凭证助手，会匿名拉取（`no basic auth credentials`、`pull access denied`）"),
        "clientConfig.dockerConfigMissing.fix": ("run: cloudcred configure-docker {1}", "请运行：cloudcred configure-docker {1}"),
        "clientConfig.dockerConfigSyntax": (
            "{0} is not valid JSON at line {1} column {2} ({3}): docker ignores its credHelpers",
            "{0} 第 {1} 行第 {2} 列不是合法的 JSON（{3}）：docker 无法使用其中的 credHelpers"),
        "clientConfig.dockerConfigSyntax.fix": (
            "fix line {1} column {2} of {0} (a missing comma or quote, a comment, a trailing comma)",
            "请修正 {0} 第 {1} 行第 {2} 列（缺少逗号或引号、含注释、多余的逗号）"),
        "clientConfig.dockerConfigUnreadable": ("{0} cannot be read: {1}", "无法读取 {0}：{1}"),
        "clientConfig.dockerConfigUnreadable.fix": ("check the file's owner and permissions", "请检查该文件的属主和权限"),
        "clientConfig.dockerConfigNotObject": ("{0} does not hold a JSON object", "{0} 的内容不是 JSON 对象"),
        "clientConfig.dockerConfigNotObject.fix": ("move the file away and run cloudcred configure-docker <host>", "请移走该文件后运行 cloudcred configure-docker <地址>"),
        "clientConfig.credsStoreOurs": (
            "{0} sets \"credsStore\": \"{1}\": every registry goes to cloudcred, and `docker login` to other registries stores their passwords there",
            "{0} 设置了 \"credsStore\": \"{1}\"：所有仓库都交给 cloudcred，`docker login` 其他仓库的密码也会存到这里"),
        "clientConfig.credsStoreOurs.fix": (
            "prefer per-host entries: remove credsStore and run cloudcred configure-docker <host>",
            "建议按地址配置：删除 credsStore，然后运行 cloudcred configure-docker <地址>"),
        "clientConfig.staleAuths": (
            "{0} still has an \"auths\" entry \"{1}\" for {2}: an old password that podman, kaniko or older tools may send instead of a fresh token",
            "{0} 中仍有 {2} 的 \"auths\" 条目 “{1}”：这是旧密码，podman、kaniko 或旧版工具可能会用它代替新的临时密码"),
        "clientConfig.staleAuths.fix": ("remove the entry: docker logout {1} (or delete it from {0})", "请删除该条目：docker logout {1}（或从 {0} 中删除）"),
        "clientConfig.authsOnly": (
            "{0} has no credHelpers entry for {1}, only a password saved by `docker login` in \"auths\": it stops working when the temporary password expires (`unauthorized: authentication required`)",
            "{0} 中没有 {1} 的 credHelpers 条目，只有 `docker login` 保存在 \"auths\" 中的密码：临时密码过期后就会失效（`unauthorized: authentication required`）"),
        "clientConfig.authsOnly.fix": (
            "let cloudcred answer: cloudcred configure-docker {1} (it adds credHelpers: {\"{1}\": \"{2}\"})",
            "改由 cloudcred 提供密码：cloudcred configure-docker {1}（会添加 credHelpers：{\"{1}\": \"{2}\"}）"),
        "clientConfig.noCredHelper": (
            "{0} has no credHelpers entry for {1}: docker never asks cloudcred and pulls anonymously (`no basic auth credentials`, `pull access denied`)",
            "{0} 中没有 {1} 的 credHelpers 条目：docker 不会询问 cloudcred，而是匿名拉取（`no basic auth credentials`、`pull access denied`）"),
        "clientConfig.noCredHelper.fix": (
            "run: cloudcred configure-docker {1} (adds credHelpers: {\"{1}\": \"{2}\"})",
            "请运行：cloudcred configure-docker {1}（添加 credHelpers：{\"{1}\": \"{2}\"}）"),
        "clientConfig.credsStoreInstead": (
            "{0} has no credHelpers entry for {1}, so docker asks the credsStore \"{2}\", which knows no ACR/SWR token",
            "{0} 中没有 {1} 的 credHelpers 条目，docker 会去问 credsStore “{2}”，而它没有 ACR/SWR 的临时密码"),
        "clientConfig.credsStoreInstead.fix": (
            "run: cloudcred configure-docker {1} (credHelpers win over credsStore for their host)",
            "请运行：cloudcred configure-docker {1}（credHelpers 对其地址优先于 credsStore）"),
        "clientConfig.otherProfile": (
            "{0} sends {1} to \"{2}\", another cloudcred profile than the one checked (\"{3}\")",
            "{0} 把 {1} 交给 “{2}”，与本次检查的 cloudcred 配置档案（“{3}”）不同"),
        "clientConfig.otherProfile.fix": ("check with --tool-profile, or run: cloudcred configure-docker {1}", "请用 --tool-profile 检查对应档案，或运行：cloudcred configure-docker {1}"),
        "clientConfig.otherHelper": (
            "{0} sends {1} to another credential helper, \"{2}\", not to cloudcred",
            "{0} 把 {1} 交给了其他凭证助手 “{2}”，而不是 cloudcred"),
        "clientConfig.otherHelper.fix": ("run: cloudcred configure-docker {1} (replaces the entry with \"{3}\")", "请运行：cloudcred configure-docker {1}（将条目改为 “{3}”）"),
        "clientConfig.helperMissing": (
            "{0} is not on PATH: docker fails with `exec: \"{0}\": executable file not found in $PATH` (BuildKit: `error getting credentials`)",
            "PATH 中找不到 {0}：docker 会报 `exec: \"{0}\": executable file not found in $PATH`（BuildKit：`error getting credentials`）"),
        "clientConfig.helperMissing.fix": (
            "install cloudcred and docker-credential-cloudcred in one directory of PATH (PATH is {1}); under sudo, root's PATH counts",
            "请把 cloudcred 和 docker-credential-cloudcred 安装到 PATH 中的同一目录（当前 PATH 为 {1}）；使用 sudo 时以 root 的 PATH 为准"),
        "clientConfig.helperFound": ("docker runs {0} ({1})", "docker 会运行 {0}（{1}）"),
        "clientConfig.helperVersion": (
            "{0} is version {1}, this cloudcred is {2}: the helper and the program it hands over to should come from the same release",
            "{0} 的版本是 {1}，而本 cloudcred 是 {2}：helper 与 cloudcred 应来自同一版本"),
        "clientConfig.helperVersion.fix": ("install both executables from the same release", "请安装同一版本的两个可执行文件"),
        "clientConfig.credHelper": (
            "{0} sends {1} to {2} ({3})", "{0} 把 {1} 交给 {2}（{3}）"),
        "clientConfig.podmanHelper": ("podman: {0} sends {1} to {2}", "podman：{0} 把 {1} 交给 {2}"),
        "clientConfig.podmanAuths": (
            "podman: {0} holds a saved password for {1}, which podman uses as is (podman ignores credsStore)",
            "podman：{0} 中保存了 {1} 的密码，podman 会直接使用它（podman 不支持 credsStore）"),
        "clientConfig.podmanAuths.fix": ("podman logout {1}, then: cloudcred configure-podman {1}", "请运行 podman logout {1}，然后：cloudcred configure-podman {1}"),
        "clientConfig.podmanNone": (
            "podman finds no entry for {0} in its auth files ({1}) and pulls anonymously",
            "podman 在其认证文件（{1}）中找不到 {0} 的条目，会匿名拉取"),
        "clientConfig.podmanNone.fix": ("run: cloudcred configure-podman {0}", "请运行：cloudcred configure-podman {0}"),
    ]
}
