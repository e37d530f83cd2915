import CredentialsCore
import Testing

@Suite("INI parser")
struct INIParserTests {
    private let path = "/home/u/.alibabacloud/credentials.ini"

    @Test("a credentials.ini with DEFAULT inheritance, comments and both separators")
    func credentialsFile() throws {
        let file = try INIFile.parse(
            """
            # Alibaba Cloud credentials
            [DEFAULT]
            type = access_key

            [default]
            Access_Key_Id = LTAIEXAMPLE
            access_key_secret: s3cr3t   ; not a comment
            [client1]
            type = ecs_ram_role
            role_name = EcsRole
            """, path: path)
        #expect(file.sectionNames == ["default", "client1"])
        #expect(file.section("default") == ["type": "access_key", "access_key_id": "LTAIEXAMPLE", "access_key_secret": "s3cr3t   ; not a comment"])
        #expect(file.section("client1")?["type"] == "ecs_ram_role")
        #expect(file.section("DEFAULT") == nil)
        #expect(file.section("Default") == nil)
    }

    @Test("a stray '%' is kept literally (Python raises InterpolationSyntaxError)")
    func lenientPercent() throws {
        let file = try INIFile.parse(
            """
            [s]
            secret = 50%off%
            format = %s and %(x)d and %(open
            escaped = 100%%
            ref = %(secret)s|%(ESCAPED)s
            """)
        #expect(file.section("s") == [
            "secret": "50%off%", "format": "%s and %(x)d and %(open", "escaped": "100%", "ref": "50%off%|100%",
        ])
    }

    @Test("interpolation errors Python raises are raised, with Python's messages")
    func interpolationErrors() throws {
        let missing = try #require(throws: INIParseError.self) { try INIFile.parse("[a]\nok = 1\n[s]\n\nk = %(nope)s\n") }
        #expect(missing.kind == .interpolationMissingOption)
        #expect(missing.line == 5)
        #expect(missing.message == "Bad value substitution: option 'k' in section 's' contains an interpolation key 'nope' which is not a valid option name. Raw value: '%(nope)s'")
        let loop = try #require(throws: INIParseError.self) { try INIFile.parse("[s]\na = %(b)s\nb = %(a)s\n") }
        #expect(loop.kind == .interpolationDepth)
        #expect(loop.message.hasSuffix("cannot be substituted in 10 steps. Raw value: '%(b)s'"))
    }

    @Test("structural errors carry Python's message and the line number")
    func structuralErrors() throws {
        let cases: [(String, INIParseError.Kind, Int, String)] = [
            ("k = v\n", .missingSectionHeader, 1, "File contains no section headers.\nfile: '<string>', line: 1\n'k = v\\n'"),
            ("[s]\n[t]\n[s]\n", .duplicateSection, 3, "While reading from '<string>' [line  3]: section 's' already exists"),
            ("[s]\nA = 1\na = 2\n", .duplicateOption, 3, "While reading from '<string>' [line  3]: option 'a' in section 's' already exists"),
            ("[s]\nflag\nk = v\nother flag\n", .parsingError, 2, "Source contains parsing errors: '<string>'\n\t[line  2]: 'flag\\n'\n\t[line  4]: 'other flag\\n'"),
        ]
        for (text, kind, line, message) in cases {
            let error = try #require(throws: INIParseError.self) { try INIFile.parse(text) }
            #expect(error.kind == kind)
            #expect(error.line == line)
            #expect(error.message == message)
            #expect(error.description == message)
        }
        let withPath = try #require(throws: INIParseError.self) { try INIFile.parse("[s]\n[s]\n", path: "C:\\x's") }
        #expect(withPath.message == #"While reading from "C:\\x's" [line  2]: section 's' already exists"#)
    }

    @Test("continuation lines, blank lines inside values, and indented comments")
    func multilineValues() throws {
        let file = try INIFile.parse("[s]\nkey = a\n\n  b\n  # comment\n\tc\n\n\nnext =\n  x\n")
        #expect(file.section("s") == ["key": "a\n\nb\nc", "next": "\nx"])
    }

    @Test("line endings: \\r\\n and lone \\r end lines as in Python's text files")
    func lineEndings() throws {
        #expect(try INIFile.parse("[s]\r\na = 1\rb = 2\r\n").section("s") == ["a": "1", "b": "2"])
    }

    @Test("keys are lower-cased like str.lower(), including the final sigma")
    func lowerCasing() throws {
        let file = try INIFile.parse("[S]\nKEY = 1\nΣΑΣ = 2\nİ = 3\n")
        #expect(file.section("S").map { Set($0.keys) } == ["key", "σας", "i\u{307}"])
    }

    @Test("raw mode: no interpolation, DEFAULT is an ordinary section")
    func rawMode() throws {
        let file = try INIFile.parse("[default]\nak = A%B\nsk = %(x)s\n[DEFAULT]\nregion = r\n", mode: .raw)
        #expect(file.sectionNames == ["default", "DEFAULT"])
        #expect(file.section("default") == ["ak": "A%B", "sk": "%(x)s"])
        #expect(file.section("DEFAULT") == ["region": "r"])
    }

    @Test("the Python library's post-processing cuts values at the first '#'")
    func inlineHashComments() throws {
        let file = try INIFile.parse("[s]\nid = abc # note\nsecret = p#ss\nsemi = a;b\nhash = #\nfree = x\n")
        #expect(file.strippingInlineHashComments().section("s") == ["id": "abc", "secret": "p", "semi": "a;b", "hash": "", "free": "x"])
        #expect(file.section("s")?["id"] == "abc # note")
    }

    @Test("empty input, comment-only input and DEFAULT-only input have no sections")
    func noSections() throws {
        for text in ["", "\n\n", "# c\n; d\n", "[DEFAULT]\nk = v\n"] {
            let file = try INIFile.parse(text)
            #expect(file.sectionNames.isEmpty)
            #expect(file.sections.isEmpty)
        }
    }
}
