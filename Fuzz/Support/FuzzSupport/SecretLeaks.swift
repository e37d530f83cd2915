/// The "no secret in an error message" invariant, checked metamorphically so that it never fires by coincidence.
///
/// 1. The secret-looking values of the input are collected leniently from its raw bytes (it may be broken):
///    JSON members `"<key>": "<value>"` and INI lines `<key> = <value>` whose key names a secret
///    (``isSecretKey(_:)``), and the password of URL user-info (`scheme://user:<password>@host`).
/// 2. A value counts only when it is at least 8 characters of `[A-Za-z0-9+/=._~-]` (so no escape can hide
///    or fake it), has 6 or more letters or digits, and occurs in the input only as such a value.
/// 3. When the rendered text (an error message and hint) contains one, every occurrence in the input is
///    replaced by a same-length variant (each letter and digit shifted by one) and the input rendered again.
///    If the variant shows up in that second text, the text is quoting the secret: the check fails.
public enum SecretLeaks {
    /// One secret-looking value found in an input.
    public struct Candidate: Hashable, Sendable {
        /// The key (or `URL user-info`) that holds it.
        public var key: String
        /// The value as written.
        public var value: String
    }

    /// A known, reported leak the caller tolerates, so fuzzing can go on looking for others.
    public struct Tolerance: Sendable {
        /// Short id used in reports (`docs/RELIABILITY.md`).
        public var id: String
        /// True when this leak is the known one.
        public var applies: @Sendable (_ input: [UInt8], _ candidate: Candidate, _ text: String) -> Bool

        /// A tolerance named `id`.
        public init(id: String, applies: @escaping @Sendable (_ input: [UInt8], _ candidate: Candidate, _ text: String) -> Bool) {
            self.id = id
            self.applies = applies
        }
    }

    /// Checks that `text`, what `render` made of `input` (nil: no error, nothing to check), quotes none of the
    /// input's secrets; `render` is called again only for the variant inputs of step 3.
    ///
    /// A leak explained by one of `tolerated` is counted (``Strictness``) instead of failing.
    public static func check(
        _ input: [UInt8], text: String?, tolerated: [Tolerance] = [], file: StaticString = #fileID, line: UInt = #line,
        render: ([UInt8]) -> String?
    ) {
        guard let text else { return }
        for candidate in candidates(in: input) where text.contains(candidate.value) {
            let valueBytes = Array(candidate.value.utf8)
            guard occursOnlyAsSecret(valueBytes, in: input) else { continue }
            let variant = shifted(valueBytes)
            guard positions(of: variant, in: input).isEmpty else { continue }
            let variantText = String(decoding: variant, as: UTF8.self)
            guard let second = render(replacing(valueBytes, with: variant, in: input)), second.contains(variantText) else { continue }
            if let tolerance = tolerated.first(where: { $0.applies(input, candidate, text) }), Strictness.tolerates(tolerance.id) {
                continue
            }
            Invariant.check(
                false, "secret leak: the value of \(candidate.key) appears in the error text \(Quoted(text))", file: file, line: line)
        }
    }

    /// True for keys that hold secrets: containing `secret`, `token`, `password`, `passwd`, `signature`,
    /// `authorization` or `private`, or exactly `auth`, `sk` or `pass` (case-insensitive); but not keys that
    /// name where secrets are kept (`secretStore`, `credsStore`) or a file holding one (`…_file`, `…_path`).
    public static func isSecretKey(_ key: String) -> Bool {
        let lower = key.lowercased()
        if lower.hasSuffix("store") || lower.hasSuffix("file") || lower.hasSuffix("path") || lower.hasSuffix("_type") { return false }
        return ["secret", "token", "password", "passwd", "signature", "authorization", "private"].contains { lower.contains($0) }
            || ["auth", "sk", "pass"].contains(lower)
    }

    /// The secret-looking values of `input` (see the type's documentation), each once.
    public static func candidates(in input: [UInt8]) -> [Candidate] {
        var found: [Candidate] = []
        for (key, range) in secretRanges(input) {
            let candidate = Candidate(key: key, value: String(decoding: input[range], as: UTF8.self))
            if !found.contains(candidate) { found.append(candidate) }
        }
        return found
    }

    /// The key reported for a URL user-info password.
    public static let userInfoKey = "URL user-info"

    /// Where the secret-looking values are: JSON members, INI options and URL user-info passwords.
    private static func secretRanges(_ input: [UInt8]) -> [(key: String, range: Range<Int>)] {
        (jsonMembers(input) + iniOptions(input)).filter { isSecretKey($0.key) && isPlausibleSecret(input[$0.range]) }
            + userInfoPasswords(input).filter { isPlausibleSecret(input[$0]) }.map { (key: userInfoKey, range: $0) }
    }

