/// How `JSONValue.serialized(style:sortKeys:)` lays out its text. The presets reproduce Python's `json.dumps`
/// byte for byte.
public struct JSONStyle: Sendable, Hashable {
    /// Spaces per nesting level, each member on its own line; nil writes everything on one line.
    /// `0` still breaks lines, without indenting (as Python's `indent=0`).
    public var indent: Int?
    /// Written between array elements and object members (followed by the line break when indenting).
    public var itemSeparator: String
    /// Written between a key and its value.
    public var keySeparator: String
    /// Writes every code point outside printable ASCII as `\uXXXX` (Python's `ensure_ascii=True`);
    /// otherwise non-ASCII text is written as UTF-8 and only `"`, `\` and control characters are escaped.
    public var escapesNonASCII: Bool
    /// Indents with `indent` tabs per level instead of spaces (the Docker CLI's layout).
    public var indentsWithTabs: Bool

    /// A custom layout; a negative `indent` counts as 0. The defaults give `.compact`.
    public init(indent: Int? = nil, itemSeparator: String = ",", keySeparator: String = ":", escapesNonASCII: Bool = false, indentsWithTabs: Bool = false) {
        self.indent = indent.map { max(0, $0) }
        self.itemSeparator = itemSeparator
        self.keySeparator = keySeparator
        self.escapesNonASCII = escapesNonASCII
        self.indentsWithTabs = indentsWithTabs
    }

    /// No whitespace at all, UTF-8 text: `{"a":1,"b":[1,2]}`. Python's
    /// `json.dumps(obj, separators=(',', ':'), ensure_ascii=False)`; what the docker helper prints.
    public static let compact = JSONStyle()

    /// Python's `json.dumps(obj)` with its defaults: `{"a": 1, "b": [1, 2]}`, non-ASCII escaped.
    public static let python = JSONStyle(itemSeparator: ", ", keySeparator: ": ", escapesNonASCII: true)

    /// Python's `json.dumps(obj, indent=n, ensure_ascii=False)`, how the Python library rewrites
    /// `~/.aliyun/config.json`: one member per line, `{}`/`[]` for empty containers, no trailing newline.
    public static func pythonIndented(_ indent: Int = 4) -> JSONStyle {
        JSONStyle(indent: indent, itemSeparator: ",", keySeparator: ": ", escapesNonASCII: false)
    }

    /// Go's `json.MarshalIndent(v, "", "\t")`, how the Docker CLI writes `~/.docker/config.json` and
    /// containers/image writes `auth.json`: one member per line, one tab per level, `": "` after keys.
    public static let dockerCLI = JSONStyle(indent: 1, itemSeparator: ",", keySeparator: ": ", escapesNonASCII: false, indentsWithTabs: true)
}

extension JSONValue {
    /// The JSON text of this value in `style`; with `sortKeys` object members are ordered by code point
    /// (Python's `sort_keys=True`), otherwise they keep their order.
    ///
    /// Numbers are written as Python writes them after reading them (`JSONNumber.pythonText`), so a document
    /// read and rewritten here has the bytes Python's `json.load` + `json.dump` would give it. Recursion depth
    /// equals the value's nesting depth, which `parse` limits.
    public func serialized(style: JSONStyle = .compact, sortKeys: Bool = false) -> String {
        var writer = JSONTextWriter(style: style, sortKeys: sortKeys)
        writer.write(self, level: 0)
        return String(decoding: writer.output, as: UTF8.self)
    }
}

private struct JSONTextWriter {
    let style: JSONStyle
    let sortKeys: Bool
    var output: [UInt8] = []

    init(style: JSONStyle, sortKeys: Bool) {
        self.style = style
        self.sortKeys = sortKeys
    }

    mutating func write(_ value: JSONValue, level: Int) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .number(let number): append(number.pythonText)
        case .string(let text): writeString(text)
        case .array(let elements):
            guard !elements.isEmpty else { return append("[]") }
            append("[")
            for (i, element) in elements.enumerated() {
                writeSeparator(first: i == 0, level: level + 1)
                write(element, level: level + 1)
            }
            writeClosingBreak(level: level)
            append("]")
        case .object(let object):
            guard !object.isEmpty else { return append("{}") }
            var members = Array(object)
            if sortKeys {
                members.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            }
            append("{")
            for (i, member) in members.enumerated() {
                writeSeparator(first: i == 0, level: level + 1)
                writeString(member.key)
                append(style.keySeparator)
                write(member.value, level: level + 1)
            }
            writeClosingBreak(level: level)
            append("}")
        }
    }

    private mutating func writeSeparator(first: Bool, level: Int) {
        if !first { append(style.itemSeparator) }
        if let indent = style.indent {
            output.append(UInt8(ascii: "\n"))
            output.append(contentsOf: repeatElement(UInt8(ascii: style.indentsWithTabs ? "\t" : " "), count: indent * level))
        }
    }

    private mutating func writeClosingBreak(level: Int) {
        if let indent = style.indent {
            output.append(UInt8(ascii: "\n"))
            output.append(contentsOf: repeatElement(UInt8(ascii: style.indentsWithTabs ? "\t" : " "), count: indent * level))
        }
    }

    /// A string literal, escaped as Python's encoder escapes it.
    private mutating func writeString(_ text: String) {
        output.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": append(#"\""#)
            case "\\": append(#"\\"#)
            case "\n": append(#"\n"#)
            case "\r": append(#"\r"#)
            case "\t": append(#"\t"#)
            case "\u{08}": append(#"\b"#)
            case "\u{0C}": append(#"\f"#)
            default:
                if scalar.value < 0x20 || (style.escapesNonASCII && scalar.value > 0x7E) {
                    appendUnicodeEscape(scalar.value)
                } else {
                    UTF8.encode(scalar) { output.append($0) }
                }
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// `\uXXXX` in lowercase hex, as a UTF-16 surrogate pair above U+FFFF.
    private mutating func appendUnicodeEscape(_ value: UInt32) {
        if value > 0xFFFF {
            let offset = value - 0x10000
            appendUnicodeEscape(0xD800 + (offset >> 10))
            appendUnicodeEscape(0xDC00 + (offset & 0x3FF))
            return
        }
        let hex = String(value, radix: 16)
        append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
    }

    private mutating func append(_ text: String) {
        output.append(contentsOf: text.utf8)
    }
}
