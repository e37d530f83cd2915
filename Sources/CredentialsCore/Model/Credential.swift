#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A set of cloud credentials as a provider returns them.
///
/// Its `description`, `debugDescription` and reflection (`dump`) never show a secret:
/// the AccessKey ID shows masked (`LTAI****1234`), the secret and tokens not at all.
public struct Credential: Sendable, Hashable {
    /// The AccessKey ID (permanent `LTAI…` or temporary `STS.…`).
    public var accessKeyId: String
    /// The AccessKey secret.
    public var accessKeySecret: String
    /// The STS security token, `nil` for permanent keys.
    public var securityToken: String?
    /// A bearer token (the `bearer` credential type only).
    public var bearerToken: String?
    /// When the credentials stop working; `nil` for credentials that do not expire.
    public var expiration: Date?
    /// The provider that produced them, composed as the Python library does: `default/cli_profile/static_ak`.
    public var providerName: String

    public init(
        accessKeyId: String,
        accessKeySecret: String,
        securityToken: String? = nil,
        bearerToken: String? = nil,
        expiration: Date? = nil,
        providerName: String
    ) {
        self.accessKeyId = accessKeyId
        self.accessKeySecret = accessKeySecret
        self.securityToken = securityToken
        self.bearerToken = bearerToken
        self.expiration = expiration
        self.providerName = providerName
    }

    /// True for STS (temporary) credentials.
    public var isTemporary: Bool { securityToken != nil || expiration != nil }

    /// The same credentials with `prefix/` put in front of the provider name.
    public func wrapped(by prefix: String) -> Credential {
        var copy = self
        copy.providerName = providerName.isEmpty ? prefix : "\(prefix)/\(providerName)"
        return copy
    }
}

extension Credential: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        var parts = ["accessKeyId: \(Redact.accessKeyId(accessKeyId))", "accessKeySecret: \(Redact.secret(accessKeySecret))"]
        if let securityToken { parts.append("securityToken: \(Redact.secret(securityToken))") }
        if let bearerToken { parts.append("bearerToken: \(Redact.secret(bearerToken))") }
        if let expiration { parts.append("expiration: \(TimeFormat.iso8601(expiration))") }
        parts.append("providerName: \(providerName)")
        return "Credential(\(parts.joined(separator: ", ")))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "accessKeyId": Redact.accessKeyId(accessKeyId),
                "accessKeySecret": Redact.secret(accessKeySecret),
                "securityToken": securityToken.map(Redact.secret) as Any,
                "bearerToken": bearerToken.map(Redact.secret) as Any,
                "expiration": expiration as Any,
                "providerName": providerName,
            ],
            displayStyle: .struct
        )
    }
}
