#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CredentialsCore

/// A registry user name and password with their lifetime, as the token cache keeps them.
///
/// Printing one never shows the password.
public struct CachedLogin: Sendable, Hashable {
    /// The normalized registry host.
    public var host: String
    /// The registry user name (`cr_temp_user`, `cn-north-4@AK…`).
    public var username: String
    /// The registry password (a temporary token).
    public var password: String
    /// When the password was obtained.
    public var issuedAt: Date
    /// When it stops working; nil for one that does not expire (an SWR long-term login), which then counts as
    /// living ``TokenCache/noExpiryLifetime`` from `issuedAt`.
    public var expiresAt: Date?

    /// A login; see the properties.
    public init(host: String, username: String, password: String, issuedAt: Date, expiresAt: Date?) {
        self.host = host
        self.username = username
        self.password = password
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
    }

    /// `expiresAt`, or `issuedAt` plus ``TokenCache/noExpiryLifetime`` when it does not expire.
    public var effectiveExpiry: Date {
        expiresAt ?? issuedAt.addingTimeInterval(TokenCache.noExpiryLifetime)
    }

    /// True before the half-way point between issue and expiry (the time to fetch a new one).
    public func isFresh(at now: Date) -> Bool {
        let halfLife = effectiveExpiry.timeIntervalSince(issuedAt) / 2
        return now < issuedAt.addingTimeInterval(halfLife) && isUsable(at: now)
    }

    /// True until ``TokenCache/expiryMargin`` seconds before expiry: still good when a refresh fails.
    public func isUsable(at now: Date) -> Bool {
        now < effectiveExpiry.addingTimeInterval(-TokenCache.expiryMargin)
    }
}

extension CachedLogin: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `CachedLogin(host: …, username: …, password: ******, issuedAt: …, expiresAt: …)`.
    public var description: String {
        let expiry = expiresAt.map(TimeFormat.iso8601) ?? "never"
        return "CachedLogin(host: \(host), username: \(username), password: \(Redact.secret(password)), issuedAt: \(TimeFormat.iso8601(issuedAt)), expiresAt: \(expiry))"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// The fields with the password masked.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "host": host, "username": username, "password": Redact.secret(password),
            "issuedAt": issuedAt, "expiresAt": expiresAt as Any,
        ], displayStyle: .struct)
    }
}
