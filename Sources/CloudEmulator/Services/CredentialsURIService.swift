import CredentialsCore
import Foundation

/// A credentials URI server (`ALIBABA_CLOUD_CREDENTIALS_URI`): `GET <path>` answers fresh STS-style credentials.
struct CredentialsURIService: EmulatorService {
    let endpoint = EmulatorEndpoint.credentialsURI
    /// The configured path, `/credentials` by default.
    let path: String

    /// A credentials URI can point at any host, so it is found by its path only.
    func serves(host: String) -> Bool { false }

    func claims(_ request: EmulatorRequest) -> Bool { request.path == path }

    func action(of request: EmulatorRequest) -> String? { nil }

    func respond(to request: EmulatorRequest, context: ServiceContext) async -> EmulatorResponse {
        guard request.method == "GET" else { return EmulatorResponse(status: 405, json: .object(["Code": .string("MethodNotAllowed")])) }
        let issued = IssuedCredential(
            kind: .credentialsURI,
            accessKeyId: RandomIdentifier.opaqueToken(prefix: "STS.NT", count: 29),
            accessKeySecret: RandomIdentifier.alphanumeric(44),
            securityToken: RandomIdentifier.opaqueToken(prefix: "CAIS", count: 320),
            expiration: context.now.addingTimeInterval(TimeInterval(context.configuration.credentialLifetimeSeconds)),
            issuedAt: context.now,
            roleArn: nil, roleSessionName: nil, requestedBy: request.host)
        context.state.issue(issued)
        return EmulatorResponse(json: .object([
            "Code": .string("Success"),
            "AccessKeyId": .string(issued.accessKeyId),
            "AccessKeySecret": .string(issued.accessKeySecret),
            "SecurityToken": .string(issued.securityToken ?? ""),
            "Expiration": .string(TimeFormat.iso8601(issued.expiration)),
        ]))
    }
}
