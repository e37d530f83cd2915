#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CredentialsCore
import RegistryCredentials
import RegistryLogin

/// How registry logins are shown: masked unless the user asked for the password.
enum LoginOutput {
    static func json(host: String, login: RegistryPassword, reveal: Bool) -> String {
        var object = JSONObject()
        object["ServerURL"] = .string(host)
        object["Username"] = .string(login.username)
        object["Secret"] = .string(reveal ? login.password : Redact.secret(login.password))
        object["ExpiresAt"] = login.expiresAt.map { .string(TimeFormat.iso8601($0)) } ?? .null
        object["Source"] = .string(login.source)
        return JSONValue.object(object).serialized(style: .compact)
    }

    static func human(host: String, target: RegistryTarget?, login: RegistryPassword, reveal: Bool, now: Date) -> String {
        var lines = ["registry: \(host)"]
        if let target { lines.append("kind:     \(target.kind.rawValue) (region \(target.region))") }
        lines.append("username: \(login.username)")
        lines.append("password: \(reveal ? login.password : Redact.secret(login.password) + "  (--reveal shows it)")")
        lines.append("expires:  \(expiry(login.expiresAt, now: now))")
        lines.append("source:   \(login.source)")
        return lines.joined(separator: "\n") + "\n"
    }

    static func expiry(_ date: Date?, now: Date) -> String {
        guard let date else { return "never" }
        let seconds = Int(date.timeIntervalSince(now))
        let left = seconds <= 0 ? "expired" : "in \(seconds / 3600)h\(seconds % 3600 / 60)m"
        return "\(TimeFormat.iso8601(date)) (\(left))"
    }
}
