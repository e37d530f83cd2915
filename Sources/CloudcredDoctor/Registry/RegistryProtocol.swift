#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CredentialsCore

/// The `WWW-Authenticate` challenge of a registry: `Bearer realm="…",service="…",scope="…"` or `Basic realm="…"`.
/// (`package` for the fuzz target `FuzzRegistryChallenge`.)
package struct AuthChallenge: Sendable, Hashable {
    /// `bearer` or `basic` (lower-case).
    package var scheme: String
    /// The parameters, names lower-case.
    package var parameters: [String: String]

    var realm: String? { parameters["realm"] }
    var service: String? { parameters["service"] }

    /// Parses one challenge; nil when there is no scheme.
    package init?(_ header: String) {
        let trimmed = header.stripping(" \t")
        guard let space = trimmed.firstIndex(of: " ") else {
            guard !trimmed.isEmpty else { return nil }
            scheme = trimmed.lowercased()
            parameters = [:]
            return
        }
        scheme = trimmed[..<space].lowercased()
        var parameters: [String: String] = [:]
        var rest = Substring(trimmed[trimmed.index(after: space)...])
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " || $0 == "," }
            guard let equals = rest.firstIndex(of: "=") else { break }
            let name = rest[..<equals].stripping(" ").lowercased()
            rest = rest[rest.index(after: equals)...]
            var value = ""
            if rest.hasPrefix("\"") {
                rest = rest.dropFirst()
                let end = rest.firstIndex(of: "\"") ?? rest.endIndex
                value = String(rest[..<end])
                rest = end < rest.endIndex ? rest[rest.index(after: end)...] : ""
            } else {
                let end = rest.firstIndex(of: ",") ?? rest.endIndex
                value = rest[..<end].stripping(" ")
                rest = rest[end...]
            }
            parameters[name] = value
        }
        self.parameters = parameters
    }
}

/// What a registry token grants, read from its JWT claims without checking the signature (only the registry can);
/// nil for tokens that are not JWTs. (`package` for the fuzz target `FuzzRegistryChallenge`.)
package enum RegistryTokenClaims {
    /// The actions granted on `repository`, or nil when the token says nothing readable.
    package static func actions(in token: String, repository: String) -> Set<String>? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let payload = base64URLDecode(String(parts[1])),
              let claims = try? JSONValue.parse(payload), let access = claims["access"]?.arrayValue
        else { return nil }
        var granted = Set<String>()
        for entry in access where entry["type"]?.stringValue == "repository" && entry["name"]?.stringValue == repository {
            for action in entry["actions"]?.arrayValue ?? [] {
                if let name = action.stringValue { granted.insert(name) }
            }
        }
        return granted
    }

    static func base64URLDecode(_ text: String) -> [UInt8]? {
        var base64 = text.replacing("-", with: "+").replacing("_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64).map(Array.init)
    }
}

/// The code of a registry error body: `{"errors":[{"code":"DENIED","message":"…"}]}` → `DENIED: …`.
/// (`package` for the fuzz target `FuzzRegistryChallenge`.)
package enum RegistryErrorBody {
    /// The first error's code (lower-case) and message, or nil when the body is not a registry error.
    package static func summary(_ body: [UInt8]) -> String? {
        guard let document = try? JSONValue.parse(body), let first = document["errors"]?.arrayValue?.first else { return nil }
        let code = first["code"]?.stringValue ?? "?"
        let message = first["message"]?.stringValue ?? ""
        return "\(code.lowercased()): \(message)"
    }
}
