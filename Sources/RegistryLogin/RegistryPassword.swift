#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CredentialsCore

/// A registry user name and password, as `docker login` takes them, with when the password stops working.
public struct RegistryPassword: Sendable, Hashable, CustomStringConvertible {
    public var username: String
    public var password: String
    /// nil for passwords that do not expire (SWR long-term logins, stored passwords).
    public var expiresAt: Date?
    /// Where it came from, for people: `acr GetAuthorizationToken`, `swr long-term login`, `stored password`.
    public var source: String
    /// When cloudcred will fetch a new one (``CachedLogin/refreshPoint``); nil when it does not expire or is not
    /// cached. The kubelet is told to keep it until then.
    public var refreshAt: Date?

    public init(username: String, password: String, expiresAt: Date?, source: String, refreshAt: Date? = nil) {
        self.username = username
        self.password = password
        self.expiresAt = expiresAt
        self.source = source
        self.refreshAt = refreshAt
    }

    /// Never shows the password.
    public var description: String {
        let expiry = expiresAt.map { TimeFormat.iso8601($0) } ?? "never"
        return "RegistryPassword(username: \(username), password: \(Redact.secret(password)), expires: \(expiry), source: \(source))"
    }
}
