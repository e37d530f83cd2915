/// Alibaba Cloud signature version 3, `ACS3-HMAC-SHA256`.
///
/// Canonical request (fields joined by `\n`):
/// ```
/// METHOD
/// path                       (as given, already percent-encoded by the caller; "/" when empty)
/// canonical query            (sorted by key, key and value RFC 3986-encoded, k=v joined by &; k= when empty)
/// name:value\n…              (every given header: name lower-cased, value trimmed, sorted by name)
/// signed headers             (the names joined by ;)
/// payload hash               (lower-hex SHA-256 of the body, also sent as x-acs-content-sha256)
/// ```
/// Each header line ends in `\n`, so a blank line precedes the signed-header list. String to sign:
/// `ACS3-HMAC-SHA256\n` + hex SHA-256(canonical request); signature: hex HMAC-SHA256(key: secret).
public enum ACS3Signer {
    /// The algorithm name, first word of the `Authorization` header.
    public static let algorithm = "ACS3-HMAC-SHA256"

    /// Lower-case hex SHA-256 of `bytes` (the payload hash of an empty body is `e3b0c442…b855`).
    public static func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
        SigningPrimitives.sha256Hex(bytes)
    }

    /// Signs exactly the headers given (names lower-cased, values trimmed, sorted). Returns the canonical request and the signed-header list.
    ///
    /// Header names equal but for case are merged: their values sorted and joined with `,`.
    public static func canonicalRequest(
        method: String, path: String, query: [String: String], headers: [String: String], payloadHashHex: String
    ) -> (request: String, signedHeaders: String) {
        let block = SigningPrimitives.canonicalHeaderBlock(
            SigningPrimitives.lowercasedHeaders(headers, trimmingValues: true))
        let canonicalHeaders = block.lines.map { $0 + "\n" }.joined()
        let request = [
            method,
            path.isEmpty ? "/" : path,
            SigningPrimitives.rfc3986Query(query),
            canonicalHeaders,
            block.signedHeaders,
            payloadHashHex,
        ].joined(separator: "\n")
        return (request, block.signedHeaders)
    }

    /// `ACS3-HMAC-SHA256\n` + lower-hex SHA-256 of the canonical request.
    public static func stringToSign(canonicalRequest: String) -> String {
        algorithm + "\n" + sha256Hex(canonicalRequest.utf8)
    }

    /// Lower-hex HMAC-SHA256(key: secret, message: stringToSign).
    public static func signature(stringToSign: String, secret: String) -> String {
        SigningPrimitives.hmacSHA256Hex(key: secret, message: stringToSign)
    }

    /// "ACS3-HMAC-SHA256 Credential=<AK>,SignedHeaders=<a;b>,Signature=<hex>" (no spaces after the commas).
    public static func authorization(
        accessKeyId: String, secret: String, method: String, path: String,
        query: [String: String], headers: [String: String], payloadHashHex: String
    ) -> String {
        let canonical = canonicalRequest(
            method: method, path: path, query: query, headers: headers, payloadHashHex: payloadHashHex)
        let signature = signature(stringToSign: stringToSign(canonicalRequest: canonical.request), secret: secret)
        return "\(algorithm) Credential=\(accessKeyId),SignedHeaders=\(canonical.signedHeaders),Signature=\(signature)"
    }
}
