import CredentialsCore
import Foundation
import Testing

/// `Fixtures/parser-vectors.json`, written by `scripts/gen-parser-vectors` from CPython's own parsers.
/// Read with the JSON parser under test: if that parser breaks, every vector test fails loudly.
enum ParserVectors {
    static let document: Result<JSONValue, any Error> = Result {
        guard let url = Bundle.module.url(forResource: "parser-vectors", withExtension: "json", subdirectory: "Fixtures") else {
            throw FixtureError("Fixtures/parser-vectors.json is not in the test bundle")
        }
        return try JSONValue.parse(Data(contentsOf: url))
    }

    /// The cases of one section of the fixture (`json`, `floats`, `ini`, `shlex`, `repr`).
    static func cases(_ section: String) throws -> [JSONValue] {
        let cases = try document.get()[section]?.arrayValue ?? []
        guard !cases.isEmpty else { throw FixtureError("no '\(section)' vectors in the fixture") }
        return cases
    }

    struct FixtureError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

extension JSONValue {
    /// The member `key` as a string, or a test failure.
    func string(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(self[key]?.stringValue, "missing string '\(key)'", sourceLocation: sourceLocation)
    }

    /// The member `key` as an integer, or a test failure.
    func int(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        try #require(self[key]?.intValue, "missing integer '\(key)'", sourceLocation: sourceLocation)
    }

    /// The member `key` as an array of strings, or a test failure.
    func strings(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let array = try #require(self[key]?.arrayValue, "missing array '\(key)'", sourceLocation: sourceLocation)
        return try array.map { try #require($0.stringValue, sourceLocation: sourceLocation) }
    }
}

/// A small deterministic generator (SplitMix64) for the robustness tests.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
