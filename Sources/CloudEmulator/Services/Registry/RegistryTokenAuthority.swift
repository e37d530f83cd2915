import Crypto
import Foundation
import SwiftASN1
import X509

/// The registry token realm's signing identity: a P-256 key and a self-signed certificate for it, made when the
/// emulator is created, and the JWTs it signs.
///
/// The tokens are those the reference registry (distribution v2.8, `auth: token:`) accepts with
/// `issuer: ` ``issuer`` and `rootcertbundle:` the ``certificatePEM``: header
/// `{"alg":"ES256","typ":"JWT","x5c":[<the certificate, base64 DER>]}` (the registry checks the `x5c` leaf against
/// its root bundle, then the signature with the leaf's key), claims `iss`, `sub`, `aud`, `exp`, `nbf`, `iat`, `jti`
/// and `access`, and an ES256 signature as raw `r||s`.
struct RegistryTokenAuthority: Sendable {
    /// The `iss` of every token, and the `issuer:` a registry must be configured with.
    static let issuer = "cloudcred-emulator-registry-token-realm"
    /// Seconds a token is valid (`expires_in`).
    static let lifetimeSeconds = 300

    /// The self-signed certificate of the signing key, PEM (a registry's `rootcertbundle`).
    let certificatePEM: String
    private let certificateDERBase64: String
    private let signingKey: P256.Signing.PrivateKey

    /// A fresh key and a certificate valid from an hour before `now` for a year.
    init(now: Date = Date()) {
        signingKey = P256.Signing.PrivateKey()
        do {
            let name = try DistinguishedName {
                OrganizationName("cloudcred emulator")
                CommonName("cloudcred emulator registry token signer")
            }
            let publicKey = Certificate.PublicKey(signingKey.publicKey)
            let certificate = try Certificate(
                version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: publicKey,
                notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(365 * 86400),
                issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                    Critical(KeyUsage(digitalSignature: true, keyCertSign: true))
                    SubjectKeyIdentifier(hash: publicKey)
                },
                issuerPrivateKey: Certificate.PrivateKey(signingKey))
            var serializer = DER.Serializer()
            try serializer.serialize(certificate)
            certificateDERBase64 = Data(serializer.serializedBytes).base64EncodedString()
            certificatePEM = try certificate.serializeAsPEM().pemString + "\n"
        } catch {
            // Only reachable through a bug in the fixed inputs above.
            preconditionFailure("cannot make the registry token certificate: \(error)")
        }
    }

    /// A signed token for `subject` (empty for anonymous) valid at `audience` (the registry's `service`).
    func token(subject: String, audience: String, access: [RegistryAccess], now: Date) -> String {
        let issuedAt = Int(now.timeIntervalSince1970.rounded(.down))
        let header = JSONValue.object([
            "alg": .string("ES256"), "typ": .string("JWT"), "x5c": .array([.string(certificateDERBase64)]),
        ])
        let claims = JSONValue.object([
            "iss": .string(Self.issuer),
            "sub": .string(subject),
            "aud": .string(audience),
            "exp": .int(issuedAt + Self.lifetimeSeconds),
            "nbf": .int(issuedAt),
            "iat": .int(issuedAt),
            "jti": .string(UUID().uuidString),
            "access": .array(access.map(\.json)),
        ])
        let signingInput = Base64URL.encode(Array(header.serialized.utf8)) + "." + Base64URL.encode(Array(claims.serialized.utf8))
        let signature = (try? signingKey.signature(for: Data(signingInput.utf8)).rawRepresentation) ?? Data()
        return signingInput + "." + Base64URL.encode(Array(signature))
    }

    /// The claims of a token this authority signed for `audience`, when it is valid at `now`; else nil.
    func verify(_ token: String, audience: String, now: Date) -> [String: Any]? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let signatureBytes = Base64URL.decode(String(parts[2])),
              let signature = try? P256.Signing.ECDSASignature(rawRepresentation: signatureBytes),
              signingKey.publicKey.isValidSignature(signature, for: Data("\(parts[0]).\(parts[1])".utf8)),
              let claimBytes = Base64URL.decode(String(parts[1])),
              let claims = (try? JSONSerialization.jsonObject(with: Data(claimBytes))) as? [String: Any],
              claims["iss"] as? String == Self.issuer, claims["aud"] as? String == audience,
              let expiry = claims["exp"] as? Int, let notBefore = claims["nbf"] as? Int
        else { return nil }
        let seconds = Int(now.timeIntervalSince1970.rounded(.down))
        return notBefore <= seconds && seconds < expiry ? claims : nil
    }
}

/// Base64url without padding, as JWTs use it.
enum Base64URL {
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) -> [UInt8]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64).map(Array.init)
    }
}
