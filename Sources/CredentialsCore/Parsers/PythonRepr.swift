/// Python's `repr()` of strings and lists of strings, byte for byte.
///
/// The default chain's error message embeds `repr(list_of_messages)`
/// (`unable to load credentials from any of the providers in the chain: ['A: m', "B: it's"]`),
/// and users search for that exact text, so quoting and escaping follow CPython's `unicode_repr`:
///
/// * the quote is `'`, unless the string contains `'` and no `"`, then it is `"`;
/// * `\\`, the chosen quote, `\n`, `\r` and `\t` are backslash-escaped;
/// * other ASCII controls and DEL become `\xNN`;
/// * non-ASCII code points that Python's `str.isprintable()` rejects (general categories Cc, Cf, Cs, Co, Cn,
///   Zl, Zp, Zs) become `\xNN`, `\uNNNN` or `\UNNNNNNNN` (lowercase hex); everything else is kept as is.
///
/// Categories come from Swift's Unicode tables; code points assigned after Unicode 14.0 (the version of
/// CPython 3.11, the reference) count as unassigned, as they are in that Python.
public enum PythonRepr {
    /// `repr(text)` for a Python `str`.
    public static func string(_ text: String) -> String {
        let scalars = text.unicodeScalars
        let hasSingle = scalars.contains("'")
        let hasDouble = scalars.contains("\"")
        let quote: Unicode.Scalar = hasSingle && !hasDouble ? "\"" : "'"

        var out = String.UnicodeScalarView()
        out.append(quote)
        for scalar in scalars {
            switch scalar {
            case quote, "\\":
                out.append("\\")
                out.append(scalar)
            case "\t": out.append(contentsOf: #"\t"#.unicodeScalars)
            case "\n": out.append(contentsOf: #"\n"#.unicodeScalars)
            case "\r": out.append(contentsOf: #"\r"#.unicodeScalars)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out.append(contentsOf: hexEscape(scalar.value, marker: "x", digits: 2).unicodeScalars)
                } else if scalar.value < 0x7F || isPrintable(scalar) {
                    out.append(scalar)
                } else if scalar.value <= 0xFF {
                    out.append(contentsOf: hexEscape(scalar.value, marker: "x", digits: 2).unicodeScalars)
                } else if scalar.value <= 0xFFFF {
                    out.append(contentsOf: hexEscape(scalar.value, marker: "u", digits: 4).unicodeScalars)
                } else {
                    out.append(contentsOf: hexEscape(scalar.value, marker: "U", digits: 8).unicodeScalars)
                }
            }
        }
        out.append(quote)
        return String(out)
    }

    /// `repr(items)` for a Python `list` of `str`: `[` + the items' reprs joined by `, ` + `]`.
    public static func stringList(_ items: [String]) -> String {
        "[" + items.map(string).joined(separator: ", ") + "]"
    }

    /// The Unicode version of the Python we match (CPython 3.11's `unicodedata.unidata_version`): code points
    /// assigned later are unassigned (category Cn) there, so not printable.
    static let pythonUnicodeVersion: Unicode.Version = (major: 14, minor: 0)

    /// Python's `str.isprintable()` for a single non-ASCII code point.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        guard let age = scalar.properties.age,
            (age.major, age.minor) <= (pythonUnicodeVersion.major, pythonUnicodeVersion.minor)
        else { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
            .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    private static func hexEscape(_ value: UInt32, marker: Character, digits: Int) -> String {
        let hex = String(value, radix: 16)
        return "\\" + String(marker) + String(repeating: "0", count: max(0, digits - hex.count)) + hex
    }
}
