import Foundation

/// One place a secret showed where it must not.
public struct LeakFinding: Sendable, CustomStringConvertible, Hashable {
    /// Where: `<scenario> <command> stderr`, a file path, `log`, … .
    public var channel: String
    /// 1-based line in the channel's text.
    public var line: Int
    /// `canary:<name>`, `canary-fragment` or `pattern:<name>`.
    public var rule: String
    /// The line around the hit with the secret itself replaced by `<rule len=N>`.
    public var excerpt: String

    public init(channel: String, line: Int, rule: String, excerpt: String) {
        self.channel = channel
        self.line = line
        self.rule = rule
        self.excerpt = excerpt
    }

    public var description: String { "\(channel):\(line): \(rule): \(excerpt)" }
}

/// Finds canaries (as written, base64-encoded, or cut off after the marker) and generic secret shapes in text.
public struct LeakScanner: Sendable {
    public let rules: LeakRules
    private let needles: [(rule: String, value: String)]

    public init(rules: LeakRules) {
        self.rules = rules
        var needles: [(rule: String, value: String)] = []
        for canary in rules.canaries {
            needles.append(("canary:\(canary.name)", canary.value))
            for encoded in Self.base64Fragments(of: canary.value) {
                needles.append(("canary:\(canary.name)(base64)", encoded))
            }
        }
        self.needles = needles
    }

    /// Words (lower-case) without which a pattern cannot match: a line without any is not run through its regex.
    static let triggers: [String: [String]] = [
        "authorization-header": ["authorization"], "signature-value": ["signature"], "security-token-value": ["security"],
        "access-key-secret-value": ["secret"], "password-value": ["password", "passwd", "secret"],
        "docker-login-password": ["docker login"], "sts-token-shape": ["cais"], "jwt-shape": ["eyj"],
    ]

    /// Every finding in `text`, reported under `channel`.
    public func scan(_ text: String, channel: String) -> [LeakFinding] {
        // Whole-text checks first (fast), so the per-line work only runs for what is there at all.
        let present = needles.filter { text.contains($0.value) }
        let hasMarker = text.contains(LeakRules.marker)
        let lowerText = text.lowercased()
        let patterns = rules.patterns.compactMap { pattern -> (LeakRules.Pattern, [String]?)? in
            guard let words = Self.triggers[pattern.name] else { return (pattern, nil) }
            return words.contains(where: lowerText.contains) ? (pattern, words) : nil
        }
        guard !present.isEmpty || hasMarker || !patterns.isEmpty else { return [] }
        var findings: [LeakFinding] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !line.isEmpty {
            var secrets: [(rule: String, range: Range<Substring.Index>)] = []
            for needle in present {
                for range in line.ranges(of: needle.value) { secrets.append((needle.rule, range)) }
            }
            if secrets.isEmpty, hasMarker {
                for range in line.ranges(of: LeakRules.marker) { secrets.append(("canary-fragment", range)) }
            }
            let lowerLine = patterns.isEmpty ? "" : line.lowercased()
            for (pattern, words) in patterns where words?.contains(where: lowerLine.contains) ?? true {
                for match in line.matches(of: pattern.regex) { secrets.append(("pattern:\(pattern.name)", match.range)) }
            }
            for secret in secrets {
                findings.append(LeakFinding(
                    channel: channel, line: index + 1, rule: secret.rule,
                    excerpt: Self.excerpt(of: line, hiding: secrets.map { $0.range }, around: secret.range)))
            }
        }
        return findings
    }

    /// The line with every secret range replaced by `<secret len=N>`, cut to ~160 characters around `focus`.
    static func excerpt(of line: Substring, hiding ranges: [Range<Substring.Index>], around focus: Range<Substring.Index>) -> String {
        let start = line.index(focus.lowerBound, offsetBy: -80, limitedBy: line.startIndex) ?? line.startIndex
        let end = line.index(focus.upperBound, offsetBy: 80, limitedBy: line.endIndex) ?? line.endIndex
        var out = ""
        var cursor = start
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) where range.upperBound > cursor && range.lowerBound < end {
            if range.lowerBound > cursor { out += line[cursor..<range.lowerBound] }
            out += "<secret len=\(line[range].count)>"
            cursor = range.upperBound
        }
        if cursor < end { out += line[cursor..<end] }
        return (start > line.startIndex ? "…" : "") + out + (end < line.endIndex ? "…" : "")
    }

    /// Substrings that appear in the base64 of any text holding `value`, whatever its offset (the three alignments,
    /// without the characters that depend on the neighbours).
    static func base64Fragments(of value: String) -> [String] {
        let bytes = Array(value.utf8)
        return (0..<3).compactMap { shift in
            let padded = [UInt8](repeating: 0, count: shift) + bytes
            let encoded = Array(Data(padded).base64EncodedString().utf8)
            // The first ceil(shift * 4 / 3) characters mix in the padding; the last group mixes in what follows.
            let head = (shift * 4 + 2) / 3
            let usable = ((shift + bytes.count) / 3) * 4
            guard usable - head >= 12 else { return nil }
            return String(decoding: encoded[head..<usable], as: UTF8.self)
        }
    }
}
