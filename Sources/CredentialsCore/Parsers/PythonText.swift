/// Small pieces of CPython's `str` semantics that the parsers need to match exactly.
enum PythonText {
    /// `str.isspace()` for one code point: bidirectional class WS, B or S, or general category Zs.
    ///
    /// Wider than Swift's `isWhitespace` (it includes the ASCII information separators U+001C–U+001F).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// `str.strip()` without arguments.
    static func strip(_ text: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView {
        rstrip(lstrip(text))
    }

    /// `str.lstrip()` without arguments.
    static func lstrip(_ text: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView {
        guard let first = text.firstIndex(where: { !isSpace($0) }) else { return text[text.endIndex...] }
        return text[first...]
    }

    /// `str.rstrip()` without arguments.
    static func rstrip(_ text: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView {
        guard let last = text.lastIndex(where: { !isSpace($0) }) else { return text[text.startIndex..<text.startIndex] }
        return text[...last]
    }

    /// `str.lower()`: the full Unicode lowercase mapping, with the context-dependent final sigma
    /// (`'ΣΑΣ'.lower() == 'σας'`), which Swift's `lowercased()` does not apply.
    static func lower(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (i, scalar) in scalars.enumerated() {
            if scalar.value == 0x03A3 {
                result.append(isFinalSigma(scalars, at: i) ? "\u{03C2}" : "\u{03C3}")
            } else {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(result)
    }

    /// Unicode's Final_Sigma condition: a cased letter before (skipping case-ignorables) and none after.
    private static func isFinalSigma(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        func isCased(_ s: Unicode.Scalar) -> Bool { s.properties.isCased }
        func isIgnorable(_ s: Unicode.Scalar) -> Bool { s.properties.isCaseIgnorable }
        let before = scalars[..<index].reversed().first { !isIgnorable($0) }
        guard let before, isCased(before) else { return false }
        let after = scalars[(index + 1)...].first { !isIgnorable($0) }
        return !(after.map(isCased) ?? false)
    }
}
