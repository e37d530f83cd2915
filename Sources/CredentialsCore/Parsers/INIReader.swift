/// An INI file's sections and options as written, before `[DEFAULT]` inheritance and interpolation.
struct RawINI {
    struct Option {
        var key: String
        /// The value's lines: the first line's value, then continuation lines and blank lines, all stripped.
        var lines: [String]
        /// The 1-based line of `key = value`.
        var line: Int

        /// The lines joined with `\n` and right-stripped (so trailing blank lines vanish), as configparser joins
        /// them; set when the whole file has been read.
        var value = ""

        mutating func joinLines() {
            value = String(Substring(PythonText.rstrip(Substring(lines.joined(separator: "\n")).unicodeScalars)))
        }
    }

    struct Section {
        var name: String
        var options: [Option] = []
        private var positions: [ScalarKey: Int] = [:]

        init(name: String) { self.name = name }

        func contains(_ key: String) -> Bool { positions[ScalarKey(key)] != nil }

        mutating func add(_ option: Option) {
            positions[ScalarKey(option.key)] = options.count
            options.append(option)
        }

        mutating func appendLine(_ text: String, toOption key: String) {
            guard let index = positions[ScalarKey(key)] else { return }
            options[index].lines.append(text)
        }

        mutating func joinLines() {
            for index in options.indices { options[index].joinLines() }
        }
    }

    /// The `[DEFAULT]` section's options (always empty when DEFAULT is not special).
    var defaults = Section(name: "DEFAULT")
    /// The other sections in file order.
    var sections: [Section] = []
}

/// Reads INI text line by line with the rules of CPython's `RawConfigParser._read` (3.11, default options:
/// `=`/`:` delimiters, `#`/`;` full-line comments, no inline comments, strict, empty lines allowed in values).
struct INIReader {
    /// One physical line, with universal newlines (`\r\n`, `\r` and `\n` all end a line, as Python's text files).
    private struct Line {
        var number: Int
        var content: Substring.UnicodeScalarView
        var terminated: Bool

        /// The line as Python sees it (with its `\n`), for error messages.
        var raw: String { String(Substring(content)) + (terminated ? "\n" : "") }
    }

    /// Where the option lines go.
    private enum Target {
        case defaults
        case section(Int)
    }

    let source: String
    /// The name of the special inheriting section, or nil when no section is special.
    let defaultSectionName: String?

    func read(_ text: String) throws(INIParseError) -> RawINI {
        var ini = RawINI()
        var sectionPositions: [ScalarKey: Int] = [:]
        var seenOptions: Set<[ScalarKey]> = []  // (section, option) pairs, across repeated [DEFAULT] headers
        var target: Target?
        var targetName = ""
        var optionKey: String?  // the option that continuation lines extend
        var indentLevel = 0
        var badLines: [(number: Int, rawLine: String)] = []

        for line in Self.lines(of: text) {
            let stripped = PythonText.strip(line.content)
            let isComment = stripped.first == "#" || stripped.first == ";"
            if stripped.isEmpty || isComment {
                // A blank line (not a comment) becomes part of the current value; trailing ones are trimmed later.
                if !isComment, let target, let optionKey, !optionKey.isEmpty {
                    Self.appendLine("", to: optionKey, in: target, of: &ini)
                }
                continue
            }
            let indent = line.content.prefix(while: PythonText.isSpace).count
            let strippedText = String(Substring(stripped))
            if let target, let optionKey, !optionKey.isEmpty, indent > indentLevel {
                Self.appendLine(strippedText, to: optionKey, in: target, of: &ini)
                continue
            }
            indentLevel = indent

            if let header = Self.sectionHeader(stripped) {
                if let defaultSectionName, header == defaultSectionName {
                    target = .defaults
                } else if sectionPositions[ScalarKey(header)] != nil {
                    throw .duplicateSection(source: source, line: line.number, section: header)
                } else {
                    sectionPositions[ScalarKey(header)] = ini.sections.count
                    target = .section(ini.sections.count)
                    ini.sections.append(RawINI.Section(name: header))
                }
                targetName = header
                optionKey = nil
                continue
            }
            guard let currentTarget = target else {
                throw .missingSectionHeader(source: source, line: line.number, rawLine: line.raw)
            }
            guard let (name, value) = Self.splitOption(stripped) else {
                badLines.append((line.number, line.raw))  // reported at the end; the current option stays open
                continue
            }
            if name.isEmpty { badLines.append((line.number, line.raw)) }
            let key = PythonText.lower(name)
            guard seenOptions.insert([ScalarKey(targetName), ScalarKey(key)]).inserted else {
                throw .duplicateOption(source: source, line: line.number, section: targetName, option: key)
            }
            let option = RawINI.Option(key: key, lines: [value], line: line.number)
            switch currentTarget {
            case .defaults: ini.defaults.add(option)
            case .section(let index): ini.sections[index].add(option)
            }
            optionKey = key
        }
        if !badLines.isEmpty {
            throw .parsingErrors(source: source, lines: badLines)
        }
        ini.defaults.joinLines()
        for index in ini.sections.indices { ini.sections[index].joinLines() }
        return ini
    }

    private static func appendLine(_ text: String, to key: String, in target: Target, of ini: inout RawINI) {
        switch target {
        case .defaults: ini.defaults.appendLine(text, toOption: key)
        case .section(let index): ini.sections[index].appendLine(text, toOption: key)
        }
    }

    /// `[name]` (configparser's `\[(?P<header>.+)\]`, anchored at the start only): the text between the
    /// first `[` and the last `]`, which must not be empty. Anything after that `]` is ignored.
    private static func sectionHeader(_ stripped: Substring.UnicodeScalarView) -> String? {
        guard stripped.first == "[", let close = stripped.lastIndex(of: "]") else { return nil }
        let nameStart = stripped.index(after: stripped.startIndex)
        guard nameStart < close else { return nil }
        return String(Substring(stripped[nameStart..<close]))
    }

    /// `key = value` or `key: value`, split at the first `=` or `:`; both sides stripped. Nil without a delimiter.
    private static func splitOption(_ stripped: Substring.UnicodeScalarView) -> (name: String, value: String)? {
        guard let delimiter = stripped.firstIndex(where: { $0 == "=" || $0 == ":" }) else { return nil }
        let name = PythonText.rstrip(stripped[..<delimiter])
        let value = PythonText.strip(stripped[stripped.index(after: delimiter)...])
        return (String(Substring(name)), String(Substring(value)))
    }

    /// Splits `text` into lines at `\r\n`, `\r` or `\n`; a final empty segment is not a line.
    private static func lines(of text: String) -> [Line] {
        let scalars = Substring(text).unicodeScalars
        var lines: [Line] = []
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard scalar == "\n" || scalar == "\r" else {
                index = scalars.index(after: index)
                continue
            }
            lines.append(Line(number: lines.count + 1, content: scalars[start..<index], terminated: true))
            index = scalars.index(after: index)
            if scalar == "\r", index < scalars.endIndex, scalars[index] == "\n" {
                index = scalars.index(after: index)
            }
            start = index
        }
        if start < scalars.endIndex {
            lines.append(Line(number: lines.count + 1, content: scalars[start...], terminated: false))
        }
        return lines
    }
}
