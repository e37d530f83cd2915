import CredentialsCore
import Testing

@Suite("JSON writer")
struct JSONWriterTests {
    private let document: JSONValue = ["b": [1, 2], "a": ["x": "é", "y": [:], "z": []]]

    @Test("compact: no whitespace, UTF-8 text (the docker helper's output)")
    func compact() {
        #expect(document.serialized(style: .compact) == #"{"b":[1,2],"a":{"x":"é","y":{},"z":[]}}"#)
        #expect(document.serialized(style: .compact, sortKeys: true) == #"{"a":{"x":"é","y":{},"z":[]},"b":[1,2]}"#)
    }

    @Test("python: json.dumps defaults, non-ASCII escaped")
    func python() {
        #expect(document.serialized(style: .python) == #"{"b": [1, 2], "a": {"x": "\u00e9", "y": {}, "z": []}}"#)
        #expect(JSONValue.string("😀\u{7F}").serialized(style: .python) == #""\ud83d\ude00\u007f""#)
    }

    @Test("pythonIndented(4): json.dumps(indent=4, ensure_ascii=False)")
    func indented() {
        let expected = """
            {
                "b": [
                    1,
                    2
                ],
                "a": {
                    "x": "é",
                    "y": {},
                    "z": []
                }
            }
            """
        #expect(document.serialized(style: .pythonIndented(4)) == expected)
        #expect(JSONValue.array([]).serialized(style: .pythonIndented(4)) == "[]")
        #expect(JSONValue.object([:]).serialized(style: .pythonIndented(4)) == "{}")
        #expect(JSONValue.string("x").serialized(style: .pythonIndented(4)) == #""x""#)
        #expect(JSONValue.array([1]).serialized(style: .pythonIndented(2)) == "[\n  1\n]")
        #expect(JSONValue.array([1]).serialized(style: .pythonIndented(-3)) == "[\n1\n]")
    }

    @Test("strings are escaped exactly as Python's encoder escapes them")
    func escaping() {
        let text: JSONValue = .string("\"\\/\n\r\t\u{08}\u{0C}\u{00}\u{1F}\u{7F}é\u{2028}😀")
        #expect(text.serialized(style: .compact) == "\"\\\"\\\\/\\n\\r\\t\\b\\f\\u0000\\u001f\u{7F}é\u{2028}😀\"")
        #expect(text.serialized(style: .python) == #""\"\\/\n\r\t\b\f\u0000\u001f\u007f\u00e9\u2028\ud83d\ude00""#)
    }

    @Test("sortKeys orders by code point, not by Swift's String ordering")
    func sortByCodePoint() {
        let value: JSONValue = ["é": 1, "z": 2, "e\u{301}": 3, "Z": 4, "😀": 5, "\u{FF41}": 6]
        let keys = value.serialized(style: .compact, sortKeys: true)
        #expect(keys == "{\"Z\":4,\"e\u{301}\":3,\"z\":2,\"é\":1,\"\u{FF41}\":6,\"😀\":5}")
    }

    @Test("numbers: literals as Python rewrites them; Swift doubles in Python's repr")
    func numbers() throws {
        let parsed = try JSONValue.parse("[1700000000, 1.5, 1.50, 1E2, -0, -0.0, 1e400, 123456789012345678901234567890]")
        #expect(parsed.serialized() == "[1700000000,1.5,1.5,100.0,0,-0.0,1e400,123456789012345678901234567890]")
        let made: [JSONValue] = [0.1, 1e16, 1e15, 1e-5, 0.0001, -2.5, 100]
        #expect(JSONValue.array(made).serialized() == "[0.1,1e+16,1000000000000000.0,1e-05,0.0001,-2.5,100]")
        #expect(JSONNumber(Double.leastNonzeroMagnitude)?.literal == "5e-324")
        #expect(JSONNumber(Int64.min).literal == "-9223372036854775808")
    }

    @Test("an unchanged config.json is rewritten byte for byte")
    func unchangedRewrite() throws {
        let original = """
            {
                "current": "default",
                "profiles": [
                    {
                        "name": "default",
                        "mode": "OAuth",
                        "oauth_access_token_expire": 1700000000,
                        "ratio": 1.5,
                        "enable_vpc": false,
                        "policy": null
                    }
                ],
                "meta_path": ""
            }
            """
        #expect(try JSONValue.parse(original).serialized(style: .pythonIndented(4)) == original)
    }

    @Test("editing keeps key order: replaced keys stay, new keys go last")
    func editingKeepsOrder() throws {
        var config = try #require(try JSONValue.parse(#"{"current": "a", "profiles": [], "meta_path": ""}"#).objectValue)
        config["profiles"] = [["name": "a", "mode": "AK"]]
        config["added"] = 1
        #expect(JSONValue.object(config).serialized(style: .python) == #"{"current": "a", "profiles": [{"name": "a", "mode": "AK"}], "meta_path": "", "added": 1}"#)
    }
}
