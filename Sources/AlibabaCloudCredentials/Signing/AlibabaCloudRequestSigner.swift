#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CloudSigning
import CredentialsCore

/// Signs your own Alibaba Cloud API calls with resolved credentials.
///
/// ```swift
/// let credential = try await CredentialsClient().credential()
/// let signer = AlibabaCloudRequestSigner()
/// let query = signer.signRPC(action: "DescribeRegions", version: "2014-05-26", parameters: [:], credential: credential)
/// // GET https://ecs.cn-hangzhou.aliyuncs.com/?<AlibabaCloudRequestSigner.encodeQuery(query)>
/// ```
public struct AlibabaCloudRequestSigner: Sendable {
    private let clock: any CredentialsClock
    private let makeNonce: @Sendable () -> String

    public init(clock: any CredentialsClock = SystemClock(), makeNonce: @escaping @Sendable () -> String = { UUIDString.random() }) {
        self.clock = clock
        self.makeNonce = makeNonce
    }

    /// The query parameters of a signed RPC call (signature v1, HMAC-SHA1): your `parameters` plus
    /// `Action`, `Version`, `Format`, `AccessKeyId`, `SecurityToken` (for STS credentials), `Timestamp`,
    /// `SignatureMethod`, `SignatureVersion`, `SignatureNonce` and `Signature`.
    public func signRPC(
        method: String = "GET", action: String, version: String, parameters: [String: String], credential: CredentialModel
    ) -> [String: String] {
        var all = parameters
        all["Action"] = action
        all["Version"] = version
        all["Format"] = all["Format"] ?? "JSON"
        all["AccessKeyId"] = credential.accessKeyId ?? ""
        if let token = credential.securityToken, !token.isEmpty { all["SecurityToken"] = token }
        all["Timestamp"] = TimeFormat.iso8601(clock.now())
        all["SignatureMethod"] = "HMAC-SHA1"
        all["SignatureVersion"] = "1.0"
        all["SignatureNonce"] = makeNonce()
        all["Signature"] = AlibabaRPCSigner.sign(method: method, parameters: all, secret: credential.accessKeySecret ?? "")
        return all
    }

    /// The headers of a signed call with signature v3 (ACS3-HMAC-SHA256), RPC or ROA style:
    /// your `headers` plus `host`, `x-acs-action`, `x-acs-version`, `x-acs-date`, `x-acs-signature-nonce`,
    /// `x-acs-content-sha256`, `x-acs-security-token` (STS) and `Authorization`.
    public func signACS3(
        method: String, host: String, path: String = "/", query: [String: String] = [:], headers: [String: String] = [:],
        body: [UInt8] = [], action: String, version: String, credential: CredentialModel
    ) -> [String: String] {
        var all: [String: String] = [:]
        for (name, value) in headers { all[name.lowercased()] = value }
        all["host"] = host
        all["x-acs-action"] = action
        all["x-acs-version"] = version
        all["x-acs-date"] = TimeFormat.iso8601(clock.now())
        all["x-acs-signature-nonce"] = makeNonce()
        let payloadHash = ACS3Signer.sha256Hex(body)
        all["x-acs-content-sha256"] = payloadHash
        if let token = credential.securityToken, !token.isEmpty { all["x-acs-security-token"] = token }
        all["Authorization"] = ACS3Signer.authorization(
            accessKeyId: credential.accessKeyId ?? "", secret: credential.accessKeySecret ?? "", method: method, path: path,
            query: query, headers: all, payloadHashHex: payloadHash)
        return all
    }

    /// Encodes query parameters for the URL (RFC 3986, sorted by name).
    public static func encodeQuery(_ parameters: [String: String]) -> String {
        parameters.sorted { $0.key < $1.key }
            .map { "\(PercentEncoder.rfc3986($0.key))=\(PercentEncoder.rfc3986($0.value))" }
            .joined(separator: "&")
    }
}
