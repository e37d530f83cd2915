
/// Renders a server's response body for an error message without anything that could be a credential.
///
/// The Python library puts the raw body into its messages; cloudcred keeps its shape, `Code`,
/// `Message`, `RequestId` and the like, but masks every secret-looking field and shows AccessKey IDs masked.
public enum SafeBody {
    /// Longest text kept from a body that is not JSON.
    public static let maxPlainText = 256

    /// The body as one line: JSON with secret-looking members masked; for JSON that does not parse (a credentials
    /// answer cut short still holds credentials, and a garbled key no longer says which value is secret) only its
    /// size and its `Code`/`Message`/`RequestId`-like members; for other text at most ``maxPlainText`` characters in
    /// which the values of secret-looking keys are masked (``SecretTextMask``).
    public static func render(_ body: [UInt8]) -> String {
        if let value = try? JSONValue.parse(body) {
            return masked(value).serialized(style: .python)
        }
        let raw = String(decoding: body, as: UTF8.self)
        if BrokenJSONSummary.looksLikeJSON(raw) { return BrokenJSONSummary.render(body) }
        let text = SecretTextMask.mask(raw)
        let oneLine = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
        return oneLine.count > maxPlainText ? String(oneLine.prefix(maxPlainText)) + "…" : oneLine
    }

    /// A copy of `value` with secret-looking members masked and AccessKey IDs shortened.
    public static func masked(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            var copy = JSONObject()
            for (key, member) in object {
                copy[key] = maskedMember(key: key, value: member)
            }
            return .object(copy)
        case .array(let items):
            return .array(items.map(masked))
        default:
            return value
        }
    }

    private static func maskedMember(key: String, value: JSONValue) -> JSONValue {
        let lower = key.lowercased()
        if case .string(let text) = value {
            if SecretTextMask.isSecretKey(key) {
                return .string(Redact.secret(text))
            }
            if lower.hasSuffix("accesskeyid") || lower == "access_key_id" || lower == "sessionaccesskeyid" {
                return .string(Redact.accessKeyId(text))
            }
            // A `Message` may quote the request: its Authorization header, or the string to sign with the token.
            return .string(SecretTextMask.mask(text))
        }
        return masked(value)
    }
}
