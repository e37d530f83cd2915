#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CredentialsCore

/// The on-disk format of the token cache, version 1. One small JSON object per file; times in epoch ms.
///
/// * `<key>.json`: `{"version":1,"host":…,"username":…,"password":…,"issuedAt":ms,"expiresAt":ms|null}`, plus
///   `"refreshAt":ms` after a failed refresh (an optional member: older readers ignore it, records without it
///   are refreshed at their own point)
/// * `<key>.failure.json`: `{"version":1,"host":…,"message":…,"fingerprint":…,"at":ms}`
///
/// where `<key>` is the hex SHA-256 of the host and the credential source. A file with another version, or
/// one that does not parse, reads as absent and is replaced or evicted by the next write.
enum TokenCacheRecords {
    static let version: Int64 = 1

    /// A remembered failure.
    struct Failure: Sendable, Hashable {
        var host: String
        var message: String
        var fingerprint: String
        var at: Date
    }

    static func encode(_ login: CachedLogin) -> String {
        var object = JSONObject()
        object["version"] = .number(JSONNumber(version))
        object["host"] = .string(login.host)
        object["username"] = .string(login.username)
        object["password"] = .string(login.password)
        object["issuedAt"] = milliseconds(login.issuedAt)
        object["expiresAt"] = login.expiresAt.map(milliseconds) ?? .null
        if let refreshAt = login.refreshAt { object["refreshAt"] = milliseconds(refreshAt) }
        return JSONValue.object(object).serialized(style: .compact) + "\n"
    }

    static func decodeLogin(_ bytes: [UInt8]) -> CachedLogin? {
        guard let object = versionedObject(bytes),
              let host = object["host"]?.stringValue, let username = object["username"]?.stringValue,
              let password = object["password"]?.stringValue, let issuedAt = date(object["issuedAt"])
        else { return nil }
        let expiresAt = date(object["expiresAt"])
        guard expiresAt != nil || object["expiresAt"]?.isNull == true else { return nil }
        let refreshAt = date(object["refreshAt"])
        guard refreshAt != nil || object["refreshAt"] == nil else { return nil }
        return CachedLogin(
            host: host, username: username, password: password, issuedAt: issuedAt, expiresAt: expiresAt, refreshAt: refreshAt)
    }

    static func encode(_ failure: Failure) -> String {
        let value: JSONValue = [
            "version": .number(JSONNumber(version)),
            "host": .string(failure.host),
            "message": .string(failure.message),
            "fingerprint": .string(failure.fingerprint),
            "at": milliseconds(failure.at),
        ]
        return value.serialized(style: .compact) + "\n"
    }

    static func decodeFailure(_ bytes: [UInt8]) -> Failure? {
        guard let object = versionedObject(bytes),
              let host = object["host"]?.stringValue, let message = object["message"]?.stringValue,
              let fingerprint = object["fingerprint"]?.stringValue, let at = date(object["at"])
        else { return nil }
        return Failure(host: host, message: message, fingerprint: fingerprint, at: at)
    }

    /// The host recorded in either kind of record (for `remove(host:)`), nil when unreadable.
    static func host(of bytes: [UInt8]) -> String? {
        versionedObject(bytes)?["host"]?.stringValue
    }

    private static func versionedObject(_ bytes: [UInt8]) -> JSONObject? {
        guard let object = (try? JSONValue.parse(bytes, maximumDepth: 4))?.objectValue,
              object["version"]?.int64Value == version
        else { return nil }
        return object
    }

    private static func milliseconds(_ date: Date) -> JSONValue {
        .number(JSONNumber(Int64((date.timeIntervalSince1970 * 1000).rounded())))
    }

    private static func date(_ value: JSONValue?) -> Date? {
        guard let ms = value?.int64Value else { return nil }
        return Date(timeIntervalSince1970: Double(ms) / 1000)
    }
}
