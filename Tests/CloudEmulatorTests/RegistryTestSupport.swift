import Crypto
import Foundation
import Testing
import X509

@testable import CloudEmulator

/// `Authorization: Basic base64(user:password)`.
func basicAuthorization(_ username: String, _ password: String) -> (String, String) {
    ("Authorization", "Basic " + Data("\(username):\(password)".utf8).base64EncodedString())
}

/// Issues a registry login over the control API, as CI scripts do; returns (username, password).
func issueLoginOverHTTP(_ emulator: CloudEmulator, hosts: [String]) async throws -> (String, String) {
    let body = String(decoding: try JSONSerialization.data(withJSONObject: ["hosts": hosts]), as: UTF8.self)
    let reply = try await fetch(emulator, method: "POST", path: "/_emulator/registry/logins", body: body)
    #expect(reply.status == 200)
    return (try #require(reply.json["username"] as? String), try #require(reply.json["password"] as? String))
}

/// Asks the realm for a token; `host` nil = loopback `/token`, else `https://<host>/auth`.
func requestToken(
    _ emulator: CloudEmulator, host: String? = nil, service: String, scope: String = "repository:ns/app:pull,push",
    credentials: (String, String)?
) async throws -> Reply {
    let query = "service=\(service)&scope=\(scope.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? scope)&account=x"
    return try await fetch(
        emulator, host: host, path: host == nil ? "/token" : "/auth", query: query,
        headers: credentials.map { [basicAuthorization($0.0, $0.1)] } ?? [])
}

/// A JWT read back and its signature checked with the public key of a PEM certificate, independently of the
/// emulator's own code.
struct DecodedJWT {
    var header: [String: Any]
    var claims: [String: Any]
    var signatureValid: Bool

    init(_ token: String, certificatePEM: String) throws {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        try #require(parts.count == 3)
        func decode(_ text: String) throws -> Data {
            var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
            return try #require(Data(base64Encoded: base64))
        }
        header = try #require(try JSONSerialization.jsonObject(with: decode(parts[0])) as? [String: Any])
        claims = try #require(try JSONSerialization.jsonObject(with: decode(parts[1])) as? [String: Any])
        let certificate = try Certificate(pemEncoded: certificatePEM)
        let key = try #require(P256.Signing.PublicKey(certificate.publicKey))
        let signature = try P256.Signing.ECDSASignature(rawRepresentation: decode(parts[2]))
        signatureValid = key.isValidSignature(signature, for: Data("\(parts[0]).\(parts[1])".utf8))
    }
}

/// `Bearer realm="…",service="…"` → ["realm": …, "service": …].
func challengeParameters(_ header: String?) -> [String: String] {
    guard let header, header.hasPrefix("Bearer ") else { return [:] }
    var result: [String: String] = [:]
    for pair in header.dropFirst("Bearer ".count).split(separator: ",") {
        let parts = pair.split(separator: "=", maxSplits: 1)
        if parts.count == 2 { result[String(parts[0])] = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    }
    return result
}
