extension MessageCatalogue {
    /// `clock`.
    static let clock: [String: Entry] = [
        "clock.ok": ("the local clock is within {0} s of {1}'s (server {2})", "本地时钟与 {1} 相差 {0} 秒（服务器时间 {2}）"),
        "clock.skewed": (
            "the local clock is {0} s off {1}'s (server {2}, local {3}): signed requests fail at about 15 minutes",
            "本地时钟与 {1} 相差 {0} 秒（服务器 {2}，本地 {3}）：偏差约 15 分钟时签名请求就会失败"),
        "clock.skewed.fix": ("sync the clock: timedatectl set-ntp true (or chronyd/ntpd)", "请同步时钟：timedatectl set-ntp true（或使用 chronyd/ntpd）"),
        "clock.skewedTooFar": (
            "the local clock is {0} s off {1}'s (server {2}, local {3}): APIs refuse the signatures (`InvalidTimeStamp.Expired`, Huawei `signature expired`)",
            "本地时钟与 {1} 相差 {0} 秒（服务器 {2}，本地 {3}）：API 会拒绝签名（`InvalidTimeStamp.Expired`，华为云 `signature expired`）"),
        "clock.skewedTooFar.fix": ("sync the clock: timedatectl set-ntp true (or chronyd/ntpd), then run again", "请同步时钟：timedatectl set-ntp true（或使用 chronyd/ntpd），然后重新运行"),
        "clock.unreachable": ("could not read the time of {0}: {1}", "无法读取 {0} 的时间：{1}"),
        "clock.unreachable.fix": ("see the network finding for {0}", "请参见 {0} 的网络检查结果"),
        "clock.noDate": ("{0} answered without a Date header; the clock was not compared", "{0} 的响应没有 Date 头，未比较时钟"),
    ]

