import Crypto
import Foundation

/// A request the emulator received, as kept for tests and `/_emulator/requests`.
///
/// Secrets never appear in clear: values of credential-bearing headers (`Authorization`, the ECS metadata
/// token, …) and parameters (`SecurityToken`, `OIDCToken`, …) are replaced by ``RecordedRequest/mask(_:)``,
/// a fingerprint that still lets a test check the exact value sent (including a trailing newline).
public struct RecordedRequest: Sendable, Codable, Equatable {
    /// A name/value pair of the query, a form body or the headers.
    public struct Field: Sendable, Codable, Equatable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Position in the emulator's request sequence (1, 2, …; not reset by `reset()`).
    public var sequence: Int
    public var endpoint: EmulatorEndpoint
    public var method: String
    /// The `Host` header as received.
    public var host: String
    public var path: String
    /// Decoded query items in the order received, secrets masked.
    public var query: [Field]
    /// Decoded form-body items (POST `application/x-www-form-urlencoded`), secrets masked.
    public var form: [Field]
    /// Headers in the order received, secrets masked.
    public var headers: [Field]
    /// The HTTP status the emulator answered (before delivery faults such as `dropConnection`).
    public var status: Int
    /// The cloud error code answered, if any (`SignatureDoesNotMatch`, …).
    public var errorCode: String?
    /// The fault effects applied to this request (e.g. `status`, `delayMs`).
    public var faults: [String]
    /// Service-specific facts, e.g. `signatureEncoding` = `percent20` | `plus` | `either`.
    public var annotations: [String: String]
    /// When the emulator received it (emulator clock, including any `clockSkewSeconds`), `YYYY-MM-DDTHH:MM:SSZ`.
    public var receivedAt: String

    /// Query and form parameters merged (form and later duplicates win), secrets masked.
    public var parameters: [String: String] {
        var result: [String: String] = [:]
        for field in query + form { result[field.name] = field.value }
        return result
    }

    /// The first value of a header (case-insensitive), secrets masked.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    /// For STS: which space encoding the signature matched (`percent20`, `plus`, or `either` when the
    /// request had no space to tell them apart); nil when it was not signed or did not match.
    public var signatureEncoding: String? { annotations["signatureEncoding"] }

    /// The fingerprint recorded in place of a secret: `<masked len=N sha256=XXXXXXXX>` (first 8 hex digits of the
    /// SHA-256 of the UTF-8 value). Compare a record against `RecordedRequest.mask(expected)`.
    public static func mask(_ secret: String) -> String {
        let digest = SHA256.hash(data: Array(secret.utf8))
        let hex = digest.prefix(4).map { String(format: "%02x", $0) }.joined()
        return "<masked len=\(secret.count) sha256=\(hex)>"
    }

    /// Header names whose values are masked (lower-case).
    static let secretHeaders: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-aliyun-ecs-metadata-token",
        "x-acs-security-token", "x-acs-bearer-token", "x-security-token", "x-auth-token", "x-subject-token",
        "x-metadata-token", "x-swr-dockerlogin",
    ]

    /// Parameter names whose values are masked (compared case-insensitively).
    static let secretParameters: Set<String> = [
        "securitytoken", "oidctoken", "accesskeysecret", "password", "token", "access_token", "refresh_token",
        "client_secret", "samlassertion", "secret",
    ]

    static func maskedParameter(_ name: String, _ value: String) -> Field {
        Field(name: name, value: secretParameters.contains(name.lowercased()) ? mask(value) : value)
    }

    static func maskedHeader(_ name: String, _ value: String) -> Field {
        Field(name: name, value: secretHeaders.contains(name.lowercased()) ? mask(value) : value)
    }
}
