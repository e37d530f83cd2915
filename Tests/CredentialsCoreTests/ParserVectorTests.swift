import CredentialsCore
import Testing

/// Every case of `Fixtures/parser-vectors.json` against the Swift parsers: the expected values are what
/// CPython's json, configparser, shlex and repr produced (see scripts/parser_vectors.py).
@Suite("Python parity vectors")
struct ParserVectorTests {
    @Test("fixture was generated with the Python version whose messages we match")
    func fixtureVersion() throws {
        let document = try ParserVectors.document.get()
        #expect(document["python"]?.stringValue == "3.11")
        #expect(try ParserVectors.cases("json").count >= 40)
        #expect(try ParserVectors.cases("ini").count >= 40)
        #expect(try ParserVectors.cases("shlex").count >= 30)
        #expect(try ParserVectors.cases("repr").count >= 20)
    }

    // MARK: JSON

    @Test("json.loads / json.dumps vectors")
    func jsonVectors() throws {
        for vector in try ParserVectors.cases("json") {
            let name = try vector.string("name")
            let bytes: [UInt8]
            if let hex = vector["inputHex"]?.stringValue {
                bytes = try #require(Self.bytes(fromHex: hex), "\(name): bad hex")
            } else {
                bytes = Array(try vector.string("input").utf8)
            }
            let python = try #require(vector["python"], "\(name)")
            let outcome = Result { () throws(JSONParseError) in try JSONValue.parse(bytes) }
            if let deliberate = vector["deliberate"] {
                try checkDeliberateJSON(name: name, outcome: outcome, deliberate: deliberate, python: python)
            } else if python["ok"] == true {
                let value = try #require(try? outcome.get(), "\(name): Python parsed it, we did not: \(outcome)")
                #expect(value.serialized(style: .compact) == (try python.string("compact")), "\(name) compact")
                #expect(value.serialized(style: .python) == (try python.string("python")), "\(name) python")
                let indented = try python.string("indented")
                #expect(value.serialized(style: .pythonIndented(4)) == indented, "\(name) indented")
                #expect(value.serialized(style: .pythonIndented(4), sortKeys: true) == (try python.string("sortedIndented")), "\(name) sorted")
                #expect(value.serialized(style: .pythonIndented(0)) == (try python.string("indent0")), "\(name) indent 0")
                // Round trip: Python's own rewrite of the document reads back and rewrites to the same bytes.
                #expect(try JSONValue.parse(indented).serialized(style: .pythonIndented(4)) == indented, "\(name) round trip")
            } else {
                guard case .failure(let error) = outcome else {
                    Issue.record("\(name): Python rejected it, we parsed it: \(outcome)")
                    continue
                }
                #expect(error.message == (try python.string("message")), "\(name)")
                #expect(error.line == (try python.int("line")), "\(name) line")
                #expect(error.column == (try python.int("column")), "\(name) column")
                #expect(error.offset == (try python.int("offset")), "\(name) offset")
                #expect(error.description == (try python.string("description")), "\(name)")
            }
        }
    }

    private func checkDeliberateJSON(
        name: String, outcome: Result<JSONValue, JSONParseError>, deliberate: JSONValue, python: JSONValue
    ) throws {
        if let compact = deliberate["compact"]?.stringValue {
            #expect(python["ok"] == true, "\(name): Python accepts this document")
            let value = try #require(try? outcome.get(), "\(name): \(outcome)")
            #expect(value.serialized(style: .compact) == compact, "\(name)")
        } else if let message = deliberate["message"]?.stringValue {
            #expect(python["ok"] == true, "\(name): Python accepts this document")
            guard case .failure(let error) = outcome else { Issue.record("\(name): expected an error"); return }
            #expect(error.message == message, "\(name)")
            #expect(error.offset == (try deliberate.int("offset")), "\(name)")
        } else {
            // Invalid UTF-8: Python fails while decoding the file; we fail at the same byte.
            guard case .failure(let error) = outcome else { Issue.record("\(name): expected an error"); return }
            #expect(error.byteOffset == (try python.int("start")), "\(name)")
            #expect(error.byteOffset == (try deliberate.int("byteOffset")), "\(name)")
            #expect(error.message.hasPrefix("'utf-8' codec can't decode byte 0x"), "\(name): \(error.message)")
        }
    }