    /// True when every occurrence of `value` in `input` is one of the secret values found there.
    private static func occursOnlyAsSecret(_ value: [UInt8], in input: [UInt8]) -> Bool {
        let ranges = Set(secretRanges(input).map(\.range))
        return positions(of: value, in: input).allSatisfy { ranges.contains($0..<($0 + value.count)) }
    }

    // MARK: - Lenient scanners

    /// `"key" : "value"` with no backslash or line break in either.
    private static func jsonMembers(_ bytes: [UInt8]) -> [(key: String, range: Range<Int>)] {
        var result: [(key: String, range: Range<Int>)] = []
        let quote = UInt8(ascii: "\"")
        var i = 0
        while i < bytes.count {
            guard bytes[i] == quote, let keyEnd = closingQuote(bytes, after: i) else { i += 1; continue }
            var j = skipSpace(bytes, from: keyEnd + 1)
            guard j < bytes.count, bytes[j] == UInt8(ascii: ":") else { i = keyEnd + 1; continue }
            j = skipSpace(bytes, from: j + 1)
            guard j < bytes.count, bytes[j] == quote, let valueEnd = closingQuote(bytes, after: j) else { i = keyEnd + 1; continue }
            result.append((String(decoding: bytes[(i + 1)..<keyEnd], as: UTF8.self), (j + 1)..<valueEnd))
            i = valueEnd + 1
        }
        return result
    }

    /// `key = value` or `key: value` lines, both sides stripped.
    private static func iniOptions(_ bytes: [UInt8]) -> [(key: String, range: Range<Int>)] {
        var result: [(key: String, range: Range<Int>)] = []
        for line in bytes.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }) {
            guard let delimiter = line.firstIndex(where: { $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: ":") }) else { continue }
            let key = trimmed(line[line.startIndex..<delimiter])
            let value = trimmed(line[(delimiter + 1)...])
            result.append((String(decoding: key, as: UTF8.self), value.startIndex..<value.endIndex))
        }
        return result
    }

    /// The `<password>` of every `://user:<password>@`.
    private static func userInfoPasswords(_ bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 0
        while i + 3 <= bytes.count {
            guard bytes[i] == UInt8(ascii: ":"), bytes[i + 1] == UInt8(ascii: "/"), bytes[i + 2] == UInt8(ascii: "/") else { i += 1; continue }
            let start = i + 3
            var end = start
            while end < bytes.count, !"/?#@ \n\"".utf8.contains(bytes[end]) { end += 1 }
            if end < bytes.count, bytes[end] == UInt8(ascii: "@"), let colon = bytes[start..<end].firstIndex(of: UInt8(ascii: ":")) {
                result.append((colon + 1)..<end)
            }
            i = start
        }
        return result
    }

    private static func closingQuote(_ bytes: [UInt8], after open: Int) -> Int? {
        var k = open + 1
        while k < bytes.count, k - open <= 4096 {
            switch bytes[k] {
            case UInt8(ascii: "\""): return k
            case UInt8(ascii: "\\"), 0x0A: return nil
            default: k += 1
            }
        }
        return nil
    }

    private static func skipSpace(_ bytes: [UInt8], from start: Int) -> Int {
        var k = start
        while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x09 || bytes[k] == 0x0A || bytes[k] == 0x0D { k += 1 }
        return k
    }

    private static func trimmed(_ slice: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        guard let first = slice.firstIndex(where: { !isSpace($0) }), let last = slice.lastIndex(where: { !isSpace($0) }) else {
            return slice[slice.endIndex...]
        }
        return slice[first...last]
    }

    // MARK: - Values and their variants

    private static func isPlausibleSecret(_ value: ArraySlice<UInt8>) -> Bool {
        guard value.count >= 8, value.allSatisfy(isSecretByte) else { return false }
        return value.count(where: isAlphanumeric) >= 6
    }

    private static func isSecretByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || "+/=._~-".utf8.contains(byte)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// Each letter and digit moved to the next one of its kind (`z`→`a`, `9`→`0`); the rest kept.
    static func shifted(_ value: [UInt8]) -> [UInt8] {
        value.map { byte in
            switch byte {
            case UInt8(ascii: "z"): UInt8(ascii: "a")
            case UInt8(ascii: "Z"): UInt8(ascii: "A")
            case UInt8(ascii: "9"): UInt8(ascii: "0")
            default: isAlphanumeric(byte) ? byte + 1 : byte
            }
        }
    }

    private static func positions(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        return (0...(haystack.count - needle.count)).filter { haystack[$0] == needle[0] && haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    private static func replacing(_ needle: [UInt8], with replacement: [UInt8], in haystack: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(haystack.count)
        var i = 0
        while i < haystack.count {
            if i + needle.count <= haystack.count, haystack[i..<(i + needle.count)].elementsEqual(needle) {
                out += replacement
                i += needle.count
            } else {
                out.append(haystack[i])
                i += 1
            }
        }
        return out
    }
}
