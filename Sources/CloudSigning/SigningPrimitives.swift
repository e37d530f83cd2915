#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Crypto

/// Hashing, HMAC and the small canonicalisation steps the signers share.
enum SigningPrimitives {
    // MARK: Digests

    static func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
        hex(SHA256.hash(data: Array(bytes)))
    }

    static func hmacSHA256Hex(key: String, message: String) -> String {
        hex(HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: Array(key.utf8))))
    }

    static func hmacSHA1Base64(key: String, message: String) -> String {
        let code = HMAC<Insecure.SHA1>.authenticationCode(
            for: Array(message.utf8), using: SymmetricKey(data: Array(key.utf8)))
        return Data(code).base64EncodedString()
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var output: [UInt8] = []
        for byte in bytes {
            output.append(lowerHexDigits[Int(byte >> 4)])
            output.append(lowerHexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static let lowerHexDigits = Array("0123456789abcdef".utf8)

    // MARK: Ordering and text

    /// Orders strings by Unicode code point (equivalently, by UTF-8 bytes), as Python's `sorted` and Go's
    /// `sort.Strings` do. Swift's own `<` compares canonically equivalent forms and must not be used here.
    static func codePointPrecedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    /// Map entries sorted by key in code-point order.
    static func sortedByKey(_ map: [String: String]) -> [(key: String, value: String)] {
        map.sorted { codePointPrecedes($0.key, $1.key) }
    }

    /// Python `str.strip()` with no argument: removes leading and trailing Unicode whitespace, which for
    /// Python also includes the separators U+001C…U+001F.
    static func pythonStrip(_ value: String) -> String {
        let scalars = value.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isPythonWhitespace($0) }),
              let last = scalars.lastIndex(where: { !isPythonWhitespace($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    private static func isPythonWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
    }

    // MARK: Headers

    /// Lower-cases header names. Names that collide once lower-cased (`X-Acs-Meta` and `x-acs-meta`) become one
    /// entry whose values are sorted by code point and joined with `,` — the Alibaba SDK's rule for duplicates.
    static func lowercasedHeaders(_ headers: [String: String], trimmingValues: Bool) -> [String: String] {
        var grouped: [String: [String]] = [:]
        for (name, value) in headers {
            grouped[name.lowercased(), default: []].append(trimmingValues ? pythonStrip(value) : value)
        }
        return grouped.mapValues { $0.sorted(by: codePointPrecedes).joined(separator: ",") }
    }

    /// `name:value\n` for every header, sorted by name, and the names joined with `;`.
    static func canonicalHeaderBlock(_ lowercased: [String: String]) -> (lines: [String], signedHeaders: String) {
        let sorted = sortedByKey(lowercased)
        return (sorted.map { "\($0.key):\($0.value)" }, sorted.map(\.key).joined(separator: ";"))
    }

    /// Sorted `k=v` pairs, key and value RFC 3986-encoded, joined by `&` (ACS3 and SDK-HMAC-SHA256).
    static func rfc3986Query(_ query: [String: String]) -> String {
        sortedByKey(query)
            .map { PercentEncoder.rfc3986($0.key) + "=" + PercentEncoder.rfc3986($0.value) }
            .joined(separator: "&")
    }
}
