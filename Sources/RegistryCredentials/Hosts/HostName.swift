/// Parsing and checking of `host[:port]` text, without Foundation (the helper must start in a millisecond).
enum HostName {
    /// The longest host name DNS allows.
    static let maximumLength = 253

    /// `host` without a `:port` suffix (IPv6 literals keep their brackets).
    static func withoutPort(_ host: String) -> String {
        split(host).name
    }

    /// The name and the port, if any: `("images.example.com", 5000)`.
    static func split(_ host: String) -> (name: String, port: Int?) {
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return (host, nil) }
            let name = String(host[...close])
            let rest = host[host.index(after: close)...]
            guard rest.hasPrefix(":"), let port = Int(rest.dropFirst()) else { return (name, nil) }
            return (name, port)
        }
        guard let colon = host.lastIndex(of: ":"), let port = Int(host[host.index(after: colon)...]) else { return (host, nil) }
        return (String(host[..<colon]), port)
    }

    /// True when `label` is a DNS label of letters, digits, `-` and `_` (1–63 characters, no leading or
    /// trailing hyphen). Lower-case only: callers fold case first.
    static func isLabel(_ label: Substring) -> Bool {
        guard !label.isEmpty, label.utf8.count <= 63, label.first != "-", label.last != "-" else { return false }
        return label.utf8.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    /// `a-z` or `0-9`.
    static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// A port number written in decimal, 1–65535, without sign or leading `+`.
    static func parsePort(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 5, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let port = Int(text), (1...65535).contains(port)
        else { return nil }
        return port
    }

    /// True for a bracketed IPv6 literal such as `[::1]` (hex digits, `:` and `.` inside).
    static func isIPv6Literal(_ name: Substring) -> Bool {
        guard name.count > 2, name.first == "[", name.last == "]" else { return false }
        let inside = name.dropFirst().dropLast()
        return inside.contains(":") && inside.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
                || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
        }
    }
}
