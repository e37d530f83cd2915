import CloudSigning
import CredentialsCore
import Foundation

/// Checks an `ACS3-HMAC-SHA256` request the way the POP gateway does: required headers, the headers that must be
/// signed, `x-acs-date` window, body hash, caller (with `x-acs-security-token` for issued credentials), signature,
/// nonce. The same for RPC- and ROA-style APIs.
struct ACS3RequestVerifier {
    /// Headers every ACS3 request carries.
    static let requiredHeaders = ["x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"]

    let configuration: EmulatorConfiguration
    let state: EmulatorState
    let now: Date

    /// The caller, once every check passed.
    func verify(_ request: EmulatorRequest, authorization: ParsedAuthorization) throws(CloudErrorBody) -> STSCaller {
        for name in Self.requiredHeaders { _ = try SignedRequestChecks.requiredHeader(name, in: request) }
        let headers = SignedRequestChecks.headerMap(request)
        let signed = authorization.signedHeaders.map { $0.lowercased() }
        let mustSign = headers.keys.filter { $0 == "host" || $0 == "content-type" || $0.hasPrefix("x-acs-") }
        if let unsigned = mustSign.sorted().first(where: { !signed.contains($0) }) {
            throw .incompleteSignature("SignedHeaders must include host, content-type and every x-acs-* header; \(unsigned) is missing")
        }
        if let absent = signed.first(where: { headers[$0] == nil }) {
            throw .incompleteSignature("the signed header \(absent) is not in the request")
        }
        try SignedRequestChecks.checkTimestamp(TimeFormat.parseISO8601(headers["x-acs-date"] ?? ""), now: now)
        let payloadHash = headers["x-acs-content-sha256"] ?? ""
        guard payloadHash.lowercased() == ACS3Signer.sha256Hex(request.body) else { throw .contentHashMismatch }

        let (secret, caller) = try AlibabaCallerLookup(configuration: configuration, state: state, now: now)
            .find(accessKeyId: authorization.accessKeyId, securityToken: headers["x-acs-security-token"])
        let signedValues = headers.filter { signed.contains($0.key) }
        let canonical = canonicalRequest(request, headers: signedValues, payloadHash: payloadHash)
        let expected = ACS3Signer.signature(stringToSign: ACS3Signer.stringToSign(canonicalRequest: canonical), secret: secret)
        guard constantTimeEquals(expected, authorization.signature.lowercased()) else {
            // Echo what the server signed, as the gateway does, but never a security token.
            var shown = signedValues
            if shown["x-acs-security-token"] != nil { shown["x-acs-security-token"] = "******" }
            let shownRequest = canonicalRequest(request, headers: shown, payloadHash: payloadHash)
            throw .acs3SignatureMismatch(
                stringToSign: ACS3Signer.stringToSign(canonicalRequest: canonical), canonicalRequest: shownRequest)
        }
        try SignedRequestChecks.useNonce(headers["x-acs-signature-nonce"] ?? "", state: state, now: now)
        return caller
    }

    private func canonicalRequest(_ request: EmulatorRequest, headers: [String: String], payloadHash: String) -> String {
        ACS3Signer.canonicalRequest(
            method: request.method, path: request.path, query: SignedRequestChecks.queryMap(request), headers: headers,
            payloadHashHex: payloadHash
        ).request
    }
}
