import CredentialsCore
import Testing

@Suite("Shell words (shlex.split)")
struct ShellWordsTests {
    @Test("splitting", arguments: [
        ("/usr/bin/helper --profile prod", ["/usr/bin/helper", "--profile", "prod"]),
        ("  a \t b\r\nc  ", ["a", "b", "c"]),
        (#"'single $x \ "q"' "double \" \\ \$ \n""#, [#"single $x \ "q""#, #"double " \ \$ \n"#]),
        (#"a"b c"d 'e'f\ g"#, ["ab cd", "ef g"]),
        (#"'' "" x''"#, ["", "", "x"]),
        ("line\\\ncontinued", ["line\ncontinued"]),
        ("\"quoted\\\nnewline\"", ["quoted\\\nnewline"]),
        ("# not a comment", ["#", "not", "a", "comment"]),
        ("vt\u{0B}ff\u{0C}nbsp\u{A0}", ["vt\u{0B}ff\u{0C}nbsp\u{A0}"]),
        ("", []),
    ])
    func split(command: String, words: [String]) throws {
        #expect(try ShellWords.split(command) == words)
    }

    @Test("errors carry Python's messages", arguments: [
        ("'open", ShellWordsError.noClosingQuotation),
        (#""open \""#, .noClosingQuotation),
        (#"trailing\"#, .noEscapedCharacter),
        (#""in quotes\"#, .noEscapedCharacter),
    ])
    func errors(command: String, expected: ShellWordsError) {
        #expect(throws: expected) { try ShellWords.split(command) }
    }

    @Test("descriptions")
    func descriptions() {
        #expect(ShellWordsError.noClosingQuotation.description == "No closing quotation")
        #expect(ShellWordsError.noEscapedCharacter.description == "No escaped character")
    }
}
