import CredentialsCore
import Foundation

/// The ECS instance metadata service at `100.100.100.200`: session tokens (IMDSv2), the RAM role name and its
/// credentials, in the modes ``EmulatorECS/Mode``.
struct ECSMetadataService: EmulatorService {
    let endpoint = EmulatorEndpoint.ecsMetadata

    static let host = "100.100.100.200"
    static let tokenPath = "/latest/api/token"
    static let credentialsPrefix = "/latest/meta-data/ram/security-credentials/"
    static let ttlHeader = "X-aliyun-ecs-metadata-token-ttl-seconds"
    static let tokenHeader = "X-aliyun-ecs-metadata-token"
    static let maxTokenTTL = 21600

    func serves(host: String) -> Bool { host == Self.host }

    func claims(_ request: EmulatorRequest) -> Bool { request.path.hasPrefix("/latest/") }

    func action(of request: EmulatorRequest) -> String? { nil }

    func respond(to request: EmulatorRequest, context: ServiceContext) async -> EmulatorResponse {
        let ecs = context.configuration.ecs
        if request.path == Self.tokenPath {
            guard request.method == "PUT" else { return Self.plain(405, "405 - Method Not Allowed") }
            return issueToken(request, context: context)
        }
        guard request.method == "GET" else { return Self.plain(405, "405 - Method Not Allowed") }
        if let refusal = checkToken(request, mode: ecs.mode, context: context) { return refusal }

        switch request.path {
        case "/latest/meta-data/region-id":
            return Self.plain(200, ecs.regionId)
        case "/latest/meta-data/instance-id":
            return Self.plain(200, "i-emulator0000000000")
        case Self.credentialsPrefix, String(Self.credentialsPrefix.dropLast()):
            return ecs.mode == .noRole ? Self.notFound : Self.plain(200, ecs.roleName)
        case _ where request.path.hasPrefix(Self.credentialsPrefix):
            let role = String(request.path.dropFirst(Self.credentialsPrefix.count))
            guard ecs.mode != .noRole, role == ecs.roleName else { return Self.notFound }
            return credentials(role: role, context: context)
        default:
            return Self.notFound
        }
    }

    /// `PUT /latest/api/token` with a TTL of 1…21600 seconds.
    private func issueToken(_ request: EmulatorRequest, context: ServiceContext) -> EmulatorResponse {
        guard let text = request.header(Self.ttlHeader), let ttl = Int(text.trimmingCharacters(in: .whitespaces)),
              (1...Self.maxTokenTTL).contains(ttl)
        else {
            return Self.plain(400, "400 - Bad Request: \(Self.ttlHeader) must be 1…\(Self.maxTokenTTL)")
        }
        let token = RandomIdentifier.opaqueToken(prefix: "AQAEA", count: 56)
        context.state.addMetadataToken(token, expiresAt: context.now.addingTimeInterval(TimeInterval(ttl)))
        return Self.plain(200, token)
    }

    /// nil when the request may proceed; otherwise the refusal. A token that is sent must be valid in every mode.
    private func checkToken(_ request: EmulatorRequest, mode: EmulatorECS.Mode, context: ServiceContext) -> EmulatorResponse? {
        guard let token = request.header(Self.tokenHeader) else {
            return mode == .v2Only ? Self.plain(403, "403 - Forbidden: a metadata token is required") : nil
        }
        return context.state.isMetadataTokenValid(token, now: context.now) ? nil : Self.plain(401, "401 - Unauthorized")
    }

    private func credentials(role: String, context: ServiceContext) -> EmulatorResponse {
        let issued = IssuedCredential(
            kind: .ecsMetadata,
            accessKeyId: RandomIdentifier.opaqueToken(prefix: "STS.NT", count: 29),
            accessKeySecret: RandomIdentifier.alphanumeric(44),
            securityToken: RandomIdentifier.opaqueToken(prefix: "CAIS", count: 320),
            expiration: context.now.addingTimeInterval(TimeInterval(context.configuration.ecs.lifetimeSeconds)),
            issuedAt: context.now,
            roleArn: "acs:ram::\(EmulatorConfiguration.standardAccountId):role/\(role.lowercased())",
            roleSessionName: nil, requestedBy: Self.host)
        context.state.issue(issued)
        return EmulatorResponse(json: .object([
            "AccessKeyId": .string(issued.accessKeyId),
            "AccessKeySecret": .string(issued.accessKeySecret),
            "Expiration": .string(TimeFormat.iso8601(issued.expiration)),
            "SecurityToken": .string(issued.securityToken ?? ""),
            "LastUpdated": .string(TimeFormat.iso8601(context.now)),
            "Code": .string("Success"),
        ]))
    }

    static let notFound = plain(404, "404 - Not Found")

    static func plain(_ status: Int, _ text: String) -> EmulatorResponse {
        EmulatorResponse(status: status, text: text)
    }
}
