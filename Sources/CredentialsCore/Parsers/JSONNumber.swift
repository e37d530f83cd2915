/// A JSON number, kept as the literal text it was parsed from (or made from), so that nothing is lost
/// between reading and rewriting a document: big integers stay exact and `1700000000` stays `1700000000`.
///
/// Two numbers are equal when their literals are equal (`1` and `1.0` differ); compare `int64` or `double`
/// for numeric equality.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The literal, valid RFC 8259 number syntax (`-12`, `1.5`, `3e-7`).
    public let literal: String

    init(validatedLiteral: String) {
        self.literal = validatedLiteral
    }

    /// Parses `literal` as an RFC 8259 number (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`); nil otherwise.
    public init?(literal: String) {
        let bytes = Array(literal.utf8)
        guard !bytes.isEmpty, JSONNumber.scanLength(bytes, from: 0) == bytes.count else { return nil }
        self.literal = literal
    }

    /// An integer.
    public init(_ value: Int64) {
        self.literal = String(value)
    }

    /// An integer.
    public init(_ value: Int) {
        self.literal = String(value)
    }

    /// A floating-point number, written as Python's `repr(float)` writes it (shortest text that reads back
    /// as the same `Double`: `0.1`, `100.0`, `1e-05`, `1e+16`). Nil for infinities and NaN, which JSON cannot hold.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        self.literal = PythonFloat.repr(value)
    }

    /// True when the literal has neither a fraction nor an exponent (Python reads it as an `int`).
    public var isIntegerLiteral: Bool {
        !literal.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
    }

    /// The value as `Int64` when it is exactly a whole number in range (`3600`, `3600.0`, `36e2`); nil for
    /// `1.5`, for out-of-range values, and for anything that would need rounding.
    public var int64: Int64? {
        ExactInteger.value(ofLiteral: literal)
    }

    /// The value as `Int` when it is exactly a whole number in range (see `int64`).
    public var int: Int? {
        int64.flatMap { Int(exactly: $0) }
    }

    /// The value as the nearest `Double` (infinite when the literal is beyond `Double`'s range, like Python's `float`).
    public var double: Double {
        Double(literal) ?? .nan  // every validated literal parses; NaN only if that invariant broke
    }

    /// The text Python's `json.dumps` writes for this number after `json.loads` read it: integer literals as they
    /// are (`-0` becomes `0`), other literals as `repr(float(literal))` (`1.50` → `1.5`, `1E2` → `100.0`).
    /// A literal beyond `Double`'s range stays as it is (Python would write `Infinity`, which is not JSON).
    public var pythonText: String {
        if isIntegerLiteral {
            return literal == "-0" ? "0" : literal
        }
        let value = double
        return value.isFinite ? PythonFloat.repr(value) : literal
    }

    /// The literal.
    public var description: String { literal }

    /// The length of the longest number literal starting at `start`, following CPython's `_match_number`:
    /// a `.` or exponent not followed by digits is left unconsumed (`1.` reads as `1`). Zero if there is none.
    static func scanLength(_ bytes: [UInt8], from start: Int) -> Int {
        var i = start
        func digit(_ at: Int) -> Bool { at < bytes.count && bytes[at] >= UInt8(ascii: "0") && bytes[at] <= UInt8(ascii: "9") }
        if i < bytes.count && bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard digit(i) else { return 0 }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
        } else {
            while digit(i) { i += 1 }
        }
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") && digit(i + 1) {
            i += 1
            while digit(i) { i += 1 }
        }
        if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            var j = i + 1
            if j < bytes.count && (bytes[j] == UInt8(ascii: "+") || bytes[j] == UInt8(ascii: "-")) { j += 1 }
            if digit(j) {
                while digit(j) { j += 1 }
                i = j
            }
        }
        return i - start
    }
}

/// Exact conversion of a decimal number literal to `Int64`, without going through `Double`.
enum ExactInteger {
    static func value(ofLiteral literal: String) -> Int64? {
        var mantissa = Substring(literal)
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa = mantissa.dropFirst() }
        var exponent = 0
        if let e = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let parsed = Int(mantissa[mantissa.index(after: e)...])
            mantissa = mantissa[..<e]
            guard let parsed, parsed.magnitude < 1_000_000 else {
                // An exponent this large leaves only zero as a whole number in range.
                return mantissa.allSatisfy({ $0 == "0" || $0 == "." }) ? 0 : nil
            }
            exponent = parsed
        }
        var digits: [UInt8] = []
        var fractionDigits = 0
        var inFraction = false
        for byte in mantissa.utf8 {
            if byte == UInt8(ascii: ".") {
                inFraction = true
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits.append(byte - UInt8(ascii: "0"))
                if inFraction { fractionDigits += 1 }
            } else {
                return nil
            }
        }
        // value = digits × 10^scale; move trailing zeros into the scale.
        var scale = exponent - fractionDigits
        while digits.count > 1, digits.last == 0 {
            digits.removeLast()
            scale += 1
        }
        if digits.allSatisfy({ $0 == 0 }) { return 0 }
        guard scale >= 0, scale <= 19 else { return nil }
        var magnitude: UInt64 = 0
        for d in digits + Array(repeating: 0, count: scale) {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(d))
            guard !o1, !o2 else { return nil }
            magnitude = sum
        }
        if negative {
            return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }
}
