import CloudSigning
import CredentialsCore
import Foundation

/// Checks a ROA v1 request (`Authorization: acs <AccessKeyId>:<signature>`, HMAC-SHA1) the way the POP gateway
/// does: `Date` within the window, nonce, signature method and version, caller (with `x-acs-security-token` for issued
/// credentials), signature over accept, content-md5, content-type, date, every `x-acs-*` header and the resource.
struct ROARequestVerifier {
    let configuration: EmulatorConfiguration
    let state: EmulatorState
    let now: Date

    /// The caller, once every check passed.
    func verify(_ request: EmulatorRequest, authorization: ParsedAuthorization) throws(CloudErrorBody) -> STSCaller {
        let date = try SignedRequestChecks.requiredHeader("Date", in: request)
        let nonce = try SignedRequestChecks.requiredHeader("x-acs-signature-nonce", in: request)
        let headers = SignedRequestChecks.headerMap(request)
        if let method = headers["x-acs-signature-method"], method != "HMAC-SHA1" {
            throw .unsupported("SignatureMethod", method, expected: "HMAC-SHA1")
        }
        if let version = headers["x-acs-signature-version"], version != "1.0" {
            throw .unsupported("SignatureVersion", version, expected: "1.0")
        }
        try SignedRequestChecks.checkTimestamp(SignedRequestChecks.parseRFC1123(date), now: now)

        let (secret, caller) = try AlibabaCallerLookup(configuration: configuration, state: state, now: now)
            .find(accessKeyId: authorization.accessKeyId, securityToken: headers["x-acs-security-token"])
        let expected = AlibabaROASigner.signature(stringToSign: stringToSign(request, headers: headers), secret: secret)
        guard constantTimeEquals(expected, authorization.signature) else {
            var shown = headers
            if shown["x-acs-security-token"] != nil { shown["x-acs-security-token"] = "******" }
            throw .signatureMismatch(stringToSign: stringToSign(request, headers: shown))
        }
        try SignedRequestChecks.useNonce(nonce, state: state, now: now)
        return caller
    }

    private func stringToSign(_ request: EmulatorRequest, headers: [String: String]) -> String {
        AlibabaROASigner.stringToSign(
            method: request.method, path: request.path, query: SignedRequestChecks.queryMap(request), headers: headers)
    }
}
