#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CredentialsCore

/// What ``CredentialsClient/credential()`` returns: the Python library's `CredentialModel`, plus the expiry.
///
/// Its `description` never shows a secret.
public struct CredentialModel: Sendable, Hashable, CustomStringConvertible {
    public var accessKeyId: String?
    public var accessKeySecret: String?
    public var securityToken: String?
    public var bearerToken: String?
    /// The credential type (`access_key`, `sts`, `ram_role_arn`, …, or `default` for the chain).
    public var type: String
    /// The composed provider name (`default/cli_profile/ram_role_arn/static_ak`); nil for `bearer`.
    public var providerName: String?
    /// When temporary credentials expire (the Python model does not expose this).
    public var expiration: Date?

    public init(
        accessKeyId: String? = nil, accessKeySecret: String? = nil, securityToken: String? = nil, bearerToken: String? = nil,
        type: String, providerName: String? = nil, expiration: Date? = nil
    ) {
        self.accessKeyId = accessKeyId
        self.accessKeySecret = accessKeySecret
        self.securityToken = securityToken
        self.bearerToken = bearerToken
        self.type = type
        self.providerName = providerName
        self.expiration = expiration
    }

    init(_ credential: Credential, type: String) {
        self.init(
            accessKeyId: credential.accessKeyId, accessKeySecret: credential.accessKeySecret, securityToken: credential.securityToken,
            bearerToken: credential.bearerToken, type: type, providerName: credential.providerName, expiration: credential.expiration)
    }

    public var description: String {
        var parts: [String] = []
        if let accessKeyId { parts.append("accessKeyId: \(Redact.accessKeyId(accessKeyId))") }
        if let accessKeySecret { parts.append("accessKeySecret: \(Redact.secret(accessKeySecret))") }
        if let securityToken { parts.append("securityToken: \(Redact.secret(securityToken))") }
        if let bearerToken { parts.append("bearerToken: \(Redact.secret(bearerToken))") }
        parts.append("type: \(type)")
        if let providerName { parts.append("providerName: \(providerName)") }
        if let expiration { parts.append("expiration: \(TimeFormat.iso8601(expiration))") }
        return "CredentialModel(\(parts.joined(separator: ", ")))"
    }
}
