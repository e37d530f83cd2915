import CredentialsCore

/// The report as one JSON object for CI: `{"host": …, "findings": [{"check", "status", "cause", "fix"}]}`.
/// Check ids and statuses stay English; cause and fix follow the language; `fix` is null when there is nothing to do.
/// In a run over several hosts, each finding also has `"host"`.
public struct JSONReport: Sendable {
    /// The language of causes and fixes.
    public var language: DoctorLanguage

    /// A renderer in `language`.
    public init(language: DoctorLanguage) {
        self.language = language
    }

    /// The object, indented, ending with a line break.
    public func render(_ report: DoctorReport) -> String {
        let findings = report.findings.map { finding -> JSONValue in
            var object: JSONObject = [
                "check": .string(finding.check.rawValue),
                "status": .string(finding.status.rawValue),
                "cause": .string(finding.cause.rendered(in: language)),
            ]
            let fix = finding.fix?.rendered(in: language) ?? ""
            object["fix"] = fix.isEmpty ? .null : .string(fix)
            if let host = finding.host { object["host"] = .string(host) }
            return .object(object)
        }
        let document: JSONValue = [
            "host": report.host.map(JSONValue.string) ?? .null,
            "findings": .array(findings),
        ]
        return document.serialized(style: .pythonIndented(2)) + "\n"
    }
}
