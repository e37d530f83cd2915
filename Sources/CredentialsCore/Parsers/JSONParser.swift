extension JSONValue {
    /// The default nesting limit of `parse`: deeper documents are rejected with an error.
    public static let maximumNestingDepth = 512

    /// Parses a complete JSON text (RFC 8259, strict), reporting errors as Python's `json.loads` words them.
    ///
    /// * Leading and trailing whitespace (space, tab, CR, LF) is allowed; anything else after the value is
    ///   `Extra data`.
    /// * No trailing commas, comments, single quotes, or the `NaN`/`Infinity` tokens that Python accepts.
    /// * The input must be valid UTF-8 (checked first, as Python decodes the file before parsing); a leading
    ///   UTF-8 byte-order mark is rejected with Python's `Unexpected UTF-8 BOM` error, because the Python
    ///   library reads `config.json` as plain UTF-8 text and `json.loads` refuses the BOM.
    /// * Escapes: `\" \\ \/ \b \f \n \r \t \uXXXX`, with surrogate pairs joined. A lone surrogate escape,
    ///   which Python keeps as an unpaired code point (and then fails to write back), becomes U+FFFD.
    /// * A repeated object key keeps its first position and its last value, as a Python `dict` does.
    /// * Nesting deeper than `maximumDepth` arrays and objects is an error (Python raises `RecursionError`
    ///   at about 1000).
    ///
    /// Memory use is proportional to the input, and the parser is iterative: no input can exhaust the stack.
    /// Keep `maximumDepth` modest all the same: comparing, writing and releasing a value recurse once per level.
    public static func parse(
        _ bytes: some Collection<UInt8>,
        maximumDepth: Int = JSONValue.maximumNestingDepth
    ) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes: Array(bytes), maximumDepth: maximumDepth)
        return try parser.parseDocument()
    }

    /// Parses a complete JSON text; see `parse(_:maximumDepth:)` for bytes.
    public static func parse(
        _ text: String,
        maximumDepth: Int = JSONValue.maximumNestingDepth
    ) throws(JSONParseError) -> JSONValue {
        try parse(text.utf8, maximumDepth: maximumDepth)
    }
}

/// A single-pass, iterative JSON reader over UTF-8 bytes; positions follow CPython's `_json` scanner.
struct JSONParser {
    private let bytes: [UInt8]
    private let maximumDepth: Int
    private var position = 0

    init(bytes: [UInt8], maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        if let failure = UTF8Validation.firstFailure(in: bytes) {
            let byte = "0x" + (failure.byte < 0x10 ? "0" : "") + String(failure.byte, radix: 16)
            throw error("'utf-8' codec can't decode byte \(byte): \(failure.reason)", at: failure.offset)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw error("Unexpected UTF-8 BOM (decode using utf-8-sig)", at: 0)
        }
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard position == bytes.count else { throw error("Extra data", at: position) }
        return value
    }

    /// An array or object under construction.
    private struct OpenContainer {
        var isObject: Bool
        var elements: [JSONValue] = []
        var members = JSONObject()
        var pendingKey = ""
    }

