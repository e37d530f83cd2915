/// The short report for people: one line per finding (status, check, cause), the fix under it, a summary line.
/// Coloured when asked (on a terminal without `NO_COLOR`), plain otherwise.
public struct HumanReport: Sendable {
    /// The language of causes, fixes and labels (check ids stay as they are).
    public var language: DoctorLanguage
    /// ANSI colours for the status words.
    public var color: Bool

    /// A renderer; see the properties.
    public init(language: DoctorLanguage, color: Bool) {
        self.language = language
        self.color = color
    }

    /// True when a report on this output should be coloured: a terminal, and `NO_COLOR` unset or empty.
    public static func wantsColor(isTerminal: Bool, environment: [String: String]) -> Bool {
        isTerminal && (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// The whole report, ending with a line break.
    public func render(_ report: DoctorReport) -> String {
        var lines = [bold(DoctorText("report.title", [report.host ?? "-"]).rendered(in: language))]
        var currentHost: String?
        for finding in report.findings {
            if let host = finding.host, host != currentHost {
                currentHost = host
                lines.append(bold("── \(host)"))
            }
            lines.append(line(for: finding))
            if let fix = finding.fix?.rendered(in: language), !fix.isEmpty {
                let prefix = DoctorText("report.fixLabel").rendered(in: language)
                lines.append(String(repeating: " ", count: 23) + prefix + fix)
            }
        }
        lines.append(summary(report))
        return lines.joined(separator: "\n") + "\n"
    }

    private func line(for finding: Finding) -> String {
        let word = statusWord(finding.status)
        let paddedWord = word + String(repeating: " ", count: max(1, 6 - Self.displayWidth(word)))
        let check = finding.check.rawValue.padding(to: 13)
        return "  " + colored(paddedWord, finding.status) + " " + check + " " + finding.cause.rendered(in: language)
    }

    private func summary(_ report: DoctorReport) -> String {
        let count = { (status: FindingStatus) in String(report.findings.filter { $0.status == status }.count) }
        let text = DoctorText("report.summary", [count(.fail), count(.warn), count(.ok), String(report.exitCode)]).rendered(in: language)
        return report.hasFailures ? colored(text, .fail) : text
    }

    private func statusWord(_ status: FindingStatus) -> String {
        DoctorText("status.\(status.rawValue)").rendered(in: language)
    }

    private func colored(_ text: String, _ status: FindingStatus) -> String {
        guard color else { return text }
        let code: String
        switch status {
        case .ok: code = "32"
        case .warn: code = "33"
        case .fail: code = "1;31"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    private func bold(_ text: String) -> String {
        color ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }

    /// Columns a terminal uses for `text`: two for CJK characters.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            width + ((0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
                || (0xFF00...0xFF60).contains(scalar.value) ? 2 : 1)
        }
    }
}

extension String {
    /// The text padded with spaces to `width` characters (longer text is kept whole).
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
