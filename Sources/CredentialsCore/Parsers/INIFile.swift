/// How `INIFile.parse` treats `[DEFAULT]` and `%`.
public enum INIParseMode: Sendable, Hashable {
    /// Python's `configparser.ConfigParser()`: `[DEFAULT]` is inherited by every section and not a section
    /// itself; values are interpolated (`%%`, `%(name)s`). For `~/.alibabacloud/credentials.ini`.
    case configParser
    /// The same line syntax, but no interpolation and no special section: `[DEFAULT]` is an ordinary section
    /// and `%` is just a character. For files such as `~/.huaweicloud/credentials`.
    case raw
}

/// A parsed INI file, read with the rules of Python's `configparser` (3.11 defaults), as the Python library
/// reads `~/.alibabacloud/credentials.ini`:
///
/// * `[name]` headers, case-sensitive, taken between the first `[` and the last `]` of the line;
/// * `key = value` or `key: value`, split at the first `=` or `:`; keys are lower-cased (`str.lower()`),
///   keys and values stripped; `key` alone (no delimiter) is a parsing error, `key =` is an empty value;
/// * lines whose first non-blank character is `#` or `;` are comments (also when indented); a `#` or `;`
///   later in a line is part of the value (see `strippingInlineHashComments()` for the library's extra step);
/// * a line indented deeper than its option's line continues the value (joined with `\n`); blank lines
///   inside a value are kept, trailing ones dropped;
/// * lines end at `\n`, `\r\n` or `\r`; a byte-order mark is not skipped (as Python with `encoding='utf-8'`);
/// * a duplicate section or a duplicate key within a section is an error, as is anything before the first header.
///
/// In `.configParser` mode `[DEFAULT]`'s keys are inherited by every section (a section's own key wins), and
/// `%%` becomes `%` and `%(name)s` becomes the value of `name` in the same section or `[DEFAULT]` (resolved
/// recursively, at most 10 levels deep). **One deliberate difference from Python:** a `%` that starts neither
/// `%%` nor a complete `%(name)s` (for example `50%`, `%s`, `%(x)d`) is kept literally, where Python raises
/// `InterpolationSyntaxError`. Interpolation errors that remain (a missing name, too deep) are raised by
/// `parse` for every section, as the Python library reads all sections up front.
public struct INIFile: Sendable, Hashable {
    /// The sections in file order (without `DEFAULT` in `.configParser` mode).
    public var sectionNames: [String]
    /// Every section's options, after `[DEFAULT]` inheritance and interpolation.
    public var sections: [String: [String: String]]

    /// A file with the given sections; `sectionNames` fixes their order.
    public init(sectionNames: [String], sections: [String: [String: String]]) {
        self.sectionNames = sectionNames
        self.sections = sections
    }

    /// The options of section `name` (case-sensitive), or nil when there is no such section.
    public func section(_ name: String) -> [String: String]? {
        sections[name]
    }

    /// Parses INI text. `path` appears in error messages as Python shows the file name (`<string>` when nil).
    public static func parse(
        _ text: String, path: String? = nil, mode: INIParseMode = .configParser
    ) throws(INIParseError) -> INIFile {
        let reader = INIReader(source: path ?? "<string>", defaultSectionName: mode == .configParser ? "DEFAULT" : nil)
        let raw = try reader.read(text)
        var interpolation = INIInterpolation()
        var file = INIFile(sectionNames: [], sections: [:])
        for section in raw.sections {
            // Python's `items(section)`: DEFAULT's options first, the section's own replacing or following them.
            var merged: [RawINI.Option] = []
            var positions: [ScalarKey: Int] = [:]
            for option in raw.defaults.options + section.options {
                if let existing = positions[ScalarKey(option.key)] {
                    merged[existing] = option
                } else {
                    positions[ScalarKey(option.key)] = merged.count
                    merged.append(option)
                }
            }
            var values: [String: String] = [:]
            if mode == .configParser {
                let lookup = positions.mapValues { merged[$0] }
                for option in merged {
                    values[option.key] = try interpolation.resolve(option: option, section: section.name, values: lookup)
                }
            } else {
                for option in merged { values[option.key] = option.value }
            }
            file.sectionNames.append(section.name)
            file.sections[section.name] = values
        }
        return file
    }

    /// The Python library's post-processing of every value: cut at the first `#`, then strip whitespace
    /// (`value.split('#')[0].strip()`). So `key = abc # note` reads as `abc`, and a secret containing `#` is
    /// truncated, exactly as in Python; `;` is kept.
    public func strippingInlineHashComments() -> INIFile {
        var copy = self
        copy.sections = sections.mapValues { options in
            options.mapValues { value in
                let beforeHash = value.unicodeScalars.prefix { $0 != "#" }
                return String(Substring(PythonText.strip(Substring(beforeHash).unicodeScalars)))
            }
        }
        return copy
    }
}
