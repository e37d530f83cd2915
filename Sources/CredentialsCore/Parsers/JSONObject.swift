/// A JSON object that keeps its members in insertion order, like a Python `dict`, so that a rewritten
/// `~/.aliyun/config.json` keeps the key order the user (or aliyun-cli) gave it.
///
/// * Lookup by key is a hash lookup.
/// * Setting an existing key replaces the value **in place**; a new key is appended; setting `nil` removes.
/// * Keys are compared code point by code point, as Python compares them (Swift's `String ==` would treat
///   `"é"` and `"e\u{301}"` as one key; here they are two, as in Python).
/// * Equality is order-sensitive: two objects with the same members in a different order differ, because
///   they serialise differently.
public struct JSONObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// One member of an object.
    public typealias Element = (key: String, value: JSONValue)

    private var entries: [Entry] = []
    private var positions: [ScalarKey: Int] = [:]

    /// An empty object.
    public init() {}

    /// An object with `members` in order; a repeated key keeps its first position and its last value
    /// (what Python's `json.loads` does with `{"a": 1, "b": 2, "a": 3}`).
    public init(_ members: some Sequence<(String, JSONValue)>) {
        for (key, value) in members { self[key] = value }
    }

    /// An object with the members in the order written.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }

    /// The number of members.
    public var count: Int { entries.count }

    /// True when the object has no members.
    public var isEmpty: Bool { entries.isEmpty }

    /// The keys in order.
    public var keys: [String] { entries.map(\.key) }

    /// The values in key order.
    public var values: [JSONValue] { entries.map(\.value) }

    /// The value for `key`, or nil. Setting replaces in place, appends a new key, or removes with `nil`.
    public subscript(key: String) -> JSONValue? {
        get {
            positions[ScalarKey(key)].map { entries[$0].value }
        }
        set {
            guard let newValue else {
                removeValue(forKey: key)
                return
            }
            if let position = positions[ScalarKey(key)] {
                entries[position].value = newValue
            } else {
                positions[ScalarKey(key)] = entries.count
                entries.append(Entry(key: key, value: newValue))
            }
        }
    }

    /// Removes `key` and returns its value; later members keep their relative order. Linear in the member count.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let position = positions.removeValue(forKey: ScalarKey(key)) else { return nil }
        let removed = entries.remove(at: position)
        for index in position..<entries.count {
            positions[ScalarKey(entries[index].key)] = index
        }
        return removed.value
    }

    /// True when the object has a member named `key`.
    public func contains(key: String) -> Bool {
        positions[ScalarKey(key)] != nil
    }

    /// The members in order.
    public func makeIterator() -> some IteratorProtocol<Element> {
        entries.lazy.map { (key: $0.key, value: $0.value) }.makeIterator()
    }

    /// Same members in the same order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.entries == rhs.entries
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(entries)
    }

    private struct Entry: Sendable, Hashable {
        var key: String
        var value: JSONValue

        static func == (lhs: Entry, rhs: Entry) -> Bool {
            ScalarKey(lhs.key) == ScalarKey(rhs.key) && lhs.value == rhs.value
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(ScalarKey(key))
            hasher.combine(value)
        }
    }
}

/// A `String` hashed and compared by its Unicode code points (Python's notion of string equality).
struct ScalarKey: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: ScalarKey, rhs: ScalarKey) -> Bool {
        lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(text.utf8.count)
        var contiguous = text
        contiguous.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
