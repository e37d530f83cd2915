/// Huawei Cloud `SDK-HMAC-SHA256` (the AK/SK signature of `huaweicloudsdkcore`), used for the SWR API.
///
/// Canonical request (fields joined by `\n`):
/// ```
/// METHOD                     (upper-cased)
/// /seg/ments/                (path percent-decoded, split on "/", each segment RFC 3986-encoded; always ends in "/")
/// canonical query            (sorted by key, key and value RFC 3986-encoded, k=v joined by &)
/// name:value\n…              (headers without "_" in the name: lower-cased, value trimmed, sorted; then "\n")
/// signed headers             (the names joined by ;)
/// payload hash               (lower-hex SHA-256 of the body, or the literal UNSIGNED-PAYLOAD)
/// ```
/// String to sign: `SDK-HMAC-SHA256\n<X-Sdk-Date>\n` + hex SHA-256(canonical request); the signature is
/// hex HMAC-SHA256 keyed with the secret key itself (no key derivation).
///
/// The SDK adds `Host`, `X-Sdk-Date` and, for a non-empty body whose content type is neither JSON nor BSON,
/// `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD` before signing; callers of this type pass those headers themselves.
/// The SDK hashes an empty body as `e3b0c442…b855` even when that header is present.
public enum HuaweiSigner {
    /// The algorithm name, first word of the `Authorization` header.
    public static let algorithm = "SDK-HMAC-SHA256"
    /// The header carrying the signing time, `YYYYMMDDTHHMMSSZ` in UTC.
    public static let dateHeader = "X-Sdk-Date"
    /// The header that, set to ``unsignedPayload``, replaces the payload hash.
    public static let contentSha256Header = "X-Sdk-Content-Sha256"
    /// The payload hash used for bodies that are not signed.
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"

    /// Signs exactly the headers given whose names have no "_" (lower-cased, sorted); canonical URI always ends in "/".
    public static func canonicalRequest(
        method: String, path: String, query: [String: String], headers: [String: String], payloadHashHex: String
    ) -> (request: String, signedHeaders: String) {
        let block = SigningPrimitives.canonicalHeaderBlock(
            SigningPrimitives.lowercasedHeaders(headers.filter { !$0.key.contains("_") }, trimmingValues: true))
        let request = [
            method.uppercased(),
            canonicalURI(path),
            SigningPrimitives.rfc3986Query(query),
            block.lines.joined(separator: "\n") + "\n",
            block.signedHeaders,
            payloadHashHex,
        ].joined(separator: "\n")
        return (request, block.signedHeaders)
    }

    /// The path percent-decoded, re-encoded segment by segment, with a trailing "/" added when missing.
    public static func canonicalURI(_ path: String) -> String {
        let segments = PercentEncoder.decodeLeniently(path)
            .split(separator: "/", omittingEmptySubsequences: false)
            .map { PercentEncoder.rfc3986(String($0)) }
        let joined = segments.joined(separator: "/")
        return joined.hasSuffix("/") ? joined : joined + "/"
    }

    /// `SDK-HMAC-SHA256\n<sdkDate>\n` + lower-hex SHA-256 of the canonical request.
    public static func stringToSign(canonicalRequest: String, sdkDate: String) -> String {
        algorithm + "\n" + sdkDate + "\n" + SigningPrimitives.sha256Hex(canonicalRequest.utf8)
    }

    /// Lower-hex HMAC-SHA256(key: secretKey, message: stringToSign).
    public static func signature(stringToSign: String, secretKey: String) -> String {
        SigningPrimitives.hmacSHA256Hex(key: secretKey, message: stringToSign)
    }

    /// "SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<a;b>, Signature=<hex>" (spaces after the commas).
    ///
    /// `headers` must include `X-Sdk-Date` (any case); without it the date line of the string to sign is empty
    /// and no server will accept the result.
    public static func authorization(
        accessKey: String, secretKey: String, method: String, path: String,
        query: [String: String], headers: [String: String], payloadHashHex: String
    ) -> String {
        let canonical = canonicalRequest(
            method: method, path: path, query: query, headers: headers, payloadHashHex: payloadHashHex)
        let toSign = stringToSign(canonicalRequest: canonical.request, sdkDate: sdkDate(in: headers) ?? "")
        let signature = signature(stringToSign: toSign, secretKey: secretKey)
        return "\(algorithm) Access=\(accessKey), SignedHeaders=\(canonical.signedHeaders), Signature=\(signature)"
    }

    /// The trimmed value of the `X-Sdk-Date` header, looked up without regard to case.
    public static func sdkDate(in headers: [String: String]) -> String? {
        let target = dateHeader.lowercased()
        return SigningPrimitives.sortedByKey(headers)
            .first { $0.key.lowercased() == target }
            .map { SigningPrimitives.pythonStrip($0.value) }
    }
}