    /// `network`.
    static let network: [String: Entry] = [
        "network.ok": ("{0}: {1}; {2}; certificate from {3}, valid until {4}", "{0}：{1}；{2}；证书由 {3} 签发，有效期至 {4}"),
        "network.okNoCertificate": ("{0}: {1}; {2}", "{0}：{1}；{2}"),
        "network.certificateExpiring": (
            "{0}: the certificate (from {2}) expires on {1}", "{0}：证书（由 {2} 签发）将于 {1} 过期"),
        "network.certificateExpiring.fix": ("renew the certificate of the custom domain before that day", "请在此之前更新自定义域名的证书"),
        "network.dnsNotFound": (
            "{0} does not resolve (`dial tcp: lookup {0}: no such host`): the name is misspelt or does not exist",
            "{0} 无法解析（`dial tcp: lookup {0}: no such host`）：地址拼写有误或不存在"),
        "network.dnsNotFound.fix": (
            "copy the address from the console (region id, instance name, domain); check /etc/resolv.conf if other names fail too",
            "请从控制台复制地址（地域 ID、实例名、域名）；如其他域名也无法解析，请检查 /etc/resolv.conf"),
        "network.vpcOutside": (
            "{0} does not resolve here: VPC addresses resolve only inside their VPC",
            "{0} 在此处无法解析：VPC 地址只能在其 VPC 内解析"),
        "network.vpcOutside.fix": ("outside the VPC use {1}", "在 VPC 之外请使用 {1}"),
        "network.dnsFailed": ("{0} could not be resolved: {1}", "无法解析 {0}：{1}"),
        "network.dnsFailed.fix": ("check the DNS servers (/etc/resolv.conf) and the network connection", "请检查 DNS 服务器（/etc/resolv.conf）和网络连接"),
        "network.dnsTimeout": ("resolving {0} took longer than {1} s", "解析 {0} 超过 {1} 秒"),
        "network.dnsTimeout.fix": ("check the DNS servers (/etc/resolv.conf)", "请检查 DNS 服务器（/etc/resolv.conf）"),
        "network.refused": ("{0} ({1}) refused the connection", "{0}（{1}）拒绝了连接"),
        "network.refused.fix": ("check the port and any firewall in between", "请检查端口以及中间的防火墙"),
        "network.connectTimeout": (
            "no TCP connection to {0} ({1}) within the time limit (`i/o timeout`): a firewall drops it, or the network has no route",
            "在时限内无法与 {0}（{1}）建立 TCP 连接（`i/o timeout`）：被防火墙丢弃，或没有网络路由"),
        "network.connectTimeout.fix": (
            "check security groups, firewalls and the proxy (HTTPS_PROXY; the Docker daemon has its own proxy settings)",
            "请检查安全组、防火墙和代理（HTTPS_PROXY；Docker 守护进程有自己的代理设置）"),
        "network.vpcTimeout": ("{0} does not answer: it is a VPC address, reachable only inside its VPC", "{0} 无响应：这是 VPC 地址，只能在其 VPC 内访问"),
        "network.vpcTimeout.fix": ("outside the VPC use {1}", "在 VPC 之外请使用 {1}"),
        "network.connectFailed": ("connecting to {0} failed: {1}", "连接 {0} 失败：{1}"),
        "network.connectFailed.fix": ("check the network connection and firewalls", "请检查网络连接和防火墙"),
        "network.tlsTimeout": (
            "{0}: TCP connects but the TLS handshake does not finish (`net/http: TLS handshake timeout`): a firewall or filter in between, or a slow cross-border link",
            "{0}：TCP 已连接，但 TLS 握手未完成（`net/http: TLS handshake timeout`）：中间有防火墙或过滤，或跨境链路太慢"),
        "network.tlsTimeout.fix": (
            "on Alibaba Cloud use the VPC address of the registry; elsewhere set a proxy for the Docker daemon (systemd drop-in or daemon.json), or a registry in a nearer region",
            "在阿里云上请使用仓库的 VPC 地址；其他环境请为 Docker 守护进程配置代理（systemd drop-in 或 daemon.json），或使用更近地域的仓库"),
        "network.unknownAuthority": (
            "{0}: the certificate is signed by an authority this machine does not trust ({1}): `x509: certificate signed by unknown authority`",
            "{0}：证书由本机不信任的机构签发（{1}）：`x509: certificate signed by unknown authority`"),
        "network.unknownAuthority.fix": (
            "a proxy that intercepts TLS, or a custom domain with its own CA: add that CA to the system trust store (and /etc/docker/certs.d/{0}/ca.crt)",
            "可能是拦截 TLS 的代理，或使用自有 CA 的自定义域名：请将该 CA 加入系统信任库（以及 /etc/docker/certs.d/{0}/ca.crt）"),
        "network.nameMismatch": (
            "{0}: the certificate is not for this name (it names {1}): `x509: certificate is valid for …, not {0}`",
            "{0}：证书不是为此名称签发的（证书包含 {1}）：`x509: certificate is valid for …, not {0}`"),
        "network.nameMismatch.fix": (
            "use a name the certificate covers, or bind a certificate for {0} to the custom domain in the console",
            "请使用证书覆盖的名称，或在控制台为自定义域名 {0} 绑定对应证书"),
        "network.certificateExpired": ("{0}: the certificate expired on {1}", "{0}：证书已于 {1} 过期"),
        "network.certificateExpired.fix": ("renew the certificate; check that the local clock is right", "请更新证书，并确认本地时钟正确"),
        "network.tlsFailed": ("{0}: TLS failed: {1}", "{0}：TLS 失败：{1}"),
        "network.tlsFailed.fix": ("check for a proxy or middlebox that breaks TLS", "请检查是否有代理或中间设备破坏了 TLS"),
        "network.viaProxy": (
            "{0} goes through the proxy {1} (TCP to the proxy {2} ms); TLS is not checked through it, and the Docker daemon uses its own proxy settings",
            "{0} 经由代理 {1}（到代理的 TCP {2} 毫秒）；未经代理检查 TLS，且 Docker 守护进程使用自己的代理设置"),
        "network.proxyUnreachable": ("{0} goes through the proxy {1}, which cannot be reached", "{0} 经由代理 {1}，但无法连接该代理"),
        "network.proxyUnreachable.fix": ("fix HTTPS_PROXY, or add {0} to NO_PROXY", "请修正 HTTPS_PROXY，或把 {0} 加入 NO_PROXY"),
        "network.emulator": (
            "CLOUDCRED_CONNECT_TO={1}: requests for {0} go to the emulator over plain HTTP; DNS, TLS and proxies of the real endpoint were not checked",
            "CLOUDCRED_CONNECT_TO={1}：发往 {0} 的请求通过明文 HTTP 转到模拟器；未检查真实地址的 DNS、TLS 和代理"),
        "network.emulator.fix": ("unset CLOUDCRED_CONNECT_TO to check the real network", "要检查真实网络，请取消 CLOUDCRED_CONNECT_TO"),
        "network.emulatorDown": ("CLOUDCRED_CONNECT_TO={1}, but nothing listens there (requests for {0} fail)", "CLOUDCRED_CONNECT_TO={1}，但该地址没有服务在监听（发往 {0} 的请求会失败）"),
        "network.emulatorDown.fix": ("start it: cloudcred emulator; or unset CLOUDCRED_CONNECT_TO", "请启动模拟器：cloudcred emulator；或取消 CLOUDCRED_CONNECT_TO"),
        "network.connectToInvalid": ("CLOUDCRED_CONNECT_TO={0} is not HOST:PORT on loopback", "CLOUDCRED_CONNECT_TO={0} 不是回环地址上的 HOST:PORT"),
        "network.connectToInvalid.fix": ("set it to 127.0.0.1:PORT or unset it", "请设为 127.0.0.1:PORT 或取消它"),
    ]
}
