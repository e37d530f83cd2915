import CredentialsCore
import Testing

@Suite("JSON parser")
struct JSONParserTests {
    private func parseError(_ text: String, maximumDepth: Int = JSONValue.maximumNestingDepth) -> JSONParseError? {
        do {
            _ = try JSONValue.parse(text, maximumDepth: maximumDepth)
            return nil
        } catch {
            return error
        }
    }

    @Test("values of every kind")
    func values() throws {
        let value = try JSONValue.parse(#" {"s": "x", "n": -12.5e1, "t": true, "f": false, "z": null, "a": [1, "2"], "o": {}} "#)
        #expect(value["s"] == "x")
        #expect(value["n"]?.doubleValue == -125)
        #expect(value["n"]?.numberValue?.literal == "-12.5e1")
        #expect(value["t"]?.boolValue == true)
        #expect(value["f"]?.boolValue == false)
        #expect(value["z"]?.isNull == true)
        #expect(value["a"]?[1]?.stringValue == "2")
        #expect(value["a"]?[2] == nil)
        #expect(value["o"]?.objectValue?.isEmpty == true)
        #expect(value["missing"] == nil)
        #expect(value["s"]?["nested"] == nil)
        #expect(value["s"]?.int64Value == nil)
    }

    @Test("error messages and positions as Python reports them", arguments: [
        ("", "Expecting value: line 1 column 1 (char 0)"),
        ("[1,]", "Expecting value: line 1 column 4 (char 3)"),
        (#"{"a":1,}"#, "Expecting property name enclosed in double quotes: line 1 column 8 (char 7)"),
        (#"{"a" 1}"#, "Expecting ':' delimiter: line 1 column 6 (char 5)"),
        (#"{"a":1 "b":2}"#, "Expecting ',' delimiter: line 1 column 8 (char 7)"),
        (#""abc"#, "Unterminated string starting at: line 1 column 1 (char 0)"),
        ("\"a\u{01}\"", "Invalid control character at: line 1 column 3 (char 2)"),
        (#""\x""#, #"Invalid \escape: line 1 column 2 (char 1)"#),
        (#""\u12""#, #"Invalid \uXXXX escape: line 1 column 3 (char 2)"#),
        ("{\"a\":1}\n\n x", "Extra data: line 3 column 2 (char 10)"),
        ("[\"é😀\", x]", "Expecting value: line 1 column 8 (char 7)"),
        ("\u{FEFF}{}", "Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)"),
    ])
    func errorPositions(input: String, expected: String) {
        #expect(parseError(input)?.description == expected)
    }

    @Test("a broken config.json reports line, column and the byte offset")
    func multilineError() throws {
        let error = try #require(parseError("{\n  \"current\": \"é\",\n  \"profiles\": [,]\n}"))
        #expect(error.message == "Expecting value")
        #expect((error.line, error.column, error.offset) == (3, 16, 35))
        #expect(error.byteOffset == 36)  // é is two bytes
    }

    @Test("invalid UTF-8 is rejected before parsing, at the first bad byte")
    func invalidUTF8() throws {
        let error = try #require(throws: JSONParseError.self) { try JSONValue.parse([0x5B, 0x31, 0x2C, 0x80, 0x5D]) }
        #expect(error.message == "'utf-8' codec can't decode byte 0x80: invalid start byte")
        #expect(error.byteOffset == 3)
        // Even when a syntax error comes first, as Python decodes the whole file before parsing.
        let late = try #require(throws: JSONParseError.self) { try JSONValue.parse([0x5D, 0x20, 0xE2, 0x82]) }
        #expect(late.message == "'utf-8' codec can't decode byte 0xe2: unexpected end of data")
        #expect(late.byteOffset == 2)
    }

    @Test("escapes, surrogate pairs, and lone surrogates replaced by U+FFFD")
    func escapes() throws {
        #expect(try JSONValue.parse(#""\"\\\/\b\f\n\r\t\u00e9\u4E2D""#) == "\"\\/\u{08}\u{0C}\n\r\té中")
        #expect(try JSONValue.parse(#""\ud83d\ude00""#) == "😀")
        #expect(try JSONValue.parse(#""\ud83d \ude00""#) == "\u{FFFD} \u{FFFD}")
        #expect(try JSONValue.parse(#""\ud800\u0041""#) == "\u{FFFD}A")
        #expect(try JSONValue.parse("\"raw é 😀 \u{7F}\"") == "raw é 😀 \u{7F}")
    }

    @Test("strictness: no NaN, Infinity, trailing commas, comments, single quotes or leading zeros")
    func strictness() {
        for input in ["NaN", "Infinity", "-Infinity", "[1,]", "{\"a\":1,}", "// c\n1", "'a'", "01", "1.", ".5", "+1", "0x1", "1e", "[1 2]", "tru", "nul"] {
            #expect(parseError(input) != nil, "\(input.debugDescription) should be rejected")
        }
    }

    @Test("nesting depth: 512 levels parse, 513 are an error (also with a custom limit)")
    func depthLimit() throws {
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(parseError(ok) == nil)
        let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        let error = try #require(parseError(tooDeep))
        #expect(error.message == "Nesting deeper than 512 levels")
        #expect(error.offset == 512)
        let objects = String(repeating: #"{"a":"#, count: 3) + "1" + String(repeating: "}", count: 3)
        #expect(parseError(objects, maximumDepth: 3) == nil)
        #expect(parseError(objects, maximumDepth: 2)?.offset == 10)
    }

    @Test("a million open brackets fail fast instead of exhausting the stack")
    func hugeNesting() throws {
        let error = try #require(parseError(String(repeating: "[", count: 1_000_000)))
        #expect(error.message.hasPrefix("Nesting deeper"))
        #expect(parseError(String(repeating: "[", count: 100_000), maximumDepth: Int.max)?.message == "Expecting value")
    }

    @Test("numbers keep their literal; int64 is exact")
    func numbers() throws {
        let value = try JSONValue.parse("[1700000000, 3600.0, 36e2, 1.5, 9223372036854775807, 9223372036854775808, -9223372036854775808, 1e400, -0, 0.000e5, 1E-2]")
        let numbers = try #require(value.arrayValue).compactMap { $0.numberValue }
        #expect(numbers.map(\.literal) == ["1700000000", "3600.0", "36e2", "1.5", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "1e400", "-0", "0.000e5", "1E-2"])
        #expect(numbers.map(\.int64) == [1_700_000_000, 3600, 3600, nil, .max, nil, .min, nil, 0, 0, nil])
        #expect(numbers[0].int == 1_700_000_000)
        #expect(numbers[7].double == .infinity)
        #expect(numbers.map(\.isIntegerLiteral) == [true, false, false, false, true, true, true, false, true, false, false])
        #expect(JSONNumber(literal: "1.0e+3")?.int64 == 1000)
        #expect(JSONNumber(literal: "1e99999999999999999999")?.int64 == nil)
        #expect(JSONNumber(literal: "0e99999999999999999999")?.int64 == 0)
        #expect(JSONNumber(literal: "1e-9223372036854775808")?.int64 == nil)
        #expect(JSONNumber(literal: "12 ") == nil)
        #expect(JSONNumber(literal: "") == nil)
        #expect(JSONNumber(.nan) == nil)
        #expect(JSONNumber(-Double.infinity) == nil)
    }

    @Test("objects keep insertion order; a repeated key keeps its place and takes the last value")
    func objectOrder() throws {
        let value = try JSONValue.parse(#"{"z": 1, "a": 2, "z": 3, "m": 4}"#)
        var object = try #require(value.objectValue)
        #expect(object.keys == ["z", "a", "m"])
        #expect(object["z"] == 3)
        object["a"] = "replaced"
        object["new"] = true
        #expect(object.keys == ["z", "a", "m", "new"])
        #expect(object["a"] == "replaced")
        #expect(object.removeValue(forKey: "z") == 3)
        #expect(object.removeValue(forKey: "z") == nil)
        object["m"] = nil
        #expect(object.keys == ["a", "new"])
        #expect(object["new"] == true)
        #expect(object.contains(key: "a") && !object.contains(key: "m"))
        #expect(Array(object).map(\.key) == ["a", "new"])
        #expect(JSONValue.object(object).serialized() == #"{"a":"replaced","new":true}"#)
    }

    @Test("object equality is order-sensitive; keys are compared by code point as in Python")
    func objectEquality() {
        let ab: JSONObject = ["a": 1, "b": 2]
        let ba: JSONObject = ["b": 2, "a": 1]
        #expect(ab != ba)
        #expect(ab == ["a": 1, "b": 2])
        #expect(Set([ab, ["a": 1, "b": 2]]).count == 1)
        let composed: JSONObject = ["\u{E9}": 1, "e\u{301}": 2]
        #expect(composed.count == 2)
        #expect(composed["e\u{301}"] == 2)
    }

    @Test("literals build documents")
    func literals() {
        let value: JSONValue = ["a": [1, 2.5, "x", nil, true], "b": [:]]
        #expect(value.serialized() == #"{"a":[1,2.5,"x",null,true],"b":{}}"#)
        #expect(value.description == value.serialized())
    }
}
