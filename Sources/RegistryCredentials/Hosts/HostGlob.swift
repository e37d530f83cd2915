/// A `match` pattern of the tool config: an exact `host[:port]`, or a glob where `*` stands for any run of
/// characters inside one label (`*.cn-shanghai.cr.aliyuncs.com`, `team-*-registry.cn-hangzhou.cr.aliyuncs.com`).
/// A `*` never crosses a `.`, and a port must match exactly.
struct HostGlob: Sendable, Hashable {
    /// The pattern, lower-case, `:443` dropped.
    let pattern: String
    private let labels: [Substring]
    private let port: Int?

    /// Checks and folds a pattern; nil when it is not a host name, with or without `*` and a port.
    init?(_ text: String) {
        let lowered = text.lowercased()
        let (name, port) = HostName.split(lowered)
        if lowered.contains(":") && port == nil { return nil }
        if let port, !(1...65535).contains(port) { return nil }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard !name.isEmpty, name.utf8.count <= HostName.maximumLength else { return nil }
        for label in labels {
            let withoutStars = label.filter { $0 != "*" }
            if withoutStars.isEmpty {
                guard !label.isEmpty else { return nil }
                continue
            }
            // Every label must be one a normalized host can have (no leading or trailing `-`, at most 63 bytes),
            // or the rule would be accepted and silently never match.
            if withoutStars.count == label.count {
                guard HostName.isLabel(label) else { return nil }
            } else {
                guard label.utf8.count <= 63, label.first != "-", label.last != "-",
                    withoutStars.utf8.allSatisfy({ HostName.isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") })
                else { return nil }
            }
        }
        self.labels = labels
        self.port = port == 443 ? nil : port
        self.pattern = self.port.map { "\(name):\($0)" } ?? name
    }

    /// True when the pattern has no `*`.
    var isExact: Bool { !pattern.contains("*") }

    /// True when the normalized `host` (`name[:port]`) matches.
    func matches(_ host: String) -> Bool {
        if isExact { return host == pattern }
        let (name, hostPort) = HostName.split(host)
        guard hostPort == port else { return false }
        let hostLabels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard hostLabels.count == labels.count else { return false }
        return zip(labels, hostLabels).allSatisfy { HostGlob.label($0.0, matches: $0.1) }
    }

    /// Wildcard match of one label (`*` = any run of characters), iterative with backtracking to the last star.
    static func label(_ pattern: Substring, matches text: Substring) -> Bool {
        let p = Array(pattern.utf8)
        let t = Array(text.utf8)
        var pi = 0, ti = 0
        var star = -1, mark = 0
        while ti < t.count {
            if pi < p.count && p[pi] != UInt8(ascii: "*") && p[pi] == t[ti] {
                pi += 1
                ti += 1
            } else if pi < p.count && p[pi] == UInt8(ascii: "*") {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }
}
