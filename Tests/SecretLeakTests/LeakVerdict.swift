import CloudcredTestSupport
import CredentialsCore
import Foundation
import Testing

/// Scans the channels of a run and reports: each finding as an issue with its location (secrets masked), known
/// findings (docs/RELIABILITY.md) as known issues unless `CLOUDCRED_LEAK_STRICT=1`, and the figures.
struct LeakVerdict {
    struct Figures: CustomStringConvertible {
        var scenarios = 0
        var runs = 0
        var channels = 0
        var forbiddenChannels = 0
        var allowedChannels = 0
        var bytesScanned = 0
        var secretsSearched = 0
        var findings = 0
        var knownFindings = 0
        /// Secrets seen where they are allowed: proof that the scenarios moved real secrets around.
        var allowedHits = 0

        var description: String {
            "\(scenarios) scenarios, \(runs) runs, \(channels) channels (\(forbiddenChannels) scanned, \(allowedChannels) allowed), "
                + "\(bytesScanned) bytes scanned for \(secretsSearched) secrets and the generic patterns; "
                + "\(findings) findings (\(knownFindings) known), \(allowedHits) secrets in allowed channels"
        }
    }

    /// A finding the project already knows and tracks: reported as a known issue until it is fixed.
    struct KnownLeak: Sendable {
        var id: String
        var matches: @Sendable (LeakFinding) -> Bool
    }

    /// None at the moment: F2 (the helper's `store` quoting a URL's password) and F6 (`SafeBody` quoting a `Message`
    /// that echoes the request) are fixed; docs/RELIABILITY.md keeps their history.
    static let known: [KnownLeak] = []

    static var strict: Bool { ProcessInfo.processInfo.environment["CLOUDCRED_LEAK_STRICT"] == "1" }

    /// Scans `channels` with `rules` plus the secrets handed over in the allowed channels; records every finding.
    static func judge(_ channels: [ScannedChannel], rules: LeakRules, sourceLocation: SourceLocation = #_sourceLocation) -> (Figures, [LeakFinding]) {
        let scanner = LeakScanner(rules: rules.adding(HandedOverSecrets.collect(from: channels)))
        var figures = Figures()
        figures.channels = channels.count
        figures.secretsSearched = scanner.rules.canaries.count
        var findings: [LeakFinding] = []
        for channel in channels {
            if channel.mayHoldSecrets {
                figures.allowedChannels += 1
                figures.allowedHits += scanner.scan(channel.text, channel: channel.name).filter { $0.rule.hasPrefix("canary:") }.count
            } else {
                figures.forbiddenChannels += 1
                figures.bytesScanned += channel.text.utf8.count
                findings += scanner.scan(channel.text, channel: channel.name)
            }
        }
        for finding in findings {
            if let known = known.first(where: { $0.matches(finding) }), !strict {
                figures.knownFindings += 1
                withKnownIssue("\(known.id): \(finding)", isIntermittent: true) {
                    Issue.record("secret leak (\(known.id), known): \(finding)", sourceLocation: sourceLocation)
                }
            } else {
                Issue.record("secret leak: \(finding)", sourceLocation: sourceLocation)
            }
        }
        figures.findings = findings.count
        return (figures, findings)
    }
}

/// The secrets the allowed channels handed over (registry passwords, STS secrets, OAuth tokens written back), so the
/// forbidden channels are scanned for the exact values too, whatever their shape.
enum HandedOverSecrets {
    static func collect(from channels: [ScannedChannel]) -> [LeakRules.Canary] {
        var secrets: [LeakRules.Canary] = []
        for channel in channels where channel.mayHoldSecrets {
            let text = channel.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if let value = try? JSONValue.parse(text) {
                walk(value, key: "", into: &secrets)
            } else if !text.contains(where: \.isWhitespace), text.count >= 16 {
                secrets.append(.init(name: "handed-over-password", value: text))  // get-login-password
            }
        }
        return secrets
    }

    private static func walk(_ value: JSONValue, key: String, into secrets: inout [LeakRules.Canary]) {
        switch value {
        case .object(let object):
            for (name, member) in object { walk(member, key: name, into: &secrets) }
        case .array(let items):
            for item in items { walk(item, key: key, into: &secrets) }
        case .string(let text):
            let lower = key.lowercased()
            guard text.count >= 12, ["secret", "token", "password", "auth"].contains(where: lower.contains) else { return }
            if lower == "auth", let decoded = Data(base64Encoded: text).map({ String(decoding: $0, as: UTF8.self) }),
               let colon = decoded.firstIndex(of: ":")
            {
                secrets.append(.init(name: "handed-over-auth", value: String(decoded[decoded.index(after: colon)...])))
            } else {
                secrets.append(.init(name: "handed-over-\(lower)", value: text))
            }
        default:
            return
        }
    }
}
