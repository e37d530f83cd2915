/// configparser's `BasicInterpolation`, with one deliberate difference: a `%` that starts neither `%%` nor a
/// well-formed `%(name)s` is kept as a literal `%` instead of raising `InterpolationSyntaxError`
/// (secrets and URLs contain `%` far more often than anyone uses interpolation).
struct INIInterpolation {
    /// configparser's `MAX_INTERPOLATION_DEPTH`.
    static let maximumDepth = 10
    /// The most text all resolved options together may have: self-referencing values grow exponentially, and
    /// every `[DEFAULT]` option is copied into every section.
    static let maximumTotalBytes = 32 << 20

    private var remainingBytes = INIInterpolation.maximumTotalBytes

    /// Resolves `%%` and `%(name)s` in the value of `option`, looking names up (lower-cased) in `values`,
    /// the section's options merged over `[DEFAULT]`.
    mutating func resolve(
        option: RawINI.Option, section: String, values: [ScalarKey: RawINI.Option]
    ) throws(INIParseError) -> String {
        let raw = option.value
        var output = ""
        if raw.utf8.contains(UInt8(ascii: "%")) {
            try expand(raw, into: &output, option: option, section: section, values: values, depth: 1)
        } else {
            output = raw
        }
        remainingBytes -= option.key.utf8.count + output.utf8.count + 1  // inherited empty values must cost too
        guard remainingBytes >= 0 else {
            throw .tooLarge(line: option.line, section: section, option: option.key, limit: Self.maximumTotalBytes)
        }
        return output
    }

    private func expand(
        _ text: String, into output: inout String, option: RawINI.Option, section: String,
        values: [ScalarKey: RawINI.Option], depth: Int
    ) throws(INIParseError) {
        if depth > Self.maximumDepth {
            throw .interpolationDepth(
                line: option.line, section: section, option: option.key, rawValue: option.value, limit: Self.maximumDepth)
        }
        var rest = Substring(text).unicodeScalars
        while let percent = rest.firstIndex(of: "%") {
            output.unicodeScalars.append(contentsOf: rest[..<percent])
            rest = rest[rest.index(after: percent)...]
            if rest.first == "%" {
                output += "%"
                rest = rest.dropFirst()
            } else if let (name, after) = Self.reference(in: rest) {
                let key = PythonText.lower(String(Substring(name)))
                guard let referenced = values[ScalarKey(key)] else {
                    throw .missingOption(
                        line: option.line, section: section, option: option.key, reference: key, rawValue: option.value)
                }
                let value = referenced.value
                if value.utf8.contains(UInt8(ascii: "%")) {
                    try expand(value, into: &output, option: option, section: section, values: values, depth: depth + 1)
                } else {
                    output += value
                }
                rest = after
            } else {
                output += "%"  // the deliberate difference: Python raises here
            }
            guard output.utf8.count <= remainingBytes else {
                throw .tooLarge(line: option.line, section: section, option: option.key, limit: Self.maximumTotalBytes)
            }
        }
        output.unicodeScalars.append(contentsOf: rest)
    }

    /// Matches `(name)s` right after a `%` (configparser's `%\(([^)]+)\)s`): the name and the text after `s`.
    private static func reference(
        in text: Substring.UnicodeScalarView
    ) -> (name: Substring.UnicodeScalarView, rest: Substring.UnicodeScalarView)? {
        guard text.first == "(", let close = text.firstIndex(of: ")") else { return nil }
        let name = text[text.index(after: text.startIndex)..<close]
        let afterClose = text[text.index(after: close)...]
        guard !name.isEmpty, afterClose.first == "s" else { return nil }
        return (name, afterClose.dropFirst())
    }
}
