extension RegistryHosts {
    /// Longest server URL a message quotes in full.
    public static let maxQuotedLength = 100

    /// `serverURL` as a message may quote it: in double quotes, on one line, without anything before its last `@` (a
    /// `user:password@` part is a secret people paste by mistake), control characters shown as `?`, and cut to
    /// ``maxQuotedLength`` characters.
    public static func quoted(_ serverURL: String) -> String {
        var text = Substring(serverURL)
        let authorityStart = text.firstRange(of: "://")?.upperBound ?? text.startIndex
        // Up to the last `@` anywhere: a garbled URL (`https://u:p//u:secret@host/`) must not keep a password in front.
        if let at = text[authorityStart...].lastIndex(of: "@") {
            text = text[..<authorityStart] + text[text.index(after: at)...]
        }
        var shown = String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : Character($0) })
        if shown.count > maxQuotedLength { shown = String(shown.prefix(maxQuotedLength)) + "…" }
        return "\"" + shown + "\""
    }
}
