/// The flat JSON form of a fault effect: one effect key next to the rule's match keys.
extension FaultEffect: Codable {
    private enum Key: String, CodingKey, CaseIterable {
        case status, body, code, message
        case delayMs, truncatedBody, malformedBody, wrongTypes, missingFields, expiredCredentials
        case clockSkewSeconds, dropConnection, resetMidBody, slowDrip
    }

    private enum DripKey: String, CodingKey { case chunkBytes, intervalMs }

    private static let effectKeys: [Key] = [
        .status, .delayMs, .truncatedBody, .malformedBody, .wrongTypes, .missingFields, .expiredCredentials,
        .clockSkewSeconds, .dropConnection, .resetMidBody, .slowDrip,
    ]

    /// Every JSON key an effect may use.
    static var jsonKeys: [String] { Key.allCases.map(\.rawValue) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let present = Self.effectKeys.filter { container.contains($0) }
        guard present.count == 1, let key = present.first else {
            let names = Self.effectKeys.map(\.rawValue).joined(separator: ", ")
            let context = DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: present.isEmpty
                    ? "a fault rule needs one effect key (\(names))"
                    : "a fault rule has exactly one effect, found \(present.map(\.rawValue).joined(separator: " and ")) (add one rule per effect)")
            throw DecodingError.dataCorrupted(context)
        }
        for extra in [Key.body, .code, .message] where key != .status && container.contains(extra) {
            throw DecodingError.dataCorruptedError(forKey: extra, in: container, debugDescription: "\"\(extra.rawValue)\" goes only with \"status\"")
        }
        switch key {
        case .status:
            let status = try container.decode(Int.self, forKey: .status)
            guard (100...599).contains(status) else {
                throw DecodingError.dataCorruptedError(forKey: .status, in: container, debugDescription: "status must be 100…599")
            }
            self = .status(
                status, body: try container.decodeIfPresent(String.self, forKey: .body),
                code: try container.decodeIfPresent(String.self, forKey: .code),
                message: try container.decodeIfPresent(String.self, forKey: .message))
        case .delayMs:
            self = .delay(milliseconds: try Self.nonNegative(container, .delayMs))
        case .truncatedBody:
            try Self.requireTrue(container, key)
            self = .truncatedBody
        case .malformedBody:
            try Self.requireTrue(container, key)
            self = .malformedBody
        case .wrongTypes:
            self = .wrongTypes(fields: try Self.fieldList(container, key, default: ["Expiration"]))
        case .missingFields:
            self = .missingFields(try Self.fieldList(container, key, default: ["AccessKeyId"]))
        case .expiredCredentials:
            if let flag = try? container.decode(Bool.self, forKey: key) {
                guard flag else { throw Self.mustBeTrue(container, key) }
                self = .expiredCredentials(secondsAgo: 3600)
            } else {
                self = .expiredCredentials(secondsAgo: try Self.nonNegative(container, key))
            }
        case .clockSkewSeconds:
            self = .clockSkew(seconds: try container.decode(Int.self, forKey: key))
        case .dropConnection:
            try Self.requireTrue(container, key)
            self = .dropConnection
        case .resetMidBody:
            try Self.requireTrue(container, key)
            self = .resetMidBody
        case .slowDrip:
            if let flag = try? container.decode(Bool.self, forKey: key) {
                guard flag else { throw Self.mustBeTrue(container, key) }
                self = .slowDrip(chunkBytes: 4, intervalMilliseconds: 20)
            } else {
                let drip = try container.nestedContainer(keyedBy: DripKey.self, forKey: key)
                let chunk = try drip.decodeIfPresent(Int.self, forKey: .chunkBytes) ?? 4
                let interval = try drip.decodeIfPresent(Int.self, forKey: .intervalMs) ?? 20
                guard chunk >= 1, interval >= 0 else {
                    throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "slowDrip needs chunkBytes ≥ 1 and intervalMs ≥ 0")
                }
                self = .slowDrip(chunkBytes: chunk, intervalMilliseconds: interval)
            }
        default:
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "not an effect")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .status(let status, let body, let code, let message):
            try container.encode(status, forKey: .status)
            try container.encodeIfPresent(body, forKey: .body)
            try container.encodeIfPresent(code, forKey: .code)
            try container.encodeIfPresent(message, forKey: .message)
        case .delay(let milliseconds): try container.encode(milliseconds, forKey: .delayMs)
        case .truncatedBody: try container.encode(true, forKey: .truncatedBody)
        case .malformedBody: try container.encode(true, forKey: .malformedBody)
        case .wrongTypes(let fields): try container.encode(fields, forKey: .wrongTypes)
        case .missingFields(let fields): try container.encode(fields, forKey: .missingFields)
        case .expiredCredentials(let seconds): try container.encode(seconds, forKey: .expiredCredentials)
        case .clockSkew(let seconds): try container.encode(seconds, forKey: .clockSkewSeconds)
        case .dropConnection: try container.encode(true, forKey: .dropConnection)
        case .resetMidBody: try container.encode(true, forKey: .resetMidBody)
        case .slowDrip(let chunk, let interval):
            var drip = container.nestedContainer(keyedBy: DripKey.self, forKey: .slowDrip)
            try drip.encode(chunk, forKey: .chunkBytes)
            try drip.encode(interval, forKey: .intervalMs)
        }
    }

    // MARK: - Decoding helpers

    private static func requireTrue(_ container: KeyedDecodingContainer<Key>, _ key: Key) throws {
        guard try container.decode(Bool.self, forKey: key) else { throw mustBeTrue(container, key) }
    }

    private static func mustBeTrue(_ container: KeyedDecodingContainer<Key>, _ key: Key) -> DecodingError {
        .dataCorruptedError(forKey: key, in: container, debugDescription: "\"\(key.rawValue)\" must be true (remove the rule to turn it off)")
    }

    private static func nonNegative(_ container: KeyedDecodingContainer<Key>, _ key: Key) throws -> Int {
        let value = try container.decode(Int.self, forKey: key)
        guard value >= 0 else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "\"\(key.rawValue)\" must not be negative")
        }
        return value
    }

    private static func fieldList(_ container: KeyedDecodingContainer<Key>, _ key: Key, default fields: [String]) throws -> [String] {
        if let flag = try? container.decode(Bool.self, forKey: key) {
            guard flag else { throw mustBeTrue(container, key) }
            return fields
        }
        let list = try container.decode([String].self, forKey: key)
        guard !list.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "\"\(key.rawValue)\" needs at least one field name")
        }
        return list
    }
}
