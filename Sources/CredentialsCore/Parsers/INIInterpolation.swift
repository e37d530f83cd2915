/// configparser's `BasicInterpolation`, with one deliberate difference: a `%` that starts neither `%%` nor a
/// well-formed `%(name)s` is kept as a literal `%` instead of raising `InterpolationSyntaxError`
/// (secrets and URLs contain `%` far more often than anyone uses interpolation).
struct INIInterpolation {
    /// configparser's `MAX_INTERPOLATION_DEPTH`.
    static let maximumDepth = 10
    /// The most text all resolved options together may have: self-referencing values grow exponentially, and
    /// every `[DEFAULT]` option is copied into every section.
    static let maximumTotalBytes = 4 << 20

    private var remainingBytes = INIInterpolation.maximumTotalBytes

    /// Resolves `%%` and `%(name)s` in the value of `option`, looking names up (lower-cased) in `values`,
    /// the section's options merged over `[DEFAULT]`.
    mutating func resolve(
        option: RawINI.Option, section: String, values: [ScalarKey: RawINI.Option]
    ) throws(INIParseError) -> String {
        let raw = option.value
        var resolved = raw
        if raw.utf8.contains(Self.percent) {
            // Work on UTF-8 bytes: every special character is ASCII, so byte offsets never split a code point.
            var output: [UInt8] = []
            var expansion = Expansion(option: option, section: section, values: values)
            try expansion.expand(Array(raw.utf8), into: &output, depth: 1, remainingBytes: remainingBytes)
            resolved = String(decoding: output, as: UTF8.self)
        }
        remainingBytes -= option.key.utf8.count + resolved.utf8.count + 1  // inherited empty values must cost too
        guard remainingBytes >= 0 else {
            throw .tooLarge(line: option.line, section: section, option: option.key, limit: Self.maximumTotalBytes)
        }
        return resolved
    }

    /// Matches `(name)s` at `start`, right after a `%` (configparser's `%\(([^)]+)\)s`): the name's byte range
    /// and the offset after the `s`.
    fileprivate static func reference(in text: [UInt8], at start: Int) -> (name: Range<Int>, next: Int)? {
        guard start < text.count, text[start] == UInt8(ascii: "("),
            let close = text[(start + 1)...].firstIndex(of: UInt8(ascii: ")")),
            close > start + 1, close + 1 < text.count, text[close + 1] == UInt8(ascii: "s")
        else { return nil }
        return (start + 1..<close, close + 2)
    }

    fileprivate static let percent = UInt8(ascii: "%")
}

/// The expansion of one option's value, depth first and left to right like configparser (so the first error is
/// the one Python reports). A name already expanded at the same depth is copied from the earlier output instead of
/// being expanded again: the result is the same (and so are the errors), but exponential growth costs linear time.
private struct Expansion {
    let option: RawINI.Option
    let section: String
    let values: [ScalarKey: RawINI.Option]
    private var earlier: [Reference: Range<Int>] = [:]

    private struct Reference: Hashable {
        var key: ScalarKey
        var depth: Int
    }

    init(option: RawINI.Option, section: String, values: [ScalarKey: RawINI.Option]) {
        self.option = option
        self.section = section
        self.values = values
    }

    mutating func expand(
        _ text: [UInt8], into output: inout [UInt8], depth: Int, remainingBytes: Int
    ) throws(INIParseError) {
        let percent = INIInterpolation.percent
        if depth > INIInterpolation.maximumDepth {
            throw .interpolationDepth(
                line: option.line, section: section, option: option.key, rawValue: option.value,
                limit: INIInterpolation.maximumDepth)
        }
        var index = 0
        while let found = text[index...].firstIndex(of: percent) {
            output.append(contentsOf: text[index..<found])
            index = found + 1
            if index < text.count && text[index] == percent {
                output.append(percent)
                index += 1
            } else if let (name, next) = INIInterpolation.reference(in: text, at: index) {
                let key = PythonText.lower(String(decoding: text[name], as: UTF8.self))
                try appendReference(key, into: &output, depth: depth, remainingBytes: remainingBytes)
                index = next
            } else {
                output.append(percent)  // the deliberate difference: Python raises here
            }
            guard output.count <= remainingBytes else {
                throw .tooLarge(
                    line: option.line, section: section, option: option.key, limit: INIInterpolation.maximumTotalBytes)
            }
        }
        output.append(contentsOf: text[index...])
    }

    private mutating func appendReference(
        _ key: String, into output: inout [UInt8], depth: Int, remainingBytes: Int
    ) throws(INIParseError) {
        guard let referenced = values[ScalarKey(key)] else {
            throw .missingOption(line: option.line, section: section, option: option.key, reference: key, rawValue: option.value)
        }
        let value = referenced.value
        guard value.utf8.contains(INIInterpolation.percent) else {
            output.append(contentsOf: value.utf8)
            return
        }
        let reference = Reference(key: ScalarKey(key), depth: depth + 1)
        if let range = earlier[reference] {
            let copy = Array(output[range])
            output.append(contentsOf: copy)
            return
        }
        let start = output.count
        try expand(Array(value.utf8), into: &output, depth: depth + 1, remainingBytes: remainingBytes)
        earlier[reference] = start..<output.count
    }
}
