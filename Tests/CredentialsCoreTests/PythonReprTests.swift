import CredentialsCore
import Testing

@Suite("Python repr")
struct PythonReprTests {
    @Test("quote choice follows Python", arguments: [
        ("plain", "'plain'"),
        ("it's", #""it's""#),
        (#"say "hi""#, #"'say "hi"'"#),
        (#"both ' and ""#, #"'both \' and "'"#),
        ("", "''"),
    ])
    func quotes(input: String, expected: String) {
        #expect(PythonRepr.string(input) == expected)
    }

    @Test("escapes: backslash, whitespace controls, other controls, non-printables")
    func escapes() {
        #expect(PythonRepr.string(#"C:\Users\me"#) == #"'C:\\Users\\me'"#)
        #expect(PythonRepr.string("a\tb\nc\rd") == #"'a\tb\nc\rd'"#)
        #expect(PythonRepr.string("\u{00}\u{1B}\u{7F}\u{85}\u{A0}\u{AD}") == #"'\x00\x1b\x7f\x85\xa0\xad'"#)
        #expect(PythonRepr.string("\u{200B}\u{2028}\u{3000}\u{E000}\u{FFFF}\u{E0001}") == #"'\u200b\u2028\u3000\ue000\uffff\U000e0001'"#)
        #expect(PythonRepr.string("é中😀 e\u{301}") == "'é中😀 e\u{301}'")
        // Assigned after Unicode 14.0, so unassigned (escaped) in the reference Python 3.11.
        #expect(PythonRepr.string("\u{1FADC}\u{0CF3}") == #"'\U0001fadc\u0cf3'"#)
    }

    @Test("the default chain's error message")
    func chainMessage() {
        let message = "unable to load credentials from any of the providers in the chain: "
            + PythonRepr.stringList([
                "EnvironmentVariableCredentialsProvider: Environment variable accessKeyId cannot be empty",
                "CLIProfileCredentialsProvider: unable to get profile with 'nope' form cli credentials file.",
                "External: failed\nstderr: boom",
            ])
        #expect(message == #"unable to load credentials from any of the providers in the chain: ['EnvironmentVariableCredentialsProvider: Environment variable accessKeyId cannot be empty', "CLIProfileCredentialsProvider: unable to get profile with 'nope' form cli credentials file.", 'External: failed\nstderr: boom']"#)
        #expect(PythonRepr.stringList([]) == "[]")
    }
}
