import CredentialsCore
import Foundation

/// The registry part of the control API (see ``ControlService``):
///
/// | Request | Answer |
/// |---|---|
/// | `GET /_emulator/registry/token-cert.pem` | the certificate registry tokens are signed with (a registry's `rootcertbundle`) |
/// | `POST /_emulator/registry/logins` | body `{"hosts": [...], "username"?, "password"?, "expiresInSeconds"?, "kind"?}` → issues a registry login the realm accepts and answers it: `{"username", "password", "hosts", "expiration"}` (for tests and CI scripts) |
enum RegistryControlRoutes {
    static let certificatePath = "/_emulator/registry/token-cert.pem"
    static let loginsPath = "/_emulator/registry/logins"
    static let paths: Set<String> = [certificatePath, loginsPath]

    /// The answer for a registry control path (one of ``paths``).
    static func respond(to request: EmulatorRequest, context: ServiceContext) -> EmulatorResponse {
        switch (request.method, request.path) {
        case ("GET", certificatePath):
            return EmulatorResponse(status: 200, body: .raw(Array(context.registryTokens.certificatePEM.utf8), contentType: "application/x-pem-file"))
        case ("POST", loginsPath):
            return issueLogin(body: request.body, context: context)
        default:
            return ControlService.error(405, "\(request.method) is not supported on \(request.path)")
        }
    }

    /// What a test asks for; missing user name and password are generated.
    private struct LoginRequest: Decodable {
        var hosts: [String]?
        var username: String?
        var password: String?
        var expiresInSeconds: Int?
        var kind: IssuedRegistryLogin.Kind?
    }

    private static func issueLogin(body: [UInt8], context: ServiceContext) -> EmulatorResponse {
        let asked: LoginRequest
        do {
            asked = body.isEmpty ? LoginRequest() : try JSONDecoder().decode(LoginRequest.self, from: Data(body))
        } catch {
            return ControlService.error(400, "invalid registry login request: expected {\"hosts\": [...], \"username\", \"password\", \"expiresInSeconds\", \"kind\"}")
        }
        if let seconds = asked.expiresInSeconds, seconds <= 0 {
            return ControlService.error(400, "expiresInSeconds must be positive (leave it out for a login that never expires)")
        }
        let login = IssuedRegistryLogin(
            kind: asked.kind ?? .fixedPassword,
            hosts: (asked.hosts ?? []).map { EmulatorRequest.normalizeHost($0) },
            username: asked.username ?? "emulator-\(RandomIdentifier.alphanumeric(8).lowercased())",
            password: asked.password ?? RandomIdentifier.alphanumeric(32),
            expiration: asked.expiresInSeconds.map { context.now.addingTimeInterval(TimeInterval($0)) },
            issuedAt: context.now, requestedBy: "control API")
        context.state.issueRegistryLogin(login)
        return EmulatorResponse(json: .object([
            "username": .string(login.username),
            "password": .string(login.password),
            "hosts": .array(login.hosts.map(JSONValue.string)),
            "expiration": login.expiration.map { .string(TimeFormat.iso8601($0)) } ?? .null,
        ]))
    }
}
