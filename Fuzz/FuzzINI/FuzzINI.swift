import CredentialsCore
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func libFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzINI.libFuzzerEntry(data, size)
}

#if !CLOUDCRED_FUZZING
@main extension FuzzINI {}
#endif

/// `INIFile.parse` in both modes (CredentialsCore): `configParser` reads `credentials.ini`, `raw` the Huawei profile.
///
/// Invariants: an error names a line of the input; section names are unique and every section has options;
/// in raw mode the file written back from the parsed sections parses to the same sections; both modes agree
/// (configParser = raw plus `[DEFAULT]` inherited, on values without `%`); `strippingInlineHashComments`
/// leaves no `#` and no surrounding spaces.
enum FuzzINI: FuzzTarget {
    static func test(_ input: [UInt8]) {
        let text = String(decoding: input, as: UTF8.self)
        let lineCount = text.unicodeScalars.count(where: { $0 == "\n" || $0 == "\r" }) + 1
        let raw = parse(text, mode: .raw, lineCount: lineCount)
        let configParser = parse(text, mode: .configParser, lineCount: lineCount)
        if let raw {
            checkRoundTrip(raw)
        }
        if let raw, let configParser {
            checkModesAgree(raw: raw, configParser: configParser)
        }
        if let configParser {
            for options in configParser.strippingInlineHashComments().sections.values {
                for value in options.values {
                    Invariant.check(!value.contains("#"), "a stripped value keeps a #: \(Quoted(value))")
                    Invariant.check(value.unicodeScalars.first.map { !$0.properties.isWhitespace } ?? true, "a stripped value starts with a space")
                }
            }
        }
    }

    private static func parse(_ text: String, mode: INIParseMode, lineCount: Int) -> INIFile? {
        do {
            let file = try INIFile.parse(text, path: "fuzz.ini", mode: mode)
            Invariant.check(Set(file.sectionNames).count == file.sectionNames.count, "repeated section names \(file.sectionNames)")
            Invariant.check(Set(file.sectionNames) == Set(file.sections.keys), "sectionNames and sections disagree")
            if mode == .configParser {
                Invariant.check(!file.sectionNames.contains("DEFAULT"), "[DEFAULT] listed as a section in configParser mode")
            }
            return file
        } catch {
            Invariant.check(error.line >= 0 && error.line <= lineCount, "error line \(error.line) outside 0...\(lineCount)")
            Invariant.check(!error.message.isEmpty, "an error without a message")
            return nil
        }
    }

    /// The sections written back as INI (continuation lines indented) read as the same sections.
    private static func checkRoundTrip(_ file: INIFile) {
        var written = ""
        for name in file.sectionNames {
            written += "[\(name)]\n"
            for (key, value) in file.sections[name] ?? [:] {
                let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
                written += "\(key) = \(lines[0])\n"
                for line in lines.dropFirst() { written += line.isEmpty ? "\n" : "\t\(line)\n" }
            }
        }
        do {
            let reread = try INIFile.parse(written, mode: .raw)
            Invariant.check(reread.sectionNames == file.sectionNames, "round trip changed the sections: \(Quoted(written))")
            Invariant.check(reread.sections == file.sections, "round trip changed the options: \(Quoted(written))")
        } catch {
            Invariant.check(false, "cannot read back the written file (\(Quoted(error.message))): \(Quoted(written))")
        }
    }

    /// configParser mode is raw mode with `[DEFAULT]` removed from the sections and inherited by each of them.
    private static func checkModesAgree(raw: INIFile, configParser: INIFile) {
        Invariant.check(configParser.sectionNames == raw.sectionNames.filter { $0 != "DEFAULT" }, "the modes list different sections")
        let defaults = raw.sections["DEFAULT"] ?? [:]
        for name in configParser.sectionNames {
            let own = raw.sections[name] ?? [:]
            let inherited = configParser.sections[name] ?? [:]
            Invariant.check(Set(inherited.keys) == Set(own.keys).union(defaults.keys), "section \(Quoted(name)): inherited keys differ")
            for (key, value) in own.merging(defaults, uniquingKeysWith: { own, _ in own }) where !value.contains("%") {
                Invariant.check(inherited[key] == value, "section \(Quoted(name)) key \(Quoted(key)): \(Quoted(inherited[key] ?? "nil")) vs \(Quoted(value))")
            }
        }
    }
}
