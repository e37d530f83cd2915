/// Normalizing server URLs and recognising the registry hosts cloudcred answers for by itself.
public enum RegistryHosts {
    /// The registry host in a server URL as docker, podman, skopeo, buildah, nerdctl and scripts send it.
    ///
    /// * The scheme (`https://`), userinfo (`user:pass@`), path, query and fragment are dropped.
    /// * The result is lower-case; one trailing dot (`registry.example.com.`) is dropped.
    /// * `:443` is dropped (it is the default); any other port is kept: `images.example.com:5000`.
    /// * Labels are letters, digits, `-` and `_`, at most 63 characters, 253 in all; IPv6 literals keep
    ///   their brackets (`[::1]:5000`).
    ///
    /// Returns nil for empty or malformed input (spaces, `..`, a bad port, a bare scheme).
    public static func normalize(_ serverURL: String) -> String? {
        var text = Substring(serverURL.trimmingASCIIWhitespace)
        if let scheme = text.firstRange(of: "://") {
            let name = text[..<scheme.lowerBound]
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }) else { return nil }
            text = text[scheme.upperBound...]
        }
        if let end = text.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
            text = text[..<end]
        }
        if let at = text.lastIndex(of: "@") {
            text = text[text.index(after: at)...]
        }
        let authority = text.lowercased()
        guard !authority.isEmpty else { return nil }
        return validatedAuthority(Substring(authority))
    }

    /// The built-in patterns only (no tool config): the target for an ACR or SWR host, or nil for every
    /// other host, for a host with a port other than 443, and for look-alikes such as
    /// `registry.cn-hangzhou.aliyuncs.com.evil.example`. Accepts a server URL (normalized first).
    ///
    /// | kind | host |
    /// |---|---|
    /// | ``RegistryKind/acrShared`` | `registry[-intl][-vpc\|-internal].<region>.aliyuncs.com` |
    /// | ``RegistryKind/acrEnterprise`` | `<name>-registry[-vpc].<region>.cr.aliyuncs.com` |
    /// | ``RegistryKind/acrPersonal`` | `crpi-<id>[-vpc].<region>.personal.cr.aliyuncs.com` |
    /// | ``RegistryKind/swr`` | `swr.<region>.myhuaweicloud.com`, `swr.<region>.myhuaweicloud.eu`, `swr.<region>.otc.t-systems.com` |
    public static func classify(_ serverURL: String) -> RegistryTarget? {
        guard let host = normalize(serverURL) else { return nil }
        return classifyNormalized(host)
    }

    /// ``classify(_:)`` for a host that is already normalized.
    static func classifyNormalized(_ host: String) -> RegistryTarget? {
        guard !host.contains(":") else { return nil }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        return ACRHostPattern.match(host: host, labels: labels) ?? SWRHostPattern.match(host: host, labels: labels)
    }

    /// `name[:port]` checked label by label; `:443` dropped.
    private static func validatedAuthority(_ authority: Substring) -> String? {
        var name = authority
        var port: Int?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            name = authority[...close]
            let rest = authority[authority.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":"), let value = HostName.parsePort(rest.dropFirst()) else { return nil }
                port = value
            }
            guard HostName.isIPv6Literal(name) else { return nil }
        } else {
            if let colon = authority.firstIndex(of: ":") {
                guard let value = HostName.parsePort(authority[authority.index(after: colon)...]) else { return nil }
                port = value
                name = authority[..<colon]
            }
            if name.hasSuffix(".") { name = name.dropLast() }
            guard !name.isEmpty, name.utf8.count <= HostName.maximumLength,
                  name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy(HostName.isLabel)
            else { return nil }
        }
        guard let port, port != 443 else { return String(name) }
        return "\(name):\(port)"
    }
}

extension String {
    /// The text without leading and trailing ASCII whitespace (space, tab, CR, LF, VT, FF).
    var trimmingASCIIWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\u{0B}" || $0 == "\u{0C}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
