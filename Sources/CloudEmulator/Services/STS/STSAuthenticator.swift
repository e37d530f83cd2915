import CloudSigning
import CredentialsCore
import Foundation

/// Who signed an STS request.
struct STSCaller: Sendable {
    var accessKeyId: String
    var accountId: String?
    /// The role these credentials act as (credentials the emulator issued for AssumeRole).
    var roleArn: String?
    /// True when the caller used STS credentials (role chaining: at most one hour).
    var isChained: Bool

    /// The names `allowedPrincipals` may use for this caller.
    var principalNames: [String] {
        [accessKeyId] + [accountId, roleArn].compactMap { $0 }
    }
}

/// Checks a signed RPC request (POP signature v1, HMAC-SHA1) the way the STS gateway does: required common
/// parameters, timestamp window, caller lookup, security token, signature (either space encoding), nonce.
struct STSAuthenticator {
    /// Which secrets may sign the request.
    enum Keys {
        /// AccessKeys from the configuration and credentials the emulator issued.
        case accessKeys
        /// RSA key pairs (GenerateSessionAccessKey): the private key content is the secret.
        case rsaKeyPairs
    }

    /// Largest difference between the request's `Timestamp` and the emulator clock.
    static let timestampWindow: TimeInterval = 15 * 60

    let configuration: EmulatorConfiguration
    let state: EmulatorState
    let now: Date

    /// Validates the request; `annotations["signatureEncoding"]` is set once the signature matched.
    func authenticate(
        method: String, parameters: [String: String], keys: Keys, annotations: inout [String: String]
    ) throws(CloudErrorBody) -> STSCaller {
        for name in ["AccessKeyId", "Signature", "SignatureMethod", "SignatureNonce", "SignatureVersion", "Timestamp"]
        where (parameters[name] ?? "").isEmpty {
            throw .missingParameter(name)
        }
        let accessKeyId = parameters["AccessKeyId"] ?? ""
        let signature = parameters["Signature"] ?? ""
        let method_ = parameters["SignatureMethod"] ?? ""
        guard method_ == "HMAC-SHA1" else { throw .unsupported("SignatureMethod", method_, expected: "HMAC-SHA1") }
        let version = parameters["SignatureVersion"] ?? ""
        guard version == "1.0" else { throw .unsupported("SignatureVersion", version, expected: "1.0") }
        try checkTimestamp(parameters["Timestamp"] ?? "")

        let (secret, caller) = try lookUp(accessKeyId: accessKeyId, securityToken: parameters["SecurityToken"], keys: keys)
        annotations["signatureEncoding"] = try verifySignature(signature, method: method, parameters: parameters, secret: secret)
        guard state.useNonce(parameters["SignatureNonce"] ?? "", now: now) else { throw .nonceUsed }
        return caller
    }

    private func checkTimestamp(_ text: String) throws(CloudErrorBody) {
        guard let timestamp = TimeFormat.parseISO8601(text) else { throw .timestampFormat }
        guard abs(timestamp.timeIntervalSince(now)) <= Self.timestampWindow else { throw .timestampExpired }
    }

    /// The signing secret and identity for an AccessKeyId.
    private func lookUp(accessKeyId: String, securityToken: String?, keys: Keys) throws(CloudErrorBody) -> (String, STSCaller) {
        switch keys {
        case .rsaKeyPairs:
            guard let pair = configuration.rsaKeyPair(publicKeyId: accessKeyId) else { throw .accessKeyNotFound }
            return (pair.privateKey, STSCaller(accessKeyId: accessKeyId, accountId: nil, roleArn: nil, isChained: false))
        case .accessKeys:
            return try AlibabaCallerLookup(configuration: configuration, state: state, now: now)
                .find(accessKeyId: accessKeyId, securityToken: securityToken)
        }
    }

    /// Accepts the standard encoding (space → `%20`) and Python's (space → `+`); returns which one matched.
    private func verifySignature(
        _ signature: String, method: String, parameters: [String: String], secret: String
    ) throws(CloudErrorBody) -> String {
        var unsigned = parameters
        unsigned["Signature"] = nil
        let standard = AlibabaRPCSigner.stringToSign(method: method, parameters: unsigned, spaceEncoding: .percent20)
        let python = AlibabaRPCSigner.stringToSign(method: method, parameters: unsigned, spaceEncoding: .plus)
        let standardMatches = constantTimeEquals(AlibabaRPCSigner.signature(stringToSign: standard, secret: secret), signature)
        let pythonMatches = constantTimeEquals(AlibabaRPCSigner.signature(stringToSign: python, secret: secret), signature)
        switch (standardMatches, pythonMatches) {
        case (true, true): return "either"
        case (true, false): return "percent20"
        case (false, true): return "plus"
        case (false, false):
            // Echo the string to sign as real STS does, but never a security token.
            var shown = unsigned
            if shown["SecurityToken"] != nil { shown["SecurityToken"] = "******" }
            throw .signatureMismatch(stringToSign: AlibabaRPCSigner.stringToSign(method: method, parameters: shown, spaceEncoding: .percent20))
        }
    }
}
