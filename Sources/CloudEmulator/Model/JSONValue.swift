/// A JSON document that keeps the key order it was built with, so response bodies look like the real
/// services' and fault effects can rewrite fields anywhere in them.
enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([Member])

    struct Member: Sendable, Equatable {
        var key: String
        var value: JSONValue
    }

    /// An object from key/value pairs, in this order.
    static func object(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(pairs.map { Member(key: $0.key, value: $0.value) })
    }

    /// The value of `key` in an object (nil for other values).
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first(where: { $0.key == key })?.value
    }

    /// Rewrites every member named one of `keys`, at any depth: `transform` returns the new value, or nil to remove it.
    func rewritingMembers(named keys: Set<String>, _ transform: (String, JSONValue) -> JSONValue?) -> JSONValue {
        switch self {
        case .object(let members):
            return .object(members.compactMap { member in
                if keys.contains(member.key) {
                    return transform(member.key, member.value).map { Member(key: member.key, value: $0) }
                }
                return Member(key: member.key, value: member.value.rewritingMembers(named: keys, transform))
            })
        case .array(let items):
            return .array(items.map { $0.rewritingMembers(named: keys, transform) })
        default:
            return self
        }
    }

    /// Compact JSON text (no spaces, `/` not escaped), as the Alibaba Cloud APIs answer.
    var serialized: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .string(let text): Self.writeString(text, to: &out)
        case .int(let number): out += String(number)
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                Self.writeString(member.key, to: &out)
                out += ":"
                member.value.write(to: &out)
            }
            out += "}"
        }
    }

    private static func writeString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16, uppercase: false)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
