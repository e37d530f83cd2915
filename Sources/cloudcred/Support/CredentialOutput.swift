#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import AlibabaCloudCredentials
import CredentialsCore

/// Renders a resolved credential for people (`credentials`) and for programs (`credentials --json`).
struct CredentialOutput {
    let model: CredentialModel
    let reveal: Bool
    let now: Date

    /// One JSON object: access_key_id, access_key_secret, security_token, bearer_token, provider_name, type, expiration.
    var json: String {
        var object = JSONObject()
        object["access_key_id"] = model.accessKeyId.map { .string(reveal ? $0 : Redact.accessKeyId($0)) } ?? .null
        object["access_key_secret"] = model.accessKeySecret.map { .string(reveal ? $0 : Redact.secret($0)) } ?? .null
        object["security_token"] = model.securityToken.map { .string(reveal ? $0 : Redact.secret($0)) } ?? .null
        if let bearer = model.bearerToken { object["bearer_token"] = .string(reveal ? bearer : Redact.secret(bearer)) }
        object["provider_name"] = model.providerName.map { .string($0) } ?? .null
        object["type"] = .string(model.type)
        object["expiration"] = model.expiration.map { .string(TimeFormat.iso8601($0)) } ?? .null
        return JSONValue.object(object).serialized(style: .compact)
    }

    /// A short summary with the secret never shown (unless `reveal`).
    var human: String {
        var lines: [String] = []
        lines.append("provider:          \(model.providerName ?? model.type)")
        if let id = model.accessKeyId { lines.append("AccessKey ID:      \(reveal ? id : Redact.accessKeyId(id))") }
        if let secret = model.accessKeySecret, reveal { lines.append("AccessKey secret:  \(secret)") }
        let temporary = model.securityToken != nil || model.expiration != nil
        lines.append("kind:              \(temporary ? "temporary (STS)" : "permanent AccessKey")")
        if let token = model.securityToken, reveal { lines.append("security token:    \(token)") }
        if let expiration = model.expiration {
            let minutes = Int(expiration.timeIntervalSince(now) / 60)
            lines.append("expires:           \(TimeFormat.iso8601(expiration)) (in \(minutes) min)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
