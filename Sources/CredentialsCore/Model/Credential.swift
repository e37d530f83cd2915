#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A set of cloud credentials as a provider returns them.
///
/// Its `description`, `debugDescription` and reflection (`dump`) never show a secret:
/// the AccessKey ID shows masked (`LTAI****1234`), the secret and tokens not at all.
///
/// A value type whose fields live in one immutable object: copying a credential (every cached
/// `credential()` call returns a copy) retains one reference instead of each string; setting a field
/// makes a new object.
public struct Credential: Sendable, Hashable {
    @usableFromInline
    final class Storage: Sendable {
        @usableFromInline let accessKeyId: String
        @usableFromInline let accessKeySecret: String
        @usableFromInline let securityToken: String?
        @usableFromInline let bearerToken: String?
        @usableFromInline let expiration: Date?
        @usableFromInline let providerName: String

        init(accessKeyId: String, accessKeySecret: String, securityToken: String?, bearerToken: String?, expiration: Date?, providerName: String) {
            self.accessKeyId = accessKeyId
            self.accessKeySecret = accessKeySecret
            self.securityToken = securityToken
            self.bearerToken = bearerToken
            self.expiration = expiration
            self.providerName = providerName
        }

        /// A copy with some fields replaced.
        func with(
            accessKeyId: String? = nil, accessKeySecret: String? = nil, securityToken: String?? = nil,
            bearerToken: String?? = nil, expiration: Date?? = nil, providerName: String? = nil
        ) -> Storage {
            Storage(
                accessKeyId: accessKeyId ?? self.accessKeyId, accessKeySecret: accessKeySecret ?? self.accessKeySecret,
                securityToken: securityToken ?? self.securityToken, bearerToken: bearerToken ?? self.bearerToken,
                expiration: expiration ?? self.expiration, providerName: providerName ?? self.providerName)
        }
    }

    @usableFromInline
    var storage: Storage

    /// The AccessKey ID (permanent `LTAI…` or temporary `STS.…`).
    public var accessKeyId: String {
        @inlinable get { storage.accessKeyId }
        set { storage = storage.with(accessKeyId: newValue) }
    }
    /// The AccessKey secret.
    public var accessKeySecret: String {
        @inlinable get { storage.accessKeySecret }
        set { storage = storage.with(accessKeySecret: newValue) }
    }
    /// The STS security token, `nil` for permanent keys.
    public var securityToken: String? {
        @inlinable get { storage.securityToken }
        set { storage = storage.with(securityToken: .some(newValue)) }
    }
    /// A bearer token (the `bearer` credential type only).
    public var bearerToken: String? {
        @inlinable get { storage.bearerToken }
        set { storage = storage.with(bearerToken: .some(newValue)) }
    }
    /// When the credentials stop working; `nil` for credentials that do not expire.
    public var expiration: Date? {
        @inlinable get { storage.expiration }
        set { storage = storage.with(expiration: .some(newValue)) }
    }
    /// The provider that produced them, composed as the Python library does: `default/cli_profile/static_ak`.
    public var providerName: String {
        @inlinable get { storage.providerName }
        set { storage = storage.with(providerName: newValue) }
    }

    public init(
        accessKeyId: String,
        accessKeySecret: String,
        securityToken: String? = nil,
        bearerToken: String? = nil,
        expiration: Date? = nil,
        providerName: String
    ) {
        storage = Storage(
            accessKeyId: accessKeyId, accessKeySecret: accessKeySecret, securityToken: securityToken,
            bearerToken: bearerToken, expiration: expiration, providerName: providerName)
    }

    public static func == (lhs: Credential, rhs: Credential) -> Bool {
        if lhs.storage === rhs.storage { return true }
        return lhs.accessKeyId == rhs.accessKeyId && lhs.accessKeySecret == rhs.accessKeySecret
            && lhs.securityToken == rhs.securityToken && lhs.bearerToken == rhs.bearerToken
            && lhs.expiration == rhs.expiration && lhs.providerName == rhs.providerName
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(accessKeyId)
        hasher.combine(accessKeySecret)
        hasher.combine(securityToken)
        hasher.combine(bearerToken)
        hasher.combine(expiration)
        hasher.combine(providerName)
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

extension Credential {
    /// An equal credential that shares no heap object with this one: its own storage object and its own
    /// string buffers. The engine keeps one such copy per CPU core, so that reading it on one core never
    /// writes a reference count on a cache line another core writes too.
    func unsharedCopy() -> Credential {
        Credential(
            accessKeyId: Self.unshared(accessKeyId), accessKeySecret: Self.unshared(accessKeySecret),
            securityToken: securityToken.map(Self.unshared), bearerToken: bearerToken.map(Self.unshared),
            expiration: expiration, providerName: Self.unshared(providerName))
    }

    /// The same text in a newly allocated buffer (short strings are stored inline and never shared anyway).
    private static func unshared(_ text: String) -> String {
        String(decoding: Array(text.utf8), as: UTF8.self)
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
