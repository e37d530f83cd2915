import CredentialsCore
import Foundation

/// The Huawei Cloud ECS metadata service at `169.254.169.254`: session tokens
/// (`PUT /meta-data/latest/api/token`, `X-Metadata-Token-Ttl-Seconds`) and the agency's temporary AK/SK
/// (`GET /openstack/latest/securitykey`, token in `X-Metadata-Token`), in the modes ``EmulatorHuaweiMetadata/Mode``.
/// The credentials it hands out are recorded, so the emulator's SWR API accepts them with their security token.
struct HuaweiMetadataService: EmulatorService {
    let endpoint = EmulatorEndpoint.huaweiMetadata

    static let host = "169.254.169.254"
    static let tokenPath = "/meta-data/latest/api/token"
    static let securityKeyPath = "/openstack/latest/securitykey"
    static let ttlHeader = "X-Metadata-Token-Ttl-Seconds"
    static let tokenHeader = "X-Metadata-Token"
    static let maxTokenTTL = 21600
    static let noAgencyMessage = "Please configure Cloud Service Agency first"

    func serves(host: String) -> Bool { host == Self.host }

    func claims(_ request: EmulatorRequest) -> Bool {
        request.path.hasPrefix("/openstack/") || request.path.hasPrefix("/meta-data/")
    }

    func action(of request: EmulatorRequest) -> String? { nil }

    func respond(to request: EmulatorRequest, context: ServiceContext) async -> EmulatorResponse {
        let metadata = context.configuration.huawei.metadata
        guard metadata.mode != .off else { return Self.plain(404, "404 Not Found") }
        switch request.path {
        case Self.tokenPath:
            guard request.method == "PUT" else { return Self.plain(405, "405 Method Not Allowed") }
            return issueToken(request, context: context)
        case Self.securityKeyPath:
            guard request.method == "GET" else { return Self.plain(405, "405 Method Not Allowed") }
            if let refusal = checkToken(request, mode: metadata.mode, context: context) { return refusal }
            guard let agency = metadata.agencyName else { return Self.plain(401, Self.noAgencyMessage) }
            return securityKey(agency: agency, lifetime: metadata.lifetimeSeconds, context: context)
        default:
            return Self.plain(404, "404 Not Found")
        }
    }

    /// A token for 1…21600 seconds.
    private func issueToken(_ request: EmulatorRequest, context: ServiceContext) -> EmulatorResponse {
        guard let text = request.header(Self.ttlHeader), let ttl = Int(text.trimmingCharacters(in: .whitespaces)),
              (1...Self.maxTokenTTL).contains(ttl)
        else {
            return Self.plain(400, "400 Bad Request: \(Self.ttlHeader) must be 1…\(Self.maxTokenTTL)")
        }
        let token = RandomIdentifier.opaqueToken(prefix: "HWMD", count: 64)
        context.state.addMetadataToken(token, expiresAt: context.now.addingTimeInterval(TimeInterval(ttl)))
        return Self.plain(200, token)
    }

    /// nil when the request may proceed. A token that is sent must be valid in every mode; `v2Only` requires one.
    private func checkToken(_ request: EmulatorRequest, mode: EmulatorHuaweiMetadata.Mode, context: ServiceContext) -> EmulatorResponse? {
        guard let token = request.header(Self.tokenHeader) else {
            return mode == .v2Only ? Self.plain(401, "401 Unauthorized: a metadata token is required") : nil
        }
        return context.state.isMetadataTokenValid(token, now: context.now) ? nil : Self.plain(401, "401 Unauthorized")
    }

    private func securityKey(agency: String, lifetime: Int, context: ServiceContext) -> EmulatorResponse {
        let expiration = Date(timeIntervalSince1970: (context.now.timeIntervalSince1970 + TimeInterval(lifetime)).rounded(.down))
        let issued = IssuedCredential(
            kind: .huaweiMetadata,
            accessKeyId: RandomIdentifier.alphanumeric(20).uppercased(),
            accessKeySecret: RandomIdentifier.alphanumeric(40),
            securityToken: RandomIdentifier.opaqueToken(prefix: "gQpjbi1ub3J0aC00", count: 400),
            expiration: expiration, issuedAt: context.now, roleArn: agency, roleSessionName: nil, requestedBy: Self.host)
        context.state.issue(issued)
        let expiresAt = TimeFormat.iso8601(expiration).dropLast() + ".000000Z"
        return EmulatorResponse(json: .object([
            "credential": .object([
                "access": .string(issued.accessKeyId),
                "secret": .string(issued.accessKeySecret),
                "securitytoken": .string(issued.securityToken ?? ""),
                "expires_at": .string(String(expiresAt)),
            ])
        ]))
    }

    static func plain(_ status: Int, _ text: String) -> EmulatorResponse {
        EmulatorResponse(status: status, text: text)
    }
}
