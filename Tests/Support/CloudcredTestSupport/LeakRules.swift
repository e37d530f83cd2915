import Foundation

/// What the secret-leak scan looks for: the canary secrets planted by the tests and the generic secret shapes,
/// read from `Tests/SecretLeakTests/canaries.txt` (the file `scripts/leak-scan` reads too).
public struct LeakRules: Sendable {
    /// A secret value that must never show in a forbidden channel.
    public struct Canary: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// A generic secret shape (`Authorization: Bearer …`, `Signature=…`, a JWT, …).
    public struct Pattern: @unchecked Sendable {
        public var name: String
        public var source: String
        /// Compiled from `source`; `Regex` is not `Sendable`, but a compiled regex is never mutated.
        public let regex: Regex<AnyRegexOutput>
    }

    public var canaries: [Canary]
    public var patterns: [Pattern]
    /// Every planted canary holds it, so a cut-off canary is still found.
    public static let marker = "LeakCanary"

    public init(canaries: [Canary], patterns: [Pattern]) {
        self.canaries = canaries
        self.patterns = patterns
    }

    /// `Tests/SecretLeakTests/canaries.txt` of this checkout (or `$CLOUDCRED_LEAK_CANARIES`).
    public static var defaultPath: String {
        if let override = ProcessInfo.processInfo.environment["CLOUDCRED_LEAK_CANARIES"], !override.isEmpty { return override }
        let here = URL(fileURLWithPath: #filePath)  // Tests/Support/CloudcredTestSupport/LeakRules.swift
        return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SecretLeakTests/canaries.txt").path
    }

    /// The rules of the canary file.
    public static func load(path: String = defaultPath) throws -> LeakRules {
        try parse(String(contentsOfFile: path, encoding: .utf8))
    }

    /// Parses `canary NAME VALUE` and `pattern NAME REGEX` lines; `#` starts a comment line.
    public static func parse(_ text: String) throws -> LeakRules {
        var canaries: [Canary] = []
        var patterns: [Pattern] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let words = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            guard words.count == 3 else { throw LeakRulesError(line: index + 1, reason: "expected KIND NAME VALUE") }
            let name = String(words[1])
            let value = words[2].trimmingCharacters(in: .whitespaces)
            switch words[0] {
            case "canary":
                guard value.count >= 16, value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                    throw LeakRulesError(line: index + 1, reason: "a canary is 16 or more letters and digits")
                }
                canaries.append(Canary(name: name, value: value))
            case "pattern":
                do {
                    patterns.append(Pattern(name: name, source: value, regex: try Regex(value)))
                } catch {
                    throw LeakRulesError(line: index + 1, reason: "bad regex: \(error)")
                }
            default:
                throw LeakRulesError(line: index + 1, reason: "unknown kind \(words[0])")
            }
        }
        return LeakRules(canaries: canaries, patterns: patterns)
    }

    /// The canary called `name` (a test planting it must find it: a typo traps).
    public func canary(_ name: String) -> String {
        guard let found = canaries.first(where: { $0.name == name }) else { preconditionFailure("no canary \(name) in canaries.txt") }
        return found.value
    }

    /// `text` with every canary replaced by `<name>`: for labels that quote arguments or stdin holding a canary.
    public func masking(_ text: String) -> String {
        canaries.reduce(text) { $0.replacingOccurrences(of: $1.value, with: "<\($1.name)>") }
    }

    /// These rules plus more secrets to look for (values the emulator issued, collected during a run).
    public func adding(_ secrets: [Canary]) -> LeakRules {
        var known = Set(canaries.map(\.value))
        var copy = self
        for secret in secrets where secret.value.count >= 8 && known.insert(secret.value).inserted {
            copy.canaries.append(secret)
        }
        return copy
    }
}

/// A line of the canary file that cannot be read.
public struct LeakRulesError: Error, CustomStringConvertible {
    public var line: Int
    public var reason: String
    public var description: String { "canaries.txt line \(line): \(reason)" }
}
