import CredentialsCore
import Foundation

/// The CloudSSO user portal's credential endpoint, as the aliyun CLI's `CloudSSO` mode uses it:
/// `POST /cloud-credentials` with `Authorization: Bearer <access token>` and
/// `{"AccountId": "…", "AccessConfigurationId": "…"}` answers
/// `{"RequestId", "CloudCredential": {"AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration"}}`,
/// valid for `credentialLifetimeSeconds` (the emulator's STS accepts them as callers).
///
/// Hosts: `signin-<region>.alibabacloudsso.com` and anything else under `alibabacloudsso.com`, or any host with a
/// `signin-` label; on other hosts (loopback) it answers the path `/cloud-credentials`.
/// The emulator has no sign-in, so any access token is accepted except the empty one and those starting with
/// `invalid`, `expired` or `revoked` (401 `InvalidAccessToken`).
struct CloudSSOService: EmulatorService {
    let endpoint = EmulatorEndpoint.cloudSSO

    static let path = "/cloud-credentials"

    func serves(host: String) -> Bool {
        host == "alibabacloudsso.com" || host.hasSuffix(".alibabacloudsso.com") || host.hasPrefix("signin-") || host.contains(".signin-")
    }

    func claims(_ request: EmulatorRequest) -> Bool { request.path == Self.path }

    /// `CreateCloudCredential`, for fault rules.
    func action(of request: EmulatorRequest) -> String? { request.path == Self.path ? "CreateCloudCredential" : nil }

    func respond(to request: EmulatorRequest, context: ServiceContext) async -> EmulatorResponse {
        let hostId = serves(host: request.host) ? request.host : "signin.alibabacloudsso.com"
        do throws(CloudErrorBody) {
            return EmulatorResponse(json: try answer(request, context: context))
        } catch {
            return error.response(requestId: context.requestId, hostId: hostId, product: "cloudsso")
        }
    }

    private func answer(_ request: EmulatorRequest, context: ServiceContext) throws(CloudErrorBody) -> JSONValue {
        guard request.path == Self.path else {
            throw CloudErrorBody(status: 404, code: "NotFound", message: "No such CloudSSO endpoint: \(request.path).")
        }
        guard request.method == "POST" else {
            throw CloudErrorBody(status: 405, code: "UnsupportedHTTPMethod", message: "This API does not support the \(request.method) method.")
        }
        guard let authorization = request.header("Authorization"), authorization.hasPrefix("Bearer ") else {
            throw CloudErrorBody(status: 401, code: "MissingAccessToken", message: "A Bearer access token is required.")
        }
        let token = String(authorization.dropFirst("Bearer ".count))
        let lower = token.lowercased()
        guard !token.isEmpty, !lower.hasPrefix("invalid"), !lower.hasPrefix("expired"), !lower.hasPrefix("revoked") else {
            throw CloudErrorBody(status: 401, code: "InvalidAccessToken", message: "The access token is invalid or expired, please sign in again.")
        }
        let body = try? CredentialsCore.JSONValue.parse(request.body)
        guard let accountId = body?["AccountId"]?.stringValue, !accountId.isEmpty else { throw .missingParameter("AccountId") }
        guard let configuration = body?["AccessConfigurationId"]?.stringValue, !configuration.isEmpty else {
            throw .missingParameter("AccessConfigurationId")
        }
        let issued = IssuedCredential(
            // CloudSSO credentials are a session of the access configuration's reserved role: the closest STS kind.
            kind: .assumeRole,
            accessKeyId: RandomIdentifier.opaqueToken(prefix: "STS.NT", count: 29),
            accessKeySecret: RandomIdentifier.alphanumeric(44),
            securityToken: RandomIdentifier.opaqueToken(prefix: "CAIS", count: 320),
            expiration: context.now.addingTimeInterval(TimeInterval(context.configuration.credentialLifetimeSeconds)),
            issuedAt: context.now,
            roleArn: "acs:ram::\(accountId):role/aliyunreservedsso-\(configuration.lowercased())",
            roleSessionName: "cloudsso", requestedBy: request.host)
        context.state.issue(issued)
        return .object([
            "RequestId": .string(context.requestId),
            "CloudCredential": .object([
                "AccessKeyId": .string(issued.accessKeyId),
                "AccessKeySecret": .string(issued.accessKeySecret),
                "SecurityToken": .string(issued.securityToken ?? ""),
                "Expiration": .string(TimeFormat.iso8601(issued.expiration)),
            ]),
        ])
    }
}