    /// Reads one value (whitespace before it already skipped), keeping open containers on an explicit stack.
    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        var open: [OpenContainer] = []
        while true {
            var value: JSONValue
            switch peek() {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = peek() == UInt8(ascii: "{")
                guard open.count < maximumDepth else {
                    throw error("Nesting deeper than \(maximumDepth) levels", at: position)
                }
                position += 1
                skipWhitespace()
                if isObject && peek() == UInt8(ascii: "}") {
                    position += 1
                    value = .object(JSONObject())
                } else if !isObject && peek() == UInt8(ascii: "]") {
                    position += 1
                    value = .array([])
                } else {
                    var container = OpenContainer(isObject: isObject)
                    if isObject { container.pendingKey = try parseKeyAndColon() }
                    open.append(container)
                    continue  // read the first member's value
                }
            case UInt8(ascii: "\""):
                value = .string(try parseString())
            case UInt8(ascii: "n") where matches("null"):
                position += 4
                value = .null
            case UInt8(ascii: "t") where matches("true"):
                position += 4
                value = .bool(true)
            case UInt8(ascii: "f") where matches("false"):
                position += 5
                value = .bool(false)
            default:
                let length = JSONNumber.scanLength(bytes, from: position)
                guard length > 0 else { throw error("Expecting value", at: position) }
                let literal = String(decoding: bytes[position..<position + length], as: UTF8.self)
                value = .number(JSONNumber(validatedLiteral: literal))
                position += length
            }

            // Hand the finished value to its container; close every container that ends right after it.
            while let top = open.indices.last {
                skipWhitespace()
                let closer = open[top].isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if open[top].isObject {
                    let key = open[top].pendingKey
                    open[top].members[key] = value
                } else {
                    open[top].elements.append(value)
                }
                if peek() == closer {
                    position += 1
                    let closed = open.removeLast()
                    value = closed.isObject ? .object(closed.members) : .array(closed.elements)
                    continue
                }
                guard peek() == UInt8(ascii: ",") else { throw error("Expecting ',' delimiter", at: position) }
                position += 1
                skipWhitespace()
                if open[top].isObject { open[top].pendingKey = try parseKeyAndColon() }
                break
            }
            if open.isEmpty { return value }
        }
    }

    /// Reads `"key"`, the `:` after it and the whitespace around it.
    private mutating func parseKeyAndColon() throws(JSONParseError) -> String {
        guard peek() == UInt8(ascii: "\"") else {
            throw error("Expecting property name enclosed in double quotes", at: position)
        }
        let key = try parseString()
        skipWhitespace()
        guard peek() == UInt8(ascii: ":") else { throw error("Expecting ':' delimiter", at: position) }
        position += 1
        skipWhitespace()
        return key
    }

    /// Reads a string literal starting at its opening quote.
    private mutating func parseString() throws(JSONParseError) -> String {
        let start = position
        position += 1
        var decoded: [UInt8] = []
        while true {
            let chunkStart = position
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { break }
                if byte < 0x20 { throw error("Invalid control character at", at: position) }
                position += 1
            }
            guard position < bytes.count else { throw error("Unterminated string starting at", at: start) }
            if bytes[position] == UInt8(ascii: "\"") && decoded.isEmpty {
                position += 1
                return String(decoding: bytes[chunkStart..<position - 1], as: UTF8.self)  // the common case: no escapes
            }
            decoded.append(contentsOf: bytes[chunkStart..<position])
            if bytes[position] == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: decoded, as: UTF8.self)
            }
            try appendEscape(to: &decoded, stringStart: start)
        }
    }

    /// Decodes the escape sequence at `position` (a backslash) into `decoded`.
    private mutating func appendEscape(to decoded: inout [UInt8], stringStart: Int) throws(JSONParseError) {
        let backslash = position
        position += 1
        guard position < bytes.count else { throw error("Unterminated string starting at", at: stringStart) }
        let simple: UInt8?
        switch bytes[position] {
        case UInt8(ascii: "\""): simple = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): simple = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): simple = UInt8(ascii: "/")
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): simple = nil
        default: throw error("Invalid \\escape", at: backslash)
        }
        if let simple {
            decoded.append(simple)
            position += 1
            return
        }
        // \uXXXX: Python wants the four digits and at least one more character after them.
        let u = position
        guard u + 5 < bytes.count, let unit = hexQuad(at: u + 1) else { throw error("Invalid \\uXXXX escape", at: u) }
        position = u + 5
        var scalarValue = UInt32(unit)
        if (0xD800...0xDBFF).contains(unit), position + 6 < bytes.count,
            bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
        {
            guard let low = hexQuad(at: position + 2) else { throw error("Invalid \\uXXXX escape", at: position + 1) }
            if (0xDC00...0xDFFF).contains(low) {
                scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                position += 6
            }
        }
        let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"  // a lone surrogate
        UTF8.encode(scalar) { decoded.append($0) }
    }

    private func hexQuad(at offset: Int) -> UInt16? {
        guard offset + 4 <= bytes.count else { return nil }
        var value: UInt16 = 0
        for byte in bytes[offset..<offset + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    private func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private func matches(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        return word.withUTF8Buffer { bytes[position..<position + count].elementsEqual($0) }
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            position += 1
        }
    }

    private func error(_ message: String, at offset: Int) -> JSONParseError {
        JSONParseError(message, at: offset, in: bytes)
    }
}
