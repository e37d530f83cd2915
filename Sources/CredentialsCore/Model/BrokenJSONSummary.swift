/// What an error message may show of a body that looks like JSON but does not parse (cut short by a proxy or a
/// dropped connection, or garbled): only the members that explain an error, never the rest.
///
/// Masking secret-looking keys is not enough here: in a garbled document the key in front of a secret may itself be
/// garbled (`"ref"Example…resh_token": "<token>"`), so nothing in the text says which strings are secrets. Only the
/// string values of a few well-known, informative keys are kept, and those are masked too.
enum BrokenJSONSummary {
    /// Keys whose string values explain an error (compared lower-cased).
    static let informativeKeys: Set<String> = [
        "code", "message", "requestid", "hostid", "recommend", "error", "error_description", "errorcode", "errormessage",
        "error_code", "error_msg",
    ]

    /// Longest value kept per key.
    static let maxValueLength = 160

    /// Whether `text` starts (after white space) like a JSON object or array.
    static func looksLikeJSON(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first(where: { !$0.properties.isWhitespace }) else { return false }
        return first == "{" || first == "["
    }

    /// `JSON that does not parse (N bytes); Code: …, Message: …, RequestId: …` with the informative members found.
    static func render(_ body: [UInt8]) -> String {
        let members = informativeMembers(body)
        let head = "JSON that does not parse (\(body.count) bytes)"
        guard !members.isEmpty else { return head }
        return head + "; " + members.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
    }

    /// `"key": "value"` pairs with an informative key and a complete, closed string value, in order, each key once.
    static func informativeMembers(_ body: [UInt8]) -> [(key: String, value: String)] {
        var found: [(key: String, value: String)] = []
        var index = 0
        while index < body.count {
            // Every quote is tried as the start of a key: in a garbled document the pairing of quotes may be off.
            let start = index
            index += 1
            guard body[start] == UInt8(ascii: "\""), let (key, afterKey) = closedString(body, from: start),
                informativeKeys.contains(key.lowercased()), !found.contains(where: { $0.key == key })
            else { continue }
            var cursor = skipSpaces(body, from: afterKey)
            guard cursor < body.count, body[cursor] == UInt8(ascii: ":") else { continue }
            cursor = skipSpaces(body, from: cursor + 1)
            guard cursor < body.count, body[cursor] == UInt8(ascii: "\""), let (value, afterValue) = closedString(body, from: cursor) else {
                continue
            }
            index = afterValue
            var shown = OneLine.escaping(SecretTextMask.mask(value))
            if shown.count > maxValueLength { shown = String(shown.prefix(maxValueLength)) + "…" }
            found.append((key, shown))
        }
        return found
    }

    /// The raw text of the string that opens at `start` (a quote) and its end, or nil when it is not closed on the
    /// same line.
    private static func closedString(_ body: [UInt8], from start: Int) -> (String, Int)? {
        var end = start + 1
        while end < body.count, body[end] != UInt8(ascii: "\"") {
            if body[end] == UInt8(ascii: "\n") { return nil }
            end += body[end] == UInt8(ascii: "\\") ? 2 : 1
        }
        guard end < body.count else { return nil }
        return (String(decoding: body[(start + 1)..<end], as: UTF8.self), end + 1)
    }

    private static func skipSpaces(_ body: [UInt8], from start: Int) -> Int {
        var cursor = start
        while cursor < body.count, body[cursor] == UInt8(ascii: " ") || body[cursor] == UInt8(ascii: "\t") { cursor += 1 }
        return cursor
    }
}
