/// Masks identifiers and secrets for display and logs.
public enum Redact {
    /// For example `LTAI5tQxpeqgx5JvWsUV3FjV` → `LTAI****3FjV`; short ids show only `****`.
    public static func accessKeyId(_ id: String) -> String {
        let chars = Array(id)
        guard chars.count >= 12 else { return "****" }
        return String(chars.prefix(4)) + "****" + String(chars.suffix(4))
    }

    /// A secret never shows: an empty one shows as `""`, any other as `******`.
    public static func secret(_ value: String) -> String {
        value.isEmpty ? "\"\"" : "******"
    }

    /// Replaces every occurrence of each secret in `text` with `******` (for messages that
    /// may quote a server's answer). Secrets shorter than 4 characters are left alone.
    public static func scrub(_ text: String, secrets: [String]) -> String {
        var out = text
        for secret in secrets where secret.count >= 4 {
            out = out.replacing(secret, with: "******")
        }
        return out
    }
}
