/// Keeps a message on one line when it quotes text from a file or a user: line breaks and tabs are shown escaped
/// (`\n`, `\r`, `\t`), other control characters as `?`.
public enum OneLine {
    /// `text` with its control characters escaped.
    public static func escaping(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar.properties.generalCategory == .control ? "?" : scalar)
            }
        }
        return out
    }
}
