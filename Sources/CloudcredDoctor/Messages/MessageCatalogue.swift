/// Every sentence of the doctor, in English and Simplified Chinese, by key. A finding's cause is `<key>`, its fix
/// `<key>.fix`; `{0}`, `{1}`, … are replaced by the finding's arguments. The parts live in one file per check.
enum MessageCatalogue {
    /// One sentence in both languages.
    typealias Entry = (en: String, zh: String)

    /// All entries.
    static let entries: [String: Entry] = {
        var all: [String: Entry] = [:]
        let parts: [[String: Entry]] = [general, host, clientConfig, credentials, credentialSources, clock, network, tokenAPI, registry, cache, helper]
        for part in parts { all.merge(part) { first, _ in first } }
        return all
    }()

    /// True when the catalogue has `key`.
    static func has(_ key: String) -> Bool { entries[key] != nil }

    /// The template of `key` in `language`.
    static func template(_ key: String, language: DoctorLanguage) -> String? {
        guard let entry = entries[key] else { return nil }
        return language == .chinese ? entry.zh : entry.en
    }

    /// `template` with `{i}` replaced by `arguments[i]` (a missing argument becomes `?`).
    static func fill(_ template: String, _ arguments: [String]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}"), let index = Int(rest[afterOpen..<close]) else {
                out.append("{")
                rest = rest[afterOpen...]
                continue
            }
            out += index < arguments.count ? arguments[index] : "?"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// Labels of the report itself.
    static let general: [String: Entry] = [
        "report.title": ("cloudcred doctor: {0}", "cloudcred doctor：{0}"),
        "report.fixLabel": ("fix: ", "解决："),
        "report.summary": ("{0} failed, {1} warnings, {2} ok (exit {3})", "失败 {0} 项，警告 {1} 项，正常 {2} 项（退出码 {3}）"),
        "status.ok": ("ok", "正常"),
        "status.warn": ("warn", "警告"),
        "status.fail": ("FAIL", "失败"),
        "text": ("{0}", "{0}"),
        "doctor.outOfTime": (
            "not run: the time limit of {0} s was used up by the checks before",
            "未执行：{0} 秒的时间限制已被前面的检查用完"),
        "doctor.outOfTime.fix": (
            "run again with a larger --timeout, or fix the checks that timed out first",
            "用更大的 --timeout 重新运行，或先解决超时的检查项"),
    ]
}
