/// Strict UTF-8 validation, as Python's `'utf-8'` codec decodes (no overlong forms, no surrogates, nothing
/// above U+10FFFF).
enum UTF8Validation {
    /// Where and why `bytes` stop being valid UTF-8.
    struct Failure: Equatable {
        /// Offset of the first byte of the bad sequence.
        var offset: Int
        /// That byte.
        var byte: UInt8
        /// Python's reason: `invalid start byte`, `invalid continuation byte` or `unexpected end of data`.
        var reason: String
    }

    /// The first invalid sequence of `bytes`, or nil when all of it is valid UTF-8.
    static func firstFailure(in bytes: [UInt8]) -> Failure? {
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            // The continuation count and the range allowed for the second byte (which rules out
            // overlong forms, UTF-16 surrogates and code points above U+10FFFF).
            let length: Int
            let second: ClosedRange<UInt8>
            switch lead {
            case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
            case 0xE0: (length, second) = (3, 0xA0...0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
            case 0xED: (length, second) = (3, 0x80...0x9F)
            case 0xF0: (length, second) = (4, 0x90...0xBF)
            case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
            case 0xF4: (length, second) = (4, 0x80...0x8F)
            default: return Failure(offset: i, byte: lead, reason: "invalid start byte")
            }
            for k in 1..<length {
                guard i + k < bytes.count else {
                    return Failure(offset: i, byte: lead, reason: "unexpected end of data")
                }
                let allowed: ClosedRange<UInt8> = k == 1 ? second : 0x80...0xBF
                guard allowed.contains(bytes[i + k]) else {
                    return Failure(offset: i, byte: lead, reason: "invalid continuation byte")
                }
            }
            i += length
        }
        return nil
    }
}
