import Testing

@testable import CloudcredDoctor

/// The message catalogue: both languages for every sentence, with the same placeholders.
@Suite("doctor: message catalogue")
struct MessageCatalogueTests {
    static func placeholders(_ text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), Int(after[..<close]) != nil { found.append(String(after[..<close])) }
            rest = after
        }
        return found.sorted()
    }

    @Test("every entry has English and Chinese text with the same placeholders")
    func bothLanguages() {
        #expect(MessageCatalogue.entries.count > 150)
        for (key, entry) in MessageCatalogue.entries {
            #expect(!entry.en.isEmpty && !entry.zh.isEmpty, "\(key)")
            #expect(Set(Self.placeholders(entry.en)) == Set(Self.placeholders(entry.zh)), "\(key)")
            let passthrough = entry.en.allSatisfy { "{}0123456789".contains($0) }
            if !passthrough { #expect(entry.en != entry.zh, "\(key) is not translated") }
        }
    }

    @Test("every fix belongs to a cause")
    func fixesHaveCauses() {
        for key in MessageCatalogue.entries.keys where key.hasSuffix(".fix") {
            #expect(MessageCatalogue.has(String(key.dropLast(4))), "\(key)")
        }
    }
}
