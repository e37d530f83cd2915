import Foundation

/// A registry user name and password the emulator handed out (ACR temporary token, SWR temporary or long-term
/// login): the registry token realm accepts exactly these.
public struct IssuedRegistryLogin: Sendable, Codable, Equatable {
    /// Which service produced it.
    public enum Kind: String, Sendable, Codable {
        case acrPersonal, acrEnterprise, swrTemporary, swrLongTerm, fixedPassword
    }

    public var kind: Kind
    /// Registry hosts the login is good for (lower-case, no port); empty = any host of that cloud.
    public var hosts: [String]
    public var username: String
    public var password: String
    /// nil = never expires (SWR long-term logins, fixed passwords).
    public var expiration: Date?
    public var issuedAt: Date
    /// Who asked: the signing AccessKey id.
    public var requestedBy: String?

    public init(
        kind: Kind, hosts: [String], username: String, password: String, expiration: Date?, issuedAt: Date,
        requestedBy: String? = nil
    ) {
        self.kind = kind
        self.hosts = hosts
        self.username = username
        self.password = password
        self.expiration = expiration
        self.issuedAt = issuedAt
        self.requestedBy = requestedBy
    }

    /// Whether a registry may accept this user name and password for `host` at `now`.
    public func accepts(host: String, username: String, password: String, now: Date) -> Bool {
        guard self.username == username, self.password == password else { return false }
        if let expiration, expiration <= now { return false }
        return hosts.isEmpty || hosts.contains(host.lowercased())
    }
}
