import CloudSigning
import CredentialsCore
import Foundation

@testable import CloudEmulator

/// A Container Registry API request signed with ACS3-HMAC-SHA256 the way the tea-openapi SDKs sign it: `host`,
/// every `x-acs-*` header and `content-type` (when there is a body) signed, the body hashed into
/// `x-acs-content-sha256`.
struct ACS3TestRequest {
    var method = "POST"
    var host = "cr.cn-hangzhou.aliyuncs.com"
    var path = "/"
    var query: [String: String] = [:]
    var action = "GetAuthorizationToken"
    var version = ACRService.enterpriseVersion
    /// A form body (`application/x-www-form-urlencoded`), or nil.
    var form: [String: String]?
    var date = Date()
    var nonce = UUID().uuidString
    var securityToken: String?

    /// The enterprise `GetAuthorizationToken` for an instance, parameters in the query as the SDK sends them.
    static func instanceToken(_ instanceId: String, host: String = "cr.cn-hangzhou.aliyuncs.com", date: Date = Date()) -> ACS3TestRequest {
        ACS3TestRequest(host: host, query: ["InstanceId": instanceId], date: date)
    }

    /// The personal-edition `GET /tokens`.
    static func personalToken(host: String = "cr.cn-hangzhou.aliyuncs.com", date: Date = Date()) -> ACS3TestRequest {
        ACS3TestRequest(method: "GET", host: host, path: "/tokens", version: ACRService.personalVersion, date: date)
    }

    var body: String? { form.map { formEncode($0) } }

    /// The headers to send, `Authorization` included.
    func headers(accessKeyId: String, secret: String) -> [(String, String)] {
        var headers = [
            "host": host, "x-acs-action": action, "x-acs-version": version, "x-acs-date": TimeFormat.iso8601(date),
            "x-acs-signature-nonce": nonce, "x-acs-content-sha256": ACS3Signer.sha256Hex(Array((body ?? "").utf8)),
        ]
        if body != nil { headers["content-type"] = "application/x-www-form-urlencoded" }
        if let securityToken { headers["x-acs-security-token"] = securityToken }
        let authorization = ACS3Signer.authorization(
            accessKeyId: accessKeyId, secret: secret, method: method, path: path, query: query, headers: headers,
            payloadHashHex: headers["x-acs-content-sha256"] ?? "")
        headers["host"] = nil  // sent as the Host header by `fetch`
        return headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } + [("Authorization", authorization)]
    }

    /// Signs and sends the request to the emulator.
    func send(
        _ emulator: CloudEmulator, accessKeyId: String = Standard.accessKeyId, secret: String = Standard.secret,
        extraHeaders: [(String, String)] = []
    ) async throws -> Reply {
        try await fetch(
            emulator, host: host, method: method, path: path, query: formEncode(query),
            headers: headers(accessKeyId: accessKeyId, secret: secret) + extraHeaders, body: body)
    }
}

/// The headers of a ROA v1 (`acs <AccessKeyId>:<signature>`) `GET /tokens`.
func roaTokenHeaders(
    accessKeyId: String = Standard.accessKeyId, secret: String = Standard.secret, date: Date = Date(),
    nonce: String = UUID().uuidString, securityToken: String? = nil
) -> [(String, String)] {
    var headers = [
        "accept": "application/json", "date": TimeFormat.rfc1123(date), "x-acs-action": "GetAuthorizationToken",
        "x-acs-signature-method": "HMAC-SHA1", "x-acs-signature-nonce": nonce, "x-acs-signature-version": "1.0",
        "x-acs-version": ACRService.personalVersion,
    ]
    if let securityToken { headers["x-acs-security-token"] = securityToken }
    let authorization = AlibabaROASigner.authorization(
        accessKeyId: accessKeyId, secret: secret, method: "GET", path: "/tokens", query: [:], headers: headers)
    return headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } + [("Authorization", authorization)]
}

/// The common RPC v1 parameters for the cr 2018-12-01 API, plus `extra`.
func acrRPCParameters(
    action: String, accessKeyId: String = Standard.accessKeyId, now: Date = Date(), _ extra: [String: String] = [:]
) -> [String: String] {
    rpcParameters(action: action, accessKeyId: accessKeyId, now: now, extra.merging(["Version": ACRService.enterpriseVersion]) { old, _ in old })
}

extension Reply {
    /// `data` of a personal-edition token answer.
    var data: [String: Any] { (json["data"] as? [String: Any]) ?? [:] }

    /// Epoch milliseconds (`expireDate`, `ExpireTime`) as a date.
    static func date(milliseconds value: Any?) -> Date? {
        (value as? Int).map { Date(timeIntervalSince1970: Double($0) / 1000) }
    }
}
