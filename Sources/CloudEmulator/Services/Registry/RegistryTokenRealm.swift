import CredentialsCore
import Foundation

/// The Docker registry token protocol, shared by the realm hosts and the SWR registry front:
/// `GET <realm>?service=S&scope=repository:ns/app:pull,push[&account=U]` with HTTP Basic auth answers
/// `{"token", "access_token", "expires_in", "issued_at"}`.
///
/// * Basic auth with an accepted login (``RegistryLoginCheck``; for the host named by `service` when it is a host
///   name, else for any host) → a token granting every requested action.
/// * No `Authorization` header → an anonymous token with no access (as public registries answer).
/// * Anything else → 401 `{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}`.
struct RegistryTokenRealm: Sendable {
    func respond(to request: EmulatorRequest, context: ServiceContext) -> EmulatorResponse {
        guard request.method == "GET" else {
            return Self.error(405, code: "UNSUPPORTED", message: "the token realm answers GET only")
        }
        let service = request.queryItems.last { $0.name == "service" }?.value ?? ""
        let requested = RegistryAccess.requested(by: request.queryItems)
        guard let authorization = request.header("Authorization") else {
            return tokenResponse(subject: "", service: service, access: [], context: context)
        }
        let check = RegistryLoginCheck(configuration: context.configuration, state: context.state)
        guard let credentials = BasicCredentials(authorization: authorization),
              check.accepts(credentials, host: Self.hostName(service), now: context.now)
        else { return Self.unauthorized }
        return tokenResponse(subject: credentials.username, service: service, access: requested, context: context)
    }

    private func tokenResponse(subject: String, service: String, access: [RegistryAccess], context: ServiceContext) -> EmulatorResponse {
        let token = context.registryTokens.token(subject: subject, audience: service, access: access, now: context.now)
        var response = EmulatorResponse(json: .object([
            "token": .string(token),
            "access_token": .string(token),
            "expires_in": .int(RegistryTokenAuthority.lifetimeSeconds),
            "issued_at": .string(TimeFormat.iso8601(context.now)),
        ]))
        response.annotations["subject"] = subject.isEmpty ? "anonymous" : subject
        return response
    }

    /// The `service` as a registry host (`registry.cn-hangzhou.aliyuncs.com`), or nil when it is none
    /// (`registry.aliyuncs.com:cn-hangzhou:26842`, `dockyard`): then a login for any host is accepted.
    static func hostName(_ service: String) -> String? {
        let host = service.lowercased()
        let allowed = host.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" }
        return allowed && host.contains(".") && !host.hasPrefix(".") && !host.hasSuffix(".") ? host : nil
    }

    /// 401 with the registry error body.
    static let unauthorized = error(401, code: "UNAUTHORIZED", message: "authentication required")

    /// A registry-style error: `{"errors":[{"code": …, "message": …}]}`.
    static func error(_ status: Int, code: String, message: String) -> EmulatorResponse {
        var response = EmulatorResponse(
            status: status,
            json: .object(["errors": .array([.object(["code": .string(code), "message": .string(message)])])]))
        response.errorCode = code
        return response
    }
}
