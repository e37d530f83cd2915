/// Percent-encoding as the cloud signing algorithms use it.
///
/// Both encoders keep only the RFC 3986 unreserved set (`A–Z a–z 0–9 - _ . ~`) and write every other
/// UTF-8 byte as `%XX` with upper-case hex digits. They differ in the space character alone.
public enum PercentEncoder {
    /// RFC 3986 (POP spec): keeps A–Z a–z 0–9 - _ . ~, everything else %XX (uppercase hex) of its UTF-8 bytes; space → %20.
    ///
    /// Equal to Python `urllib.parse.quote(value, safe="~")`.
    public static func rfc3986(_ value: String) -> String {
        encode(value, spaceAsPlus: false)
    }

    /// Python urllib.parse.quote_plus with safe='' : same unreserved set, space → "+".
    public static func formPlus(_ value: String) -> String {
        encode(value, spaceAsPlus: true)
    }

    /// Decodes %XX and (when plusAsSpace) "+" → " "; nil on malformed input.
    ///
    /// Malformed means a `%` not followed by two hex digits, or decoded bytes that are not valid UTF-8.
    public static func decode(_ value: String, plusAsSpace: Bool) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count)
        var iterator = value.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            case UInt8(ascii: "+") where plusAsSpace:
                bytes.append(UInt8(ascii: " "))
            default:
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Python `urllib.parse.unquote`: decodes valid `%XX` runs, keeps malformed `%` sequences as they are and
    /// replaces invalid UTF-8 with U+FFFD. Never fails (Huawei's canonical URI is built on it).
    static func decodeLeniently(_ value: String) -> String {
        let source = Array(value.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.count)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "%"), index + 2 < source.count,
               let high = hexValue(source[index + 1]), let low = hexValue(source[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Private

    private static let upperHexDigits = Array("0123456789ABCDEF".utf8)

    private static func encode(_ value: String, spaceAsPlus: Bool) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(value.utf8.count)
        for byte in value.utf8 {
            if isUnreserved(byte) {
                output.append(byte)
            } else if spaceAsPlus, byte == UInt8(ascii: " ") {
                output.append(UInt8(ascii: "+"))
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(upperHexDigits[Int(byte >> 4)])
                output.append(upperHexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
