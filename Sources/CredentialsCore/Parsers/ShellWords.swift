/// Why a command line could not be split into words. The descriptions are Python's `ValueError` texts.
public enum ShellWordsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A `'` or `"` quote was opened and never closed.
    case noClosingQuotation
    /// The command ends with a backslash that has nothing to escape.
    case noEscapedCharacter

    /// Python's message for the error.
    public var description: String {
        switch self {
        case .noClosingQuotation: "No closing quotation"
        case .noEscapedCharacter: "No escaped character"
        }
    }
}

/// Splits a command line into words the way Python's `shlex.split(s)` does (POSIX mode, no comments),
/// which is how the Python library runs an `external` credential process on POSIX systems.
///
/// The rules, all from `shlex`:
/// * words are separated by runs of space, tab, carriage return or line feed (nothing else is whitespace);
/// * outside quotes a backslash escapes any one character, including a newline, which is **kept as a
///   literal newline** rather than joining lines as a shell would;
/// * inside `'…'` nothing is special;
/// * inside `"…"` a backslash escapes only `"` and `\`; before any other character both are kept;
/// * quotes can be glued to other text (`a"b c"d` is one word `ab cd`), and `''` or `""` is an empty word;
/// * `#` starts no comment, and `$`, backticks and globs are ordinary characters (no shell runs).
public enum ShellWords {
    /// The words of `command`, or an error for an unclosed quote or a trailing backslash.
    public static func split(_ command: String) throws(ShellWordsError) -> [String] {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        var inWord = false  // a word is open, possibly empty because of quotes
        var state = State.between
        for scalar in command.unicodeScalars {
            switch state {
            case .between, .word:
                if isWhitespace(scalar) {
                    if inWord {
                        words.append(String(word))
                        word = String.UnicodeScalarView()
                        inWord = false
                    }
                    state = .between
                } else {
                    inWord = true
                    switch scalar {
                    case "\\": state = .escapedInWord
                    case "'": state = .singleQuoted
                    case "\"": state = .doubleQuoted
                    default:
                        word.append(scalar)
                        state = .word
                    }
                }
            case .singleQuoted:
                if scalar == "'" { state = .word } else { word.append(scalar) }
            case .doubleQuoted:
                switch scalar {
                case "\"": state = .word
                case "\\": state = .escapedInDoubleQuotes
                default: word.append(scalar)
                }
            case .escapedInWord:
                word.append(scalar)
                state = .word
            case .escapedInDoubleQuotes:
                // Inside double quotes only the quote and the backslash itself can be escaped.
                if scalar != "\"" && scalar != "\\" { word.append("\\") }
                word.append(scalar)
                state = .doubleQuoted
            }
        }
        switch state {
        case .singleQuoted, .doubleQuoted: throw .noClosingQuotation
        case .escapedInWord, .escapedInDoubleQuotes: throw .noEscapedCharacter
        case .between, .word:
            if inWord { words.append(String(word)) }
        }
        return words
    }

    private enum State {
        case between, word, singleQuoted, doubleQuoted, escapedInWord, escapedInDoubleQuotes
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n"
    }
}
