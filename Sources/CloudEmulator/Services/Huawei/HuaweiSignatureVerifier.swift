import CloudSigning
import CredentialsCore
import Crypto
import Foundation

/// Who signed a Huawei API request.
struct HuaweiCaller: Sendable {
    var accessKey: String
    /// The metadata credential used, when the caller is not a configured permanent key.
    var issued: IssuedCredential?
}

/// Checks an SDK-HMAC-SHA256 request as Huawei's API gateway does: the `Authorization` header's form, `X-Sdk-Date`
/// within 15 minutes, the signed headers present (`host` and `x-sdk-date` among them), the AK (configured, or issued
/// by the emulator's Huawei metadata service with a matching, unexpired `X-Security-Token`), and the signature over
/// method, path, query, signed headers and the payload hash.
struct HuaweiSignatureVerifier {
    /// Largest difference between `X-Sdk-Date` and the emulator clock.
    static let dateWindow: TimeInterval = 15 * 60

    let configuration: EmulatorConfiguration
    let state: EmulatorState
    let now: Date

    func authenticate(_ request: EmulatorRequest) throws(HuaweiAPIGError) -> HuaweiCaller {
        guard let header = request.header("Authorization") else {
            throw .authentication("the Authorization header is missing")
        }
        guard let parsed = ParsedAuthorization.parse(header), parsed.algorithm == HuaweiSigner.algorithm else {
            throw .authentication("the Authorization header is not \"\(HuaweiSigner.algorithm) Access=…, SignedHeaders=…, Signature=…\"")
        }
        let sdkDate = try checkDate(request.header(HuaweiSigner.dateHeader))
        let signed = parsed.signedHeaders.map { $0.lowercased() }
        for required in ["host", "x-sdk-date"] where !signed.contains(required) {
            throw .authentication("the signed headers do not include \(required)")
        }
        var headers: [String: String] = [:]
        for name in signed {
            guard let value = name == "host" ? (request.header("host") ?? request.hostHeader) : request.header(name) else {
                throw .authentication("the signed header \(name) is not in the request")
            }
            headers[name] = value
        }
        let (secret, caller) = try lookUp(accessKey: parsed.accessKeyId, securityToken: request.header("X-Security-Token"))
        let expected = Self.signature(request: request, headers: headers, sdkDate: sdkDate, secret: secret)
        guard constantTimeEquals(expected, parsed.signature.lowercased()) else {
            throw .authentication("verify aksk signature fail, the signature does not match (check the SK and the canonical request)")
        }
        return caller
    }

    /// The signature the request should carry.
    static func signature(request: EmulatorRequest, headers: [String: String], sdkDate: String, secret: String) -> String {
        let payloadHash: String
        if request.header(HuaweiSigner.contentSha256Header) == HuaweiSigner.unsignedPayload, !request.body.isEmpty {
            payloadHash = HuaweiSigner.unsignedPayload
        } else {
            payloadHash = SHA256.hash(data: request.body).map { String(format: "%02x", $0) }.joined()
        }
        var query: [String: String] = [:]
        for item in request.queryItems { query[item.name] = item.value }
        let canonical = HuaweiSigner.canonicalRequest(
            method: request.method, path: request.path, query: query, headers: headers, payloadHashHex: payloadHash)
        return HuaweiSigner.signature(
            stringToSign: HuaweiSigner.stringToSign(canonicalRequest: canonical.request, sdkDate: sdkDate), secretKey: secret)
    }

    /// The `X-Sdk-Date` value, checked for form and freshness.
    private func checkDate(_ value: String?) throws(HuaweiAPIGError) -> String {
        guard let value, let date = Self.parseSDKDate(value) else {
            throw .authentication("X-Sdk-Date is missing or not of the form YYYYMMDDTHHMMSSZ")
        }
        guard abs(date.timeIntervalSince(now)) <= Self.dateWindow else {
            throw .authentication(
                "calc aksk signature fail:signature expired, signature time:\(value), server time:\(TimeFormat.compactISO8601(now))")
        }
        return value
    }

    private func lookUp(accessKey: String, securityToken: String?) throws(HuaweiAPIGError) -> (String, HuaweiCaller) {
        if let key = configuration.huaweiAccessKey(ak: accessKey) {
            return (key.sk, HuaweiCaller(accessKey: key.ak, issued: nil))
        }
        guard let issued = state.issuedCredential(accessKeyId: accessKey), issued.kind == .huaweiMetadata,
              let expected = issued.securityToken
        else { throw .authentication("the access key \(accessKey) does not exist") }
        guard let token = securityToken, !token.isEmpty else {
            throw .authentication("the access key is temporary and X-Security-Token is missing")
        }
        guard constantTimeEquals(token, expected) else { throw .authentication("X-Security-Token does not belong to the access key") }
        guard issued.expiration > now else { throw .authentication("the security token has expired") }
        return (issued.accessKeySecret, HuaweiCaller(accessKey: accessKey, issued: issued))
    }

    /// `20240101T000000Z` → the date, or nil.
    static func parseSDKDate(_ text: String) -> Date? {
        let chars = Array(text)
        guard chars.count == 16, chars[8] == "T", chars[15] == "Z" else { return nil }
        let d = String(chars[0..<8]), t = String(chars[9..<15])
        let iso = "\(d.prefix(4))-\(d.dropFirst(4).prefix(2))-\(d.suffix(2))T\(t.prefix(2)):\(t.dropFirst(2).prefix(2)):\(t.suffix(2))Z"
        return TimeFormat.parseISO8601(iso)
    }
}
