import CredentialsCore
import Testing

/// Deterministic random inputs: every parser must return a value or a typed error, never trap, and what
/// the JSON parser accepts must survive a write/read round trip.
@Suite("Parser robustness")
struct ParserRobustnessTests {
    private static let jsonSeeds = [
        #"{"current": "default", "profiles": [{"name": "a", "mode": "AK", "n": -1.5e3}]}"#,
        #"[null, true, false, "\u00e9\ud83d\ude00\n", {"": []}, 0, 1e-7]"#,
        #""esc \" \\ \/ \b \f \n \r \t""#,
    ]

    @Test("random bytes never crash the JSON parser")
    func randomBytes() {
        var rng = SplitMix64(seed: 1)
        let alphabet = Array(#"{}[]",:\/ubfnrt0123456789-+.eE truefalsnl"#.utf8) + [0x00, 0x0A, 0x1F, 0x7F, 0x80, 0xC3, 0xA9, 0xED, 0xF0, 0xFF]
        for _ in 0..<3000 {
            let length = Int.random(in: 0..<40, using: &rng)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &rng) ?? 0 }
            checkJSON(bytes)
        }
    }

    @Test("mutated valid documents parse or fail cleanly, and round-trip when they parse")
    func mutations() {
        var rng = SplitMix64(seed: 2)
        for _ in 0..<3000 {
            var bytes = Array(Self.jsonSeeds[Int.random(in: 0..<Self.jsonSeeds.count, using: &rng)].utf8)
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let index = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &rng)
                case 1: bytes.remove(at: index)
                default: bytes.insert(bytes[index], at: index)
                }
                if bytes.isEmpty { break }
            }
            checkJSON(bytes)
        }
    }

    private func checkJSON(_ bytes: [UInt8]) {
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch {
            #expect(error.byteOffset >= 0 && error.byteOffset <= bytes.count)
            #expect(error.line >= 1 && error.column >= 1 && error.offset <= error.byteOffset)
            return
        }
        // Writing is canonical (numbers as Python writes them), so a second write/read cycle changes nothing.
        for style in [JSONStyle.compact, .python, .pythonIndented(4)] {
            let text = value.serialized(style: style)
            let reread = try? JSONValue.parse(text)
            #expect(reread?.serialized(style: style) == text, "round trip of \(text.debugDescription)")
            #expect(reread?.serialized(style: .compact) == value.serialized(style: .compact))
        }
    }

    @Test("random text never crashes the INI parser, in either mode")
    func randomINI() {
        var rng = SplitMix64(seed: 3)
        let pieces = ["[", "]", "s", "DEFAULT", "=", ":", " ", "\t", "\n", "\r", "#", ";", "%", "%%", "%(", ")s", "a", "B", "é", "\u{A0}", "k"]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0..<30, using: &rng)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined()
            for mode in [INIParseMode.configParser, .raw] {
                do {
                    let file = try INIFile.parse(text, mode: mode)
                    #expect(Set(file.sectionNames).count <= file.sectionNames.count)
                    _ = file.strippingInlineHashComments()
                } catch {
                    #expect(!error.message.isEmpty)
                }
            }
        }
    }

    @Test("exponential interpolation is cut off instead of exhausting memory")
    func interpolationBomb() throws {
        var text = "[s]\nk0 = " + String(repeating: "x", count: 64) + "\n"
        for level in 1...9 {
            text += "k\(level) = " + String(repeating: "%(k\(level - 1))s", count: 16) + "\n"
        }
        let error = try #require(throws: INIParseError.self) { try INIFile.parse(text) }
        #expect(error.kind == .tooLarge)
    }

    @Test("random text never crashes shlex splitting, and quoting round-trips")
    func randomShellWords() throws {
        var rng = SplitMix64(seed: 4)
        let pieces = ["a", "b c", "'", "\"", "\\", " ", "\t", "\n", "$", "é", "''", "\"\""]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0..<20, using: &rng)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined()
            do {
                let words = try ShellWords.split(text)
                // Single-quoting every word (with the '"'"' idiom for quotes) gives back the same words.
                let quoted = words.map(Self.singleQuoted).joined(separator: " ")
                #expect((try? ShellWords.split(quoted)) == words)
            } catch {
                #expect([ShellWordsError.noClosingQuotation, .noEscapedCharacter].contains(error))
            }
        }
    }

    /// `'word'`, with each `'` written as `'"'"'`.
    private static func singleQuoted(_ word: String) -> String {
        "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: #"'"'"'"#) + "'"
    }
}
