/// Why a JSON text could not be parsed, worded and positioned like Python's `json.JSONDecodeError`
/// (`Expecting ',' delimiter: line 3 column 5 (char 27)`), because that is what users of the Python
/// library see for a broken `~/.aliyun/config.json`.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, without the position: `Expecting value`, `Expecting ',' delimiter`,
    /// `Expecting ':' delimiter`, `Expecting property name enclosed in double quotes`,
    /// `Unterminated string starting at`, `Invalid control character at`, `Invalid \escape`,
    /// `Invalid \uXXXX escape`, `Extra data`, `Unexpected UTF-8 BOM (decode using utf-8-sig)`, plus
    /// cloudcred's own `'utf-8' codec can't decode byte 0xNN: …` and `Nesting deeper than N levels`.
    public let message: String
    /// 1-based line of the error.
    public let line: Int
    /// 1-based column, counted in Unicode code points like Python.
    public let column: Int
    /// 0-based offset in Unicode code points from the start of the text (Python's `pos`).
    public let offset: Int
    /// 0-based offset in UTF-8 bytes.
    public let byteOffset: Int

    /// An error at `byteOffset` of `bytes`, with line, column and code-point offset computed from the text before it.
    init(_ message: String, at byteOffset: Int, in bytes: [UInt8]) {
        let end = min(max(byteOffset, 0), bytes.count)
        var codePoints = 0
        var line = 1
        var lastNewline = -1  // code-point index of the last line feed before the error
        for i in 0..<end {
            let byte = bytes[i]
            if byte & 0xC0 == 0x80 { continue }  // a continuation byte belongs to the code point before it
            if byte == UInt8(ascii: "\n") {
                line += 1
                lastNewline = codePoints
            }
            codePoints += 1
        }
        self.message = message
        self.line = line
        self.column = codePoints - lastNewline
        self.offset = codePoints
        self.byteOffset = end
    }

    /// `<message>: line L column C (char N)`, Python's format.
    public var description: String {
        "\(message): line \(line) column \(column) (char \(offset))"
    }
}
