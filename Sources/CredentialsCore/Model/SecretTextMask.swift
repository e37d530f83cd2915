/// Masks the values of secret-looking keys in text that is not a whole JSON document: a body cut short by a
/// proxy, HTML or XML from a gateway, a form or query string echoed back, header lines.
///
/// It is deliberately lenient: a value ends at its closing delimiter or at the end of the text, so a truncated
/// `"AccessKeySecret": "abc…` is masked too. Keys are recognised in four shapes: `"key": "value"` (JSON),
/// `<Key>value<` (XML), `key=value` and `key%3Dvalue` (forms, queries, URL-encoded strings to sign) and `Key: value`
/// (headers, up to the end of the line).
public enum SecretTextMask {
    /// Whether a field of this name holds a secret: secrets, tokens, passwords, signatures, `Authorization` and the
    /// `auth` member of docker configs.
    public static func isSecretKey(_ key: some StringProtocol) -> Bool {
        let lower = key.lowercased()
        return lower.contains("secret") || lower.contains("token") || lower.contains("password")
            || lower.contains("signature") || lower.contains("authorization") || lower == "auth"
    }

    /// `text` with the value of every secret-looking key replaced by `******`.
    public static func mask(_ text: String) -> String {
        var scanner = Scanner(Array(text.utf8))
        return scanner.run()
    }

    private struct Scanner {
        let input: [UInt8]
        var output: [UInt8] = []
        var index = 0

        init(_ input: [UInt8]) {
            self.input = input
            output.reserveCapacity(input.count)
        }

        mutating func run() -> String {
            while index < input.count {
                if let valueRange = secretValue(at: index) {
                    output += input[index..<valueRange.lowerBound]
                    output += Array("******".utf8)
                    index = valueRange.upperBound
                } else {
                    output.append(input[index])
                    index += 1
                }
            }
            return String(decoding: output, as: UTF8.self)
        }

        /// If a secret-looking key starts at `start`, the range of its value (which may run to the end).
        func secretValue(at start: Int) -> Range<Int>? {
            let byte = input[start]
            if byte == UInt8(ascii: "\"") { return jsonValue(keyStart: start + 1) }
            if byte == UInt8(ascii: "<") { return xmlValue(keyStart: start + 1) }
            guard isKeyByte(byte), start == 0 || !isKeyByte(input[start - 1]) else { return nil }
            return formOrHeaderValue(keyStart: start)
        }

        /// `"key" : "value` → the value up to its closing quote (escapes skipped) or the end.
        func jsonValue(keyStart: Int) -> Range<Int>? {
            // The whole quoted key, whatever its bytes: a garbled key (`"Ac\u{FFFD}XcessKeySecret"`) still names a secret.
            var keyEnd = keyStart
            while keyEnd < input.count, keyEnd - keyStart <= 128, input[keyEnd] != UInt8(ascii: "\""), input[keyEnd] != UInt8(ascii: "\n") {
                keyEnd += 1
            }
            guard keyEnd > keyStart, keyEnd < input.count, input[keyEnd] == UInt8(ascii: "\""),
                isSecret(keyStart..<keyEnd)
            else { return nil }
            var cursor = skipSpaces(from: keyEnd + 1)
            guard cursor < input.count, input[cursor] == UInt8(ascii: ":") else { return nil }
            cursor = skipSpaces(from: cursor + 1)
            guard cursor < input.count, input[cursor] == UInt8(ascii: "\"") else { return nil }
            let valueStart = cursor + 1
            var end = valueStart
            while end < input.count, input[end] != UInt8(ascii: "\"") {
                end += input[end] == UInt8(ascii: "\\") ? 2 : 1
            }
            return valueStart..<min(end, input.count)
        }

        /// `<Key>value` → the value up to the next `<` or the end.
        func xmlValue(keyStart: Int) -> Range<Int>? {
            let keyEnd = keyEnd(from: keyStart)
            guard keyEnd > keyStart, keyEnd < input.count, input[keyEnd] == UInt8(ascii: ">"), isSecret(keyStart..<keyEnd)
            else { return nil }
            let valueStart = keyEnd + 1
            let end = input[valueStart...].firstIndex(of: UInt8(ascii: "<")) ?? input.count
            return valueStart..<end
        }

        /// `key=value` → up to `&`, a space, a quote, `,`, `;` or the end; `Key: value` → up to the end of the line.
        func formOrHeaderValue(keyStart: Int) -> Range<Int>? {
            let keyEnd = keyEnd(from: keyStart)
            guard keyEnd > keyStart, keyEnd < input.count, isSecret(keyStart..<keyEnd) else { return nil }
            if input[keyEnd] == UInt8(ascii: "=") {
                let valueStart = keyEnd + 1
                let end = input[valueStart...].firstIndex(where: isFormTerminator) ?? input.count
                return end > valueStart ? valueStart..<end : nil
            }
            if hasPercentEncodedEquals(at: keyEnd) {
                // `key%3Dvalue` in a URL-encoded string to sign, e.g. STS's SignatureDoesNotMatch message.
                let valueStart = keyEnd + 3
                var end = valueStart
                while end < input.count, !isFormTerminator(input[end]), !hasPercentEncodedAmpersand(at: end) { end += 1 }
                return end > valueStart ? valueStart..<end : nil
            }
            if input[keyEnd] == UInt8(ascii: ":") {
                let valueStart = skipSpaces(from: keyEnd + 1)
                guard valueStart < input.count, input[valueStart] != UInt8(ascii: "\""), input[valueStart] != UInt8(ascii: "{"),
                    input[valueStart] != UInt8(ascii: "[")
                else { return nil }
                let end = input[valueStart...].firstIndex { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") } ?? input.count
                return end > valueStart ? valueStart..<end : nil
            }
            return nil
        }

        func hasPercentEncodedEquals(at index: Int) -> Bool {
            index + 2 < input.count && input[index] == UInt8(ascii: "%") && input[index + 1] == UInt8(ascii: "3")
                && (input[index + 2] | 0x20) == UInt8(ascii: "d")
        }

        func hasPercentEncodedAmpersand(at index: Int) -> Bool {
            index + 2 < input.count && input[index] == UInt8(ascii: "%") && input[index + 1] == UInt8(ascii: "2")
                && input[index + 2] == UInt8(ascii: "6")
        }

        func keyEnd(from start: Int) -> Int {
            var end = start
            while end < input.count, end - start <= 64, isKeyByte(input[end]) { end += 1 }
            return end
        }

        func skipSpaces(from start: Int) -> Int {
            var cursor = start
            while cursor < input.count, input[cursor] == UInt8(ascii: " ") || input[cursor] == UInt8(ascii: "\t") { cursor += 1 }
            return cursor
        }

        func isSecret(_ range: Range<Int>) -> Bool {
            SecretTextMask.isSecretKey(String(decoding: input[range], as: UTF8.self))
        }

        func isKeyByte(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".")
        }

        func isFormTerminator(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: ",")
                || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "<")
        }
    }
}
