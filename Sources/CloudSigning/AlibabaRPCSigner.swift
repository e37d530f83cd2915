/// How the RPC v1 canonical query writes a space.
public enum RPCSpaceEncoding: Sendable {
    /// `%20`, as the POP specification and the Go, Java and tea-openapi SDKs do (the default).
    case percent20
    /// `+`, as Python `alibabacloud-credentials` 1.0.12 does for its STS calls (`quote_plus`).
    case plus
}

/// Alibaba Cloud POP RPC signature, version 1 (HMAC-SHA1), sent as the `Signature` query parameter.
///
/// 1. Canonicalised query: every parameter except `Signature`, sorted by key in code-point order,
///    `encode(key)=encode(value)` joined by `&` (`encode` per ``RPCSpaceEncoding``).
/// 2. String to sign: `METHOD&%2F&` + RFC 3986-encode(canonicalised query).
/// 3. Signature: base64 HMAC-SHA1 keyed with `secret + "&"`.
public enum AlibabaRPCSigner {
    /// The canonicalised query string (step 1). A `Signature` parameter, if present, is left out.
    public static func canonicalizedQuery(_ parameters: [String: String], spaceEncoding: RPCSpaceEncoding) -> String {
        let encode: (String) -> String = switch spaceEncoding {
        case .percent20: PercentEncoder.rfc3986
        case .plus: PercentEncoder.formPlus
        }
        return SigningPrimitives.sortedByKey(parameters)
            .filter { $0.key != "Signature" }
            .map { encode($0.key) + "=" + encode($0.value) }
            .joined(separator: "&")
    }

    /// The string to sign (step 2); `method` is used as given (normally `GET` or `POST`).
    /// Excludes "Signature" if present.
    ///
    /// The canonical query holds no space after step 1, so the outer encoding is the same for both variants.
    public static func stringToSign(
        method: String, parameters: [String: String], spaceEncoding: RPCSpaceEncoding = .percent20
    ) -> String {
        method + "&%2F&" + PercentEncoder.rfc3986(canonicalizedQuery(parameters, spaceEncoding: spaceEncoding))
    }

    /// base64(HMAC-SHA1(key: secret + "&", message: stringToSign)).
    public static func signature(stringToSign: String, secret: String) -> String {
        SigningPrimitives.hmacSHA1Base64(key: secret + "&", message: stringToSign)
    }

    /// The value of the `Signature` parameter for a request carrying `parameters` (query and form body merged).
    public static func sign(
        method: String, parameters: [String: String], secret: String, spaceEncoding: RPCSpaceEncoding = .percent20
    ) -> String {
        signature(
            stringToSign: stringToSign(method: method, parameters: parameters, spaceEncoding: spaceEncoding),
            secret: secret)
    }
}
