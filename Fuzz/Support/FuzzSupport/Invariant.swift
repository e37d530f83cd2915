/// Properties a fuzz target checks beyond "no crash". A failed check traps with a message that libFuzzer
/// reports as a crash and saves the input for.
public enum Invariant {
    /// The corpus file being replayed (named in failure messages); nil while fuzzing.
    nonisolated(unsafe) public static var currentInput: String?

    /// Traps with `message` when `condition` is false.
    public static func check(
        _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
        file: StaticString = #fileID, line: UInt = #line
    ) {
        guard !condition() else { return }
        let input = currentInput.map { " (input \($0))" } ?? ""
        fatalError("invariant failed\(input): \(message())", file: file, line: line)
    }

    /// Checks that `text` is one line: no line feed or carriage return.
    public static func oneLine(_ text: String, _ what: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) {
        check(!text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }), "\(what()) is not one line: \(Quoted(text))", file: file, line: line)
    }
}

/// A string shown with escapes, so control characters in a failure message stay visible.
public struct Quoted: CustomStringConvertible {
    let text: String
    /// Quotes `text`.
    public init(_ text: String) { self.text = text }
    /// `"…"` with `\n`, `\r`, `\t` and other control characters escaped, at most 400 characters.
    public var description: String {
        var out = "\""
        for scalar in text.unicodeScalars.prefix(400) {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\"": out += "\\\""
            default: out += scalar.value < 0x20 ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
            }
        }
        return out + (text.unicodeScalars.count > 400 ? "…\"" : "\"")
    }
}
