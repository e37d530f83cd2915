/// Why an INI file could not be read. `message` is the text of the matching Python `configparser`
/// exception (`str(e)`), because that is what the Python library shows for a broken `credentials.ini`.
public struct INIParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure, named after the `configparser` exception it corresponds to.
    public enum Kind: Sendable, Hashable {
        /// Content before the first `[section]` header (`MissingSectionHeaderError`).
        case missingSectionHeader
        /// A `[section]` header seen twice (`DuplicateSectionError`).
        case duplicateSection
        /// A key seen twice in one section (`DuplicateOptionError`).
        case duplicateOption
        /// Lines that are neither headers, options, comments nor continuations (`ParsingError`).
        case parsingError
        /// `%(name)s` naming a key that does not exist (`InterpolationMissingOptionError`).
        case interpolationMissingOption
        /// `%(name)s` references nested more than 10 deep (`InterpolationDepthError`).
        case interpolationDepth
        /// Interpolation would produce more text than cloudcred allows (no Python counterpart).
        case tooLarge

        /// The Python exception class for this kind (`tooLarge` has none and reports `ValueError`).
        public var pythonExceptionName: String {
            switch self {
            case .missingSectionHeader: "MissingSectionHeaderError"
            case .duplicateSection: "DuplicateSectionError"
            case .duplicateOption: "DuplicateOptionError"
            case .parsingError: "ParsingError"
            case .interpolationMissingOption: "InterpolationMissingOptionError"
            case .interpolationDepth: "InterpolationDepthError"
            case .tooLarge: "ValueError"
            }
        }
    }

    /// What failed.
    public let kind: Kind
    /// The 1-based line of the (first) offending line; for interpolation errors, the line defining the option.
    public let line: Int
    /// Python's message, e.g. `While reading from '<string>' [line  3]: section 'x' already exists`.
    public let message: String

    /// An error of `kind` at `line` with `message`.
    public init(kind: Kind, line: Int, message: String) {
        self.kind = kind
        self.line = line
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

extension INIParseError {
    static func missingSectionHeader(source: String, line: Int, rawLine: String) -> INIParseError {
        INIParseError(
            kind: .missingSectionHeader, line: line,
            message: "File contains no section headers.\nfile: \(PythonRepr.string(source)), line: \(line)\n\(PythonRepr.string(rawLine))")
    }

    static func duplicateSection(source: String, line: Int, section: String) -> INIParseError {
        INIParseError(
            kind: .duplicateSection, line: line,
            message: "While reading from \(PythonRepr.string(source)) [line \(width2(line))]: section \(PythonRepr.string(section)) already exists")
    }

    static func duplicateOption(source: String, line: Int, section: String, option: String) -> INIParseError {
        INIParseError(
            kind: .duplicateOption, line: line,
            message: "While reading from \(PythonRepr.string(source)) [line \(width2(line))]: option \(PythonRepr.string(option)) "
                + "in section \(PythonRepr.string(section)) already exists")
    }

    /// All the bad lines of a file, reported together as Python does after reading to the end.
    static func parsingErrors(source: String, lines: [(number: Int, rawLine: String)]) -> INIParseError {
        var message = "Source contains parsing errors: \(PythonRepr.string(source))"
        for line in lines {
            message += "\n\t[line \(width2(line.number))]: \(PythonRepr.string(line.rawLine))"
        }
        return INIParseError(kind: .parsingError, line: lines.first?.number ?? 0, message: message)
    }

    static func missingOption(line: Int, section: String, option: String, reference: String, rawValue: String) -> INIParseError {
        INIParseError(
            kind: .interpolationMissingOption, line: line,
            message: "Bad value substitution: option \(PythonRepr.string(option)) in section \(PythonRepr.string(section)) contains "
                + "an interpolation key \(PythonRepr.string(reference)) which is not a valid option name. "
                + "Raw value: \(PythonRepr.string(rawValue))")
    }

    static func interpolationDepth(line: Int, section: String, option: String, rawValue: String, limit: Int) -> INIParseError {
        INIParseError(
            kind: .interpolationDepth, line: line,
            message: "Recursion limit exceeded in value substitution: option \(PythonRepr.string(option)) "
                + "in section \(PythonRepr.string(section)) contains an interpolation key which "
                + "cannot be substituted in \(limit) steps. Raw value: \(PythonRepr.string(rawValue))")
    }

    static func tooLarge(line: Int, section: String, option: String, limit: Int) -> INIParseError {
        INIParseError(
            kind: .tooLarge, line: line,
            message: "Interpolation of option \(PythonRepr.string(option)) in section \(PythonRepr.string(section)) "
                + "exceeds the limit of \(limit) bytes for all values")
    }

    /// Python's `%2d`: right-aligned in two columns.
    private static func width2(_ number: Int) -> String {
        number >= 0 && number < 10 ? " \(number)" : "\(number)"
    }
}
