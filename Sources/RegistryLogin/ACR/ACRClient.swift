#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import AlibabaCloudCredentials
import CloudHTTP
import CredentialsCore

/// Calls the Alibaba Cloud Container Registry API (product `cr`) with ACS3-HMAC-SHA256 signatures:
/// the personal-edition token (2016-06-07, ROA `GET /tokens`), the instance token and `ListInstance` (2018-12-01, RPC).
public struct ACRClient: Sendable {
    private let transport: any HTTPTransport
    private let signer: AlibabaCloudRequestSigner
    private let clock: any CredentialsClock
    private let connectTimeoutMs: Int
    private let readTimeoutMs: Int

    public init(
        transport: any HTTPTransport, clock: any CredentialsClock = SystemClock(),
        makeNonce: @escaping @Sendable () -> String = { UUIDString.random() },
        connectTimeoutMs: Int = 5000, readTimeoutMs: Int = 10000
    ) {
        self.transport = transport
        self.clock = clock
        self.signer = AlibabaCloudRequestSigner(clock: clock, makeNonce: makeNonce)
        self.connectTimeoutMs = connectTimeoutMs
        self.readTimeoutMs = readTimeoutMs
    }

    /// The account-wide token for the shared personal-edition domains (`registry[-vpc].<region>.aliyuncs.com`).
    public func personalToken(endpoint: String, credential: Credential) async throws -> RegistryPassword {
        let document = try await call(
            method: "GET", endpoint: endpoint, path: "/tokens", query: [:], action: "GetAuthorizationToken",
            version: "2016-06-07", credential: credential)
        let data = document["data"]
        guard let username = data?["tempUserName"]?.stringValue, let password = data?["authorizationToken"]?.stringValue,
              !username.isEmpty, !password.isEmpty
        else { throw ACRResponse.unexpected(endpoint: endpoint, action: "GetAuthorizationToken", document: document) }
        return RegistryPassword(
            username: username, password: password,
            expiresAt: try ACRResponse.unexpired(
                ACRResponse.epochMilliseconds(data?["expireDate"]), now: clock.now(), endpoint: endpoint, action: "GetAuthorizationToken"),
            source: "acr GetAuthorizationToken (personal edition)")
    }

    /// A token for one instance (`cri-…` Enterprise, or `crpi-…` personal when the cloud allows it).
    public func instanceToken(endpoint: String, instanceId: String, credential: Credential) async throws -> RegistryPassword {
        let document = try await call(
            method: "POST", endpoint: endpoint, path: "/", query: ["InstanceId": instanceId], action: "GetAuthorizationToken",
            version: "2018-12-01", credential: credential)
        try ACRResponse.checkSuccess(document, endpoint: endpoint, action: "GetAuthorizationToken")
        guard let username = document["TempUsername"]?.stringValue, let password = document["AuthorizationToken"]?.stringValue,
              !username.isEmpty, !password.isEmpty
        else { throw ACRResponse.unexpected(endpoint: endpoint, action: "GetAuthorizationToken", document: document) }
        return RegistryPassword(
            username: username, password: password,
            expiresAt: try ACRResponse.unexpired(
                ACRResponse.epochMilliseconds(document["ExpireTime"]), now: clock.now(), endpoint: endpoint, action: "GetAuthorizationToken"),
            source: "acr GetAuthorizationToken (instance \(instanceId))")
    }

    /// The id of the instance named exactly `name` in the endpoint's region (the API's name filter is a substring
    /// match, so names are compared here), or nil when there is none.
    public func instanceId(named name: String, endpoint: String, credential: Credential) async throws -> String? {
        var page = 1
        let pageSize = 50
        while page <= 20 {
            let document = try await call(
                method: "POST", endpoint: endpoint, path: "/",
                query: ["InstanceName": name, "PageNo": String(page), "PageSize": String(pageSize)],
                action: "ListInstance", version: "2018-12-01", credential: credential)
            try ACRResponse.checkSuccess(document, endpoint: endpoint, action: "ListInstance")
            let instances = document["Instances"]?.arrayValue ?? []
            if let match = instances.first(where: { $0["InstanceName"]?.stringValue == name }),
               let id = match["InstanceId"]?.stringValue, !id.isEmpty {
                return id
            }
            let total = document["TotalCount"]?.intValue ?? 0
            if instances.count < pageSize || page * pageSize >= total { return nil }
            page += 1
        }
        return nil
    }

    private func call(
        method: String, endpoint: String, path: String, query: [String: String], action: String, version: String,
        credential: Credential
    ) async throws -> JSONValue {
        let model = CredentialModel(
            accessKeyId: credential.accessKeyId, accessKeySecret: credential.accessKeySecret,
            securityToken: credential.securityToken, type: "registry")
        let signed = signer.signACS3(
            method: method, host: endpoint, path: path, query: query, headers: ["accept": "application/json"],
            action: action, version: version, credential: model)
        let request = HTTPRequest(
            method: method, scheme: "https", host: endpoint, path: path,
            rawQuery: AlibabaCloudRequestSigner.encodeQuery(query), headers: signed.map { ($0.key, $0.value) },
            connectTimeoutMs: connectTimeoutMs, readTimeoutMs: readTimeoutMs, routing: .cloudEndpoint)
        let response = try await transport.send(request)
        return try ACRResponse.document(response, endpoint: endpoint, action: action)
    }
}
