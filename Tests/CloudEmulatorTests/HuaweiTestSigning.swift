import CloudSigning
import CredentialsCore
import Foundation

@testable import CloudEmulator

/// An SWR CreateSecret request signed with SDK-HMAC-SHA256 as `huaweicloudsdkcore` signs it: `content-type`, `host`,
/// `x-sdk-date` and, for temporary credentials, `x-security-token`; empty body.
struct HuaweiTestRequest {
    var method = "POST"
    var host = "swr-api.cn-north-4.myhuaweicloud.com"
    var path = "/v2/manage/utils/secret"
    var query = ["projectname": "cn-north-4"]
    var date = Date()
    var securityToken: String?
    /// Signed headers to leave out of the signature (e.g. `host`).
    var unsigned: Set<String> = []

    static let standardAK = EmulatorConfiguration.standard.huawei.accessKeys[0].ak
    static let standardSK = EmulatorConfiguration.standard.huawei.accessKeys[0].sk
    static let emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// The headers to send, `Authorization` included (`Host` is sent by `fetch`).
    func headers(ak: String, sk: String) -> [(String, String)] {
        var headers = ["Content-Type": "application/json", "Host": host, "X-Sdk-Date": TimeFormat.compactISO8601(date)]
        if let securityToken { headers["X-Security-Token"] = securityToken }
        let signed = headers.filter { !unsigned.contains($0.key.lowercased()) }
        let authorization = HuaweiSigner.authorization(
            accessKey: ak, secretKey: sk, method: method, path: path, query: query, headers: signed, payloadHashHex: Self.emptyHash)
        headers["Host"] = nil
        return headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } + [("Authorization", authorization)]
    }

    /// Signs and sends the request to the emulator.
    func send(_ emulator: CloudEmulator, ak: String = standardAK, sk: String = standardSK) async throws -> Reply {
        try await fetch(
            emulator, host: host, method: method, path: path, query: formEncode(query), headers: headers(ak: ak, sk: sk), body: "")
    }
}

extension Reply {
    /// APIG's `error_code`.
    var apigCode: String? { json["error_code"] as? String }
    /// APIG's `error_msg`.
    var apigMessage: String { json["error_msg"] as? String ?? "" }
}

/// Gets temporary credentials from the emulator's Huawei metadata service over HTTP.
func huaweiMetadataCredential(_ emulator: CloudEmulator) async throws -> (ak: String, sk: String, token: String) {
    let reply = try await fetch(emulator, host: "169.254.169.254", path: "/openstack/latest/securitykey")
    let credential = reply.json["credential"] as? [String: Any] ?? [:]
    return (credential["access"] as? String ?? "", credential["secret"] as? String ?? "", credential["securitytoken"] as? String ?? "")
}
