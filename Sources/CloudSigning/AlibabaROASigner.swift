/// Alibaba Cloud ROA signature, version 1 (HMAC-SHA1), sent as `Authorization: acs <AccessKeyId>:<signature>`.
///
/// String to sign (as `alibabacloud-openapi-util` builds it):
/// ```
/// METHOD \n accept \n content-md5 \n content-type \n date \n
/// x-acs-a:value \n x-acs-b:value \n …            (every x-acs-* header, sorted by name)
/// /path?a=1&b&c=3                                (query sorted by key, raw, an empty value as the bare key)
/// ```
/// Missing standard headers contribute empty lines. Header values and query parts are used as given: neither
/// trimmed nor percent-encoded. Without a query the resource is the path alone (no `?`).
public enum AlibabaROASigner {
    /// headers: all request headers (any case); uses accept, content-md5, content-type, date and every x-acs-* header.
    public static func stringToSign(
        method: String, path: String, query: [String: String], headers: [String: String]
    ) -> String {
        let lowercased = SigningPrimitives.lowercasedHeaders(headers, trimmingValues: false)
        var lines = [method]
        for name in ["accept", "content-md5", "content-type", "date"] {
            lines.append(lowercased[name] ?? "")
        }
        for (name, value) in SigningPrimitives.sortedByKey(lowercased) where name.hasPrefix("x-acs-") {
            lines.append("\(name):\(value)")
        }
        lines.append(canonicalizedResource(path: path, query: query))
        return lines.joined(separator: "\n")
    }

    /// The path followed, when there is a query, by `?` and the sorted raw `k=v` (or bare `k`) pairs joined by `&`.
    public static func canonicalizedResource(path: String, query: [String: String]) -> String {
        guard !query.isEmpty else { return path }
        let pairs = SigningPrimitives.sortedByKey(query).map { $0.value.isEmpty ? $0.key : "\($0.key)=\($0.value)" }
        return path + "?" + pairs.joined(separator: "&")
    }

    /// base64(HMAC-SHA1(key: secret)).
    public static func signature(stringToSign: String, secret: String) -> String {
        SigningPrimitives.hmacSHA1Base64(key: secret, message: stringToSign)
    }

    /// The `Authorization` header value: "acs <AK>:<sig>".
    public static func authorization(
        accessKeyId: String, secret: String, method: String, path: String,
        query: [String: String], headers: [String: String]
    ) -> String {
        let toSign = stringToSign(method: method, path: path, query: query, headers: headers)
        return "acs \(accessKeyId):\(signature(stringToSign: toSign, secret: secret))"
    }
}
