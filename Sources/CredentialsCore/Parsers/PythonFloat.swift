/// Python's `repr(float)`: the shortest digits that read back as the same `Double`, laid out by CPython's
/// `'r'` format rules (fixed notation with at least one fractional digit when the decimal exponent is in
/// −4 ..< 16, otherwise `d.ddde±XX`).
enum PythonFloat {
    /// `repr(value)` for a finite `value` (`0.1`, `100.0`, `-0.0`, `1e-05`, `1.5e+16`).
    static func repr(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Infinity" : "Infinity") }
        let sign = value.sign == .minus ? "-" : ""
        // Swift's description carries the same shortest round-trip digits; only the layout differs.
        var (digits, pointPosition) = decompose(value.magnitude.description)
        if digits.isEmpty {
            return sign + "0.0"
        }
        // value = 0.DIGITS × 10^pointPosition
        if pointPosition <= -4 || pointPosition > 16 {
            let exponent = pointPosition - 1
            let head = String(digits.removeFirst())
            let mantissa = digits.isEmpty ? head : head + "." + String(digits)
            let exponentText = String(exponent.magnitude)
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (exponentText.count < 2 ? "0" : "") + exponentText
        }
        if pointPosition <= 0 {
            return sign + "0." + String(repeating: "0", count: -pointPosition) + String(digits)
        }
        if pointPosition >= digits.count {
            return sign + String(digits) + String(repeating: "0", count: pointPosition - digits.count) + ".0"
        }
        let split = digits.index(digits.startIndex, offsetBy: pointPosition)
        return sign + String(digits[..<split]) + "." + String(digits[split...])
    }

    /// Splits a non-negative decimal text (`123.45`, `1e-05`, `1.5e+16`) into significant digits without leading
    /// or trailing zeros, and the position of the decimal point relative to the first of them.
    private static func decompose(_ text: String) -> (digits: [Character], pointPosition: Int) {
        var mantissa = Substring(text)
        var exponent = 0
        if let e = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(mantissa[mantissa.index(after: e)...]) ?? 0
            mantissa = mantissa[..<e]
        }
        let integerPart = mantissa.prefix { $0 != "." }
        var digits = Array(mantissa.filter { $0 != "." })
        var pointPosition = integerPart.count + exponent
        while let first = digits.first, first == "0" {
            digits.removeFirst()
            pointPosition -= 1
        }
        while let last = digits.last, last == "0" {
            digits.removeLast()
        }
        return (digits, pointPosition)
    }
}
