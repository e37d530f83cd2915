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
    /// When to fetch a new one, if not at the login's own point (``refreshPoint``): set after a failed refresh,
    /// so that the next attempt waits.
    public var refreshAt: Date?

    /// A login; see the properties.
    public init(host: String, username: String, password: String, issuedAt: Date, expiresAt: Date?, refreshAt: Date? = nil) {
        self.host = host
        self.username = username
        self.password = password
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.refreshAt = refreshAt
    }

    /// `expiresAt`, or `issuedAt` plus ``TokenCache/noExpiryLifetime`` when it does not expire.
    public var effectiveExpiry: Date {
        expiresAt ?? issuedAt.addingTimeInterval(TokenCache.noExpiryLifetime)
    }

    /// True before ``refreshPoint`` (and while usable): the cache answers with it instead of fetching.
    ///
    /// The helper asks this on every `get`; the SHA-256 behind the point is only computed inside the refresh
    /// window, because before 40 % and from 50 % of the life the answer does not depend on where the point falls.
    public func isFresh(at now: Date) -> Bool {
        guard isUsable(at: now) else { return false }
        if let refreshAt { return now < refreshAt }
        let life = effectiveExpiry.timeIntervalSince(issuedAt)
        if life > 0 {
            if now < issuedAt.addingTimeInterval(life * Self.refreshWindow.lowerBound) { return true }
            if now >= issuedAt.addingTimeInterval(life * Self.refreshWindow.upperBound) { return false }
        }
        return now < refreshPoint
    }

    /// When a new login is fetched: `refreshAt` when set, else a point between 40 % and 50 % of the login's life
    /// (``refreshWindow``), the same for every process that reads this login and different for each password.
    ///
    /// A fixed half-life would keep a fleet in step: nodes that all fetched in the same minute (a region-wide
    /// restart) would all refresh in the same minute, every half-life. Taking the point from the password (a token
    /// the cloud made at random for each node) spreads their refreshes over a tenth of the token's life — six
    /// minutes for a 1-hour ACR token — while the processes of one node, which share the login, still agree on one
    /// fetch. Nothing about the password can be learnt from the point: it comes from a SHA-256 of it.
    public var refreshPoint: Date {
        if let refreshAt { return refreshAt }
        let life = effectiveExpiry.timeIntervalSince(issuedAt)
        let fraction = Self.refreshWindow.lowerBound + refreshSpread * (Self.refreshWindow.upperBound - Self.refreshWindow.lowerBound)
        return issuedAt.addingTimeInterval(life * fraction)
    }

    /// The part of a login's life at which it is refreshed.
    public static let refreshWindow: ClosedRange<Double> = 0.4...0.5

    /// Where in ``refreshWindow`` this login is refreshed, in `0..<1`: the first 8 bytes of a SHA-256 of the
    /// user name, the password and the issue time.
    var refreshSpread: Double {
        var hasher = SHA256()
        hasher.update("cloudcred-refresh-point-v1\u{0}\(username)\u{0}\(password)\u{0}".utf8)
        hasher.update(withUnsafeBytes(of: issuedAt.timeIntervalSince1970.bitPattern.littleEndian) { Array($0) })
        let digest = hasher.finalize()
        let word = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Double(word >> 11) / Double(UInt64(1) << 53)
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
        let retry = refreshAt.map { ", refreshAt: \(TimeFormat.iso8601($0))" } ?? ""
        return "CachedLogin(host: \(host), username: \(username), password: \(Redact.secret(password)), issuedAt: \(TimeFormat.iso8601(issuedAt)), expiresAt: \(expiry)\(retry))"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// The fields with the password masked.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "host": host, "username": username, "password": Redact.secret(password),
            "issuedAt": issuedAt, "expiresAt": expiresAt as Any, "refreshAt": refreshAt as Any,
        ], displayStyle: .struct)
    }
}