    @Test("repr(float) vectors: Swift doubles are written as Python writes them")
    func floatVectors() throws {
        for vector in try ParserVectors.cases("floats") {
            let hex = try vector.string("hex")
            let expected = try vector.string("repr")
            let value = try #require(Double(hex), "\(hex)")
            #expect(JSONNumber(value)?.literal == expected, "\(hex)")
            #expect(JSONNumber(literal: expected)?.double == value, "\(expected) reads back")
            #expect(JSONNumber(literal: expected)?.pythonText == expected, "\(expected) is canonical")
        }
    }

    // MARK: INI

    @Test("configparser vectors, ConfigParser() mode with cloudcred's '%' leniency")
    func iniVectors() throws {
        for vector in try ParserVectors.cases("ini") {
            let name = try vector.string("name")
            let python = try #require(vector["python"], "\(name)")
            var expected = python
            if let lenient = vector["lenient"] {
                // The one deliberate difference: Python raises for a stray '%', we keep it.
                #expect(python["type"]?.stringValue == "InterpolationSyntaxError", "\(name)")
                expected = lenient
            }
            let input = try vector.string("input")
            let outcome = Result { () throws(INIParseError) in
                try INIFile.parse(input, path: vector["path"]?.stringValue, mode: .configParser)
            }
            try checkINI(name: name, outcome: outcome, expected: expected)
        }
    }

    @Test("configparser vectors, raw mode (no interpolation, no special DEFAULT)")
    func rawINIVectors() throws {
        for vector in try ParserVectors.cases("ini") {
            let name = try vector.string("name")
            let input = try vector.string("input")
            let outcome = Result { () throws(INIParseError) in
                try INIFile.parse(input, path: vector["path"]?.stringValue, mode: .raw)
            }
            try checkINI(name: name + " (raw)", outcome: outcome, expected: try #require(vector["raw"]))
        }
    }

    private func checkINI(name: String, outcome: Result<INIFile, INIParseError>, expected: JSONValue) throws {
        if expected["ok"] == true {
            let file = try #require(try? outcome.get(), "\(name): \(outcome)")
            let sections = try #require(expected["sections"]?.arrayValue)
            #expect(file.sectionNames == sections.compactMap { $0[0]?.stringValue }, "\(name) section order")
            #expect(file.sections == (try Self.sectionMap(sections)), "\(name)")
            let stripped = try #require(expected["stripped"]?.arrayValue)
            #expect(file.strippingInlineHashComments().sections == (try Self.sectionMap(stripped)), "\(name) stripped")
        } else {
            guard case .failure(let error) = outcome else { Issue.record("\(name): expected an error, got \(outcome)"); return }
            #expect(error.kind.pythonExceptionName == (try expected.string("type")), "\(name)")
            #expect(error.message == (try expected.string("message")), "\(name)")
            if let line = expected["line"]?.intValue {
                #expect(error.line == line, "\(name) line")
            }
        }
    }

    // MARK: shlex and repr

    @Test("shlex.split vectors")
    func shlexVectors() throws {
        for vector in try ParserVectors.cases("shlex") {
            let input = try vector.string("input")
            let outcome = Result { () throws(ShellWordsError) in try ShellWords.split(input) }
            if let message = vector["error"]?.stringValue {
                guard case .failure(let error) = outcome else { Issue.record("\(input.debugDescription): expected \(message)"); return }
                #expect(error.description == message, "\(input.debugDescription)")
            } else {
                #expect((try? outcome.get()) == (try vector.strings("words")), "\(input.debugDescription)")
            }
        }
    }

    @Test("repr(str) and repr(list) vectors")
    func reprVectors() throws {
        for vector in try ParserVectors.cases("repr") {
            let items = try vector.strings("items")
            #expect(PythonRepr.stringList(items) == (try vector.string("list")))
            for (item, expected) in zip(items, try vector.strings("strings")) {
                #expect(PythonRepr.string(item) == expected, "\(item.debugDescription)")
            }
        }
    }

    // MARK: Helpers

    /// `[[name, [[key, value], ...]], ...]` → `[name: [key: value]]`.
    private static func sectionMap(_ sections: [JSONValue]) throws -> [String: [String: String]] {
        var map: [String: [String: String]] = [:]
        for section in sections {
            let name = try #require(section[0]?.stringValue)
            var options: [String: String] = [:]
            for pair in section[1]?.arrayValue ?? [] {
                options[try #require(pair[0]?.stringValue)] = try #require(pair[1]?.stringValue)
            }
            map[name] = options
        }
        return map
    }

    private static func bytes(fromHex hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        return stride(from: 0, to: digits.count, by: 2).compactMap { i in
            UInt8(String(decoding: digits[i..<i + 2], as: UTF8.self), radix: 16)
        }
    }
}
