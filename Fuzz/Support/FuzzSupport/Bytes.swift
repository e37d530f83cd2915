extension Array where Element == UInt8 {
    /// True when the UTF-8 bytes of `text` occur in the array.
    public func containsText(_ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        return (0...(count - needle.count)).contains { self[$0] == needle[0] && self[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
