#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CredentialsCore

/// A `docker login` user name and password for Huawei Cloud SWR, with when the password stops working.
public struct SWRLogin: Sendable, Hashable, CustomStringConvertible {
    /// `<project>@<AK>` (long-term) or `<project>@<temporary id>` (CreateSecret).
    public var username: String
    /// The password; never shown by ``description``.
    public var password: String
    /// nil for long-term logins (valid while the AK is).
    public var expiresAt: Date?

    /// A login as given.
    public init(username: String, password: String, expiresAt: Date?) {
        self.username = username
        self.password = password
        self.expiresAt = expiresAt
    }

    /// Never shows the password.
    public var description: String {
        "SWRLogin(username: \(username), password: \(Redact.secret(password)), expires: \(expiresAt.map(TimeFormat.iso8601) ?? "never"))"
    }
}

/// An SWR region: its registry host `swr.<region>.<domain>` and API host `swr-api.<region>.<domain>`.
public struct SWREndpoint: Sendable, Hashable {
    /// `cn-north-4`, `eu-west-101`, `eu-de`, …
    public var region: String
    /// `myhuaweicloud.com`, `myhuaweicloud.eu` or `otc.t-systems.com`.
    public var domain: String

    /// The domains SWR is served under.
    public static let knownDomains = ["myhuaweicloud.com", "myhuaweicloud.eu", "otc.t-systems.com"]

    /// An endpoint from its parts (the domain is taken as given).
    public init(region: String, domain: String = "myhuaweicloud.com") {
        self.region = region
        self.domain = domain
    }

    /// Parses `swr.<region>.<domain>` (case-insensitive, an optional `:port` ignored), or returns nil when the host is
    /// not an SWR registry host of a known domain.
    public init?(registryHost: String) {
        var host = Substring(registryHost.lowercased())
        if let colon = host.firstIndex(of: ":") { host = host[..<colon] }
        guard host.hasPrefix("swr."),
              let domain = Self.knownDomains.first(where: { host.hasSuffix("." + $0) })
        else { return nil }
        let region = host.dropFirst(4).dropLast(domain.count + 1)
        guard !region.isEmpty, region.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return nil }
        self.init(region: String(region), domain: domain)
    }

    /// `swr.<region>.<domain>`.
    public var registryHost: String { "swr.\(region).\(domain)" }
    /// `swr-api.<region>.<domain>`.
    public var apiHost: String { "swr-api.\(region).\(domain)" }
}
