import Foundation
import Testing

/// One bad input: what to plant in a fresh HOME, which built binary to run with which arguments, stdin and
/// environment, and what its one-line error must name. `~` in paths, arguments, environment values and `names`
/// stands for the temporary HOME; `@URL` in environment values for the row's emulator.
struct BadInput: Sendable, CustomTestStringConvertible {
    enum Category: String, Sendable, CaseIterable {
        case aliyunConfig = "aliyun config.json", credentialsINI = "credentials.ini", huaweiProfile = "Huawei credentials"
        case toolConfig = "tool config", dockerConfig = "docker config.json", podmanAuth = "containers auth.json"
        case kubeletRequest = "kubelet request", helperStdin = "helper stdin", environment = "environment variables"
        case arguments = "CLI arguments", serverAnswer = "server answers"
    }

    enum Binary: String, Sendable { case cloudcred, helper = "docker-credential-cloudcred" }

    /// What to put at a path of the HOME before the run.
    enum Plant: Sendable {
        case text(String)
        case bytes([UInt8])
        /// `prefix` followed by spaces up to this many bytes.
        case huge(megabytes: Int, prefix: String)
        case directory
        /// A file with this text and mode 000 (a row that needs it is skipped as root, where it can still be read).
        case unreadable(String)
        case fifo
    }

    /// A fault the row's in-process emulator applies (rows with one get `CLOUDCRED_CONNECT_TO` and `@URL`).
    enum Fault: Sendable {
        case credentialsURI(EffectKind)
        case sts(EffectKind)
    }

    enum EffectKind: Sendable { case malformed, truncated, wrongTypes, missingFields, status500, status403, expired, emptyBody }

    var category: Category
    var label: String
    var binary: Binary = .cloudcred
    var arguments: [String]
    var stdin: [UInt8] = []
    var files: [(String, Plant)] = []
    var environment: [String: String] = [:]
    /// Substrings the error line must contain.
    var names: [String]
    /// A substring the hint line must contain, when a fix is known.
    var hint: String? = nil
    var fault: Fault? = nil
    /// A known, documented finding (docs/RELIABILITY.md, e.g. F8): the row runs under `withKnownIssue`.
    var knownIssue: String? = nil
    /// The protocol answers this input with success (exit 0, no error): the row checks only the answer, stderr and
    /// the files.
    var expectSuccess = false
    /// Exit status expected, when a specific one is (64 for command-line errors).
    var status: Int32? = nil

    var testDescription: String { "\(category.rawValue): \(label)" }

    /// A secret planted in inputs; it must never be printed.
    static let canary = "BadInputCanarySecret0123456789abcdef"
}
