/// A sentence from the message catalogue: its key and the values for its `{0}`, `{1}`, … placeholders.
///
/// The key names the cause independently of the language (tests and programs compare keys); ``rendered(in:)``
/// gives the English or Simplified Chinese text. Arguments never hold a secret: AccessKey IDs arrive masked.
public struct DoctorText: Sendable, Hashable, CustomStringConvertible {
    /// The catalogue key, e.g. `credentials.envEmpty`.
    public var key: String
    /// The values for the placeholders, in order.
    public var arguments: [String]

    /// The sentence `key` with `arguments`.
    public init(_ key: String, _ arguments: [String] = []) {
        self.key = key
        self.arguments = arguments
    }

    /// The sentence in `language`; a key missing from the catalogue renders as the key and its arguments.
    public func rendered(in language: DoctorLanguage) -> String {
        guard let template = MessageCatalogue.template(key, language: language) else {
            return ([key] + arguments).joined(separator: " ")
        }
        return MessageCatalogue.fill(template, arguments)
    }

    /// The English text.
    public var description: String { rendered(in: .english) }
}

/// The language of the report: English or Simplified Chinese.
public enum DoctorLanguage: String, Sendable, Hashable, CaseIterable {
    /// English (`en`).
    case english = "en"
    /// Simplified Chinese (`zh`).
    case chinese = "zh"

    /// `--lang` when given (`en`, `zh`, or any value starting with them), else the first non-empty of `LC_ALL`,
    /// `LC_MESSAGES`, `LANG` (Chinese when it starts with `zh`), else English.
    public static func resolve(flag: String?, environment: [String: String]) -> DoctorLanguage {
        if let flag, !flag.isEmpty { return flag.lowercased().hasPrefix("zh") ? .chinese : .english }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("zh") ? .chinese : .english
        }
        return .english
    }
}
