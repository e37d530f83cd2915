extension RegistryHosts {
    /// Longest server URL a message quotes in full.
    public static let maxQuotedLength = 100

    /// `serverURL` as a message may quote it: in double quotes, on one line, without user-info (a
    /// `user:password@` part is a secret people paste by mistake), control characters shown as `?`, and cut to
    /// ``maxQuotedLength`` characters.
    public static func quoted(_ serverURL: String) -> String {
        var text = Substring(serverURL)
        let authorityStart = text.firstRange(of: "://")?.upperBound ?? text.startIndex
        let authorityEnd = text[authorityStart...].firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? text.endIndex
        if let at = text[authorityStart..<authorityEnd].lastIndex(of: "@") {
            text = text[..<authorityStart] + text[text.index(after: at)...]
        }
        var shown = String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : Character($0) })
        if shown.count > maxQuotedLength { shown = String(shown.prefix(maxQuotedLength)) + "…" }
        return "\"" + shown + "\""
    }
}
