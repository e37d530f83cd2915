#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CredentialsCore
import RegistryCredentials
import RegistryLogin

/// `token-api`: makes the real token call of the host's kind with the credentials found (ACR `GetAuthorizationToken`,
/// `ListInstance`; SWR `CreateSecret`, or the long-term login computed offline) and explains a refusal.
struct TokenAPICheck: Sendable {
    let context: DoctorContext

    /// The findings and the registry login obtained; `storedUser` is the user of a password stored for the host.
    func run(target: RegistryTarget, credential: Credential?, storedUser: String?) async -> (findings: [Finding], login: RegistryPassword?) {
        guard let credential else {
            return ([.keyed(.tokenAPI, .warn, "tokenAPI.skipped", target.apiEndpoint)], nil)
        }
        let answer = await context.timeBox.run(limit: context.limits.http * 2) { () -> Result<RegistryPassword, CredentialsError> in
            do {
                return .success(try await fetch(target, credential: credential))
            } catch {
                return .failure(CredentialsError.wrapping(error))
            }
        }
        switch answer {
        case nil:
            return ([.keyed(.tokenAPI, .fail, "tokenAPI.timedOut", target.apiEndpoint)], nil)
        case .success(let login)?:
            let expiry = login.expiresAt.map(TimeFormat.iso8601) ?? "-"
            return ([.keyed(.tokenAPI, .ok, "tokenAPI.ok", login.source, target.apiEndpoint, login.username, expiry)], login)
        case .failure(let error)?:
            return ([explain(error, target: target, credential: credential, storedUser: storedUser)], nil)
        }
    }

    private func fetch(_ target: RegistryTarget, credential: Credential) async throws -> RegistryPassword {
        let (connect, read) = context.httpTimeouts()
        let acr = ACRClient(transport: context.transport, clock: context.clock, connectTimeoutMs: connect, readTimeoutMs: read)
        switch target.kind {
        case .acrShared:
            return try await acr.personalToken(endpoint: target.apiEndpoint, credential: credential)
        case .acrPersonal:
            return try await acr.instanceToken(endpoint: target.apiEndpoint, instanceId: target.instanceId ?? target.host, credential: credential)
        case .acrEnterprise:
            if let id = target.instanceId {
                return try await acr.instanceToken(endpoint: target.apiEndpoint, instanceId: id, credential: credential)
            }
            let name = target.instanceName ?? ""
            guard let id = try await acr.instanceId(named: name, endpoint: target.apiEndpoint, credential: credential) else {
                throw CredentialsError(.providerFailed, "NoSuchInstanceName:\(name)")
            }
            return try await acr.instanceToken(endpoint: target.apiEndpoint, instanceId: id, credential: credential)
        case .swr:
            return try await swr(target, credential: credential, connect: connect, read: read)
        }
    }

    private func swr(_ target: RegistryTarget, credential: Credential, connect: Int, read: Int) async throws -> RegistryPassword {
        let temporary = credential.securityToken.map { !$0.isEmpty } ?? false
        switch (target.swrLogin, temporary) {
        case (.longTerm, _), (.automatic, false):
            let login = try SWRLongTermLogin.login(credential: credential, projectName: target.effectiveSWRProject)
            return RegistryPassword(username: login.username, password: login.password, expiresAt: nil, source: "swr long-term login (computed offline)")
        case (.temporary, _), (.automatic, true):
            let endpoint = SWREndpoint(registryHost: target.host) ?? SWREndpoint(region: target.region)
            let login = try await SWRTemporaryLogin(transport: context.transport, clock: context.clock, connectTimeoutMs: connect, readTimeoutMs: read)
                .login(endpoint: endpoint, credential: credential, projectName: target.effectiveSWRProject)
            return RegistryPassword(username: login.username, password: login.password, expiresAt: login.expiresAt, source: "swr CreateSecret")
        }
    }

    /// The refusal in words: the codes people meet, each with its cause and fix.
    private func explain(_ error: CredentialsError, target: RegistryTarget, credential: Credential, storedUser: String?) -> Finding {
        let message = error.message
        let id = Redact.accessKeyId(credential.accessKeyId)
        let endpoint = target.apiEndpoint
        if error.code == .network { return .keyed(.tokenAPI, .fail, "tokenAPI.unreachable", endpoint, message) }
        if message.hasPrefix("NoSuchInstanceName:") {
            return .keyed(.tokenAPI, .fail, "tokenAPI.noInstance", target.instanceName ?? "?", target.region)
        }
        if target.kind == .acrPersonal {
            if let storedUser { return .keyed(.tokenAPI, .ok, "tokenAPI.personalStored", target.host, storedUser) }
            return .keyed(.tokenAPI, .fail, "tokenAPI.personalNoToken", target.host, target.instanceId ?? "?")
        }
        let codes: [(String, String)] = [
            ("InvalidAccessKeyId", "tokenAPI.accessKeyNotFound"), ("SignatureDoesNotMatch", "tokenAPI.signature"),
            ("IncompleteSignature", "tokenAPI.signature"), ("InvalidTimeStamp.Expired", "tokenAPI.clock"),
            ("InvalidSecurityToken", "tokenAPI.stsToken"), ("NoPrivilege", "tokenAPI.noPrivilege"), ("NoPermission", "tokenAPI.noPrivilege"),
            ("Forbidden", "tokenAPI.noPrivilege"), ("INSTANCE_NOT_EXIST", "tokenAPI.instanceNotFound"),
        ]
        if let match = codes.first(where: { message.contains($0.0) }) {
            return .keyed(.tokenAPI, .fail, match.1, endpoint, id, Self.serverDetail(message))
        }
        if message.contains("APIG.0301") || message.contains("APIGW.0301") {
            let lower = message.lowercased()
            if lower.contains("signature expired") { return .keyed(.tokenAPI, .fail, "tokenAPI.clock", endpoint, id, Self.serverDetail(message)) }
            if lower.contains("not exist") { return .keyed(.tokenAPI, .fail, "tokenAPI.accessKeyNotFound", endpoint, id, Self.serverDetail(message)) }
            if lower.contains("security token") || lower.contains("expired") {
                return .keyed(.tokenAPI, .fail, "tokenAPI.stsToken", endpoint, id, Self.serverDetail(message))
            }
            return .keyed(.tokenAPI, .fail, "tokenAPI.signature", endpoint, id, Self.serverDetail(message))
        }
        if message.contains("HTTP 403") { return .keyed(.tokenAPI, .fail, "tokenAPI.noPrivilege", endpoint, id, Self.serverDetail(message)) }
        return Finding(.tokenAPI, .fail, DoctorText("tokenAPI.failed", [endpoint, message]), fix: error.hint.map { DoctorText("text", [$0]) })
    }

    /// The part of an API error message after `failed with HTTP nnn: ` (the code and the server's words).
    static func serverDetail(_ message: String) -> String {
        var detail = Substring(message)
        if let range = message.range(of: "failed with HTTP ") ?? message.range(of: "failed: ") {
            detail = message[range.upperBound...]
            if let colon = detail.range(of: ": "), detail.hasPrefix("4") || detail.hasPrefix("5") { detail = detail[colon.upperBound...] }
        }
        let oneLine = detail.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
        return oneLine.count > 140 ? String(oneLine.prefix(140)) + "…" : oneLine
    }
}
