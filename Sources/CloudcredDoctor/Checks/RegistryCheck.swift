#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CloudHTTP
import CloudSigning
import CredentialsCore
import RegistryLogin

/// `registry`: the round trip docker makes, without docker: `GET /v2/` → 401 with a Bearer challenge → a token from
/// the realm with the login's Basic auth for `repository:<ns>/<repo>:pull` (`,push` with `--push`) → the repository.
/// Explains `unauthorized: authentication required`, `denied: requested access to the resource is denied`, a stale
/// stored password, and a host that is no registry.
struct RegistryCheck: Sendable {
    let context: DoctorContext

    /// A login to try and where it came from (`stored password`, `token API`).
    struct Login: Sendable {
        var password: RegistryPassword
        var origin: String
    }

    private enum Step: Error {
        case finding(Finding)
    }

    /// Tries `logins` in order (the one docker gets first).
    func run(host: String, repository: String?, logins: [Login]) async -> [Finding] {
        let answer = await context.timeBox.run(limit: context.limits.http * 4) { () -> [Finding] in
            do {
                return try await roundTrip(host: host, repository: repository, logins: logins)
            } catch Step.finding(let finding) {
                return [finding]
            } catch {
                return [.keyed(.registry, .fail, "registry.unreachable", host, "\(error)")]
            }
        }
        return answer ?? [.keyed(.registry, .fail, "registry.timedOut", host)]
    }

    /// `host` was given without a registry: explains where docker sends it.
    static func dockerHub(repository: String) -> Finding {
        .keyed(.registry, .fail, "registry.dockerHub", repository)
    }

    private func roundTrip(host: String, repository: String?, logins: [Login]) async throws -> [Finding] {
        let ping = try await send(url: "https://\(host)/v2/", authorization: nil, host: host)
        if ping.status == 200 { return [.keyed(.registry, .ok, "registry.open", host)] }
        guard ping.status == 401 else {
            if ping.status == 404 { return [.keyed(.registry, .fail, "registry.notRegistry", host, "404")] }
            return [.keyed(.registry, .fail, "registry.unexpectedStatus", host, "GET /v2/", String(ping.status))]
        }
        guard let header = ping.header("WWW-Authenticate"), let challenge = AuthChallenge(header) else {
            return [.keyed(.registry, .fail, "registry.noChallenge", host)]
        }
        guard let first = logins.first else {
            return [.keyed(.registry, .warn, "registry.noLogin", host, challenge.realm ?? challenge.scheme)]
        }
        let firstResult = try await attempt(first, challenge: challenge, host: host, repository: repository)
        guard case .unauthorized = firstResult, logins.count > 1 else { return [firstResult.finding] }
        for other in logins.dropFirst() {
            let result = try await attempt(other, challenge: challenge, host: host, repository: repository)
            if case .accepted = result {
                return [.keyed(.registry, .fail, "registry.staleStoredPassword", host, first.password.username, other.origin)]
            }
        }
        return [firstResult.finding]
    }

    private enum Attempt {
        case accepted(Finding)
        case unauthorized(Finding)
        case other(Finding)

        var finding: Finding {
            switch self {
            case .accepted(let finding), .unauthorized(let finding), .other(let finding): return finding
            }
        }
    }

    private func attempt(_ login: Login, challenge: AuthChallenge, host: String, repository: String?) async throws -> Attempt {
        let basic = "Basic " + Data("\(login.password.username):\(login.password.password)".utf8).base64EncodedString()
        let unauthorized = Attempt.unauthorized(.keyed(.registry, .fail, "registry.unauthorized", host, login.password.username, login.origin))
        if challenge.scheme == "basic" {
            let response = try await send(url: "https://\(host)/v2/", authorization: basic, host: host)
            if response.status == 200 { return .accepted(.keyed(.registry, .ok, "registry.loginOK", host, login.password.username, login.origin)) }
            return response.status == 401 ? unauthorized : .other(unexpected(response, host: host, what: "GET /v2/"))
        }
        guard challenge.scheme == "bearer", let realm = challenge.realm else { return .other(.keyed(.registry, .fail, "registry.noChallenge", host)) }
        let actions = context.options.push ? ["pull", "push"] : ["pull"]
        var query = challenge.service.map { "service=" + PercentEncoder.rfc3986($0) } ?? ""
        if let repository {
            query += (query.isEmpty ? "" : "&") + "scope=" + PercentEncoder.rfc3986("repository:\(repository):\(actions.joined(separator: ","))")
        }
        let separator = realm.contains("?") ? "&" : "?"
        let tokenResponse: HTTPResponse
        do {
            tokenResponse = try await send(url: realm + (query.isEmpty ? "" : separator + query), authorization: basic, host: nil)
        } catch let error as CredentialsError {
            return .other(.keyed(.registry, .fail, "registry.realmUnreachable", realm, error.message))
        }
        if tokenResponse.status == 401 || tokenResponse.status == 403 { return unauthorized }
        guard tokenResponse.status == 200, let document = try? JSONValue.parse(tokenResponse.body),
              let token = document["token"]?.stringValue ?? document["access_token"]?.stringValue, !token.isEmpty
        else { return .other(unexpected(tokenResponse, host: host, what: "GET \(realm)")) }
        guard let repository else {
            let check = try await send(url: "https://\(host)/v2/", authorization: "Bearer " + token, host: host)
            if check.status == 200 { return .accepted(.keyed(.registry, .ok, "registry.loginOK", host, login.password.username, login.origin)) }
            return check.status == 401 ? unauthorized : .other(unexpected(check, host: host, what: "GET /v2/"))
        }
        if let granted = RegistryTokenClaims.actions(in: token, repository: repository) {
            let missing = actions.filter { !granted.contains($0) }
            if !missing.isEmpty {
                let key = missing == ["push"] ? "registry.noPush" : "registry.denied"
                return .other(.keyed(.registry, .fail, key, host, repository, login.password.username, missing.joined(separator: ",")))
            }
        }
        return try await repositoryProbe(host: host, repository: repository, token: token, login: login, actions: actions)
    }

    private func repositoryProbe(host: String, repository: String, token: String, login: Login, actions: [String]) async throws -> Attempt {
        let response = try await send(url: "https://\(host)/v2/\(repository)/tags/list", authorization: "Bearer " + token, host: host)
        switch response.status {
        case 200:
            return .accepted(.keyed(.registry, .ok, "registry.ok", host, repository, actions.joined(separator: ","), login.password.username, login.origin))
        case 404:
            return .accepted(.keyed(.registry, .warn, "registry.repositoryMissing", host, repository))
        case 401, 403:
            let said = RegistryErrorBody.summary(response.body) ?? "HTTP \(response.status)"
            return .other(.keyed(.registry, .fail, "registry.denied", host, repository, login.password.username, said))
        default:
            return .other(unexpected(response, host: host, what: "GET /v2/\(repository)/tags/list"))
        }
    }

    private func unexpected(_ response: HTTPResponse, host: String, what: String) -> Finding {
        let said = RegistryErrorBody.summary(response.body) ?? "HTTP \(response.status)"
        return .keyed(.registry, .fail, "registry.unexpectedStatus", host, what, said)
    }

    /// One GET, routed like the API calls for the clouds' hosts (so `CLOUDCRED_CONNECT_TO` reaches the emulator).
    private func send(url: String, authorization: String?, host: String?) async throws -> HTTPResponse {
        guard var request = HTTPRequest.parse(url: url) else {
            throw Step.finding(.keyed(.registry, .fail, "registry.badRealm", url))
        }
        request.routing = CloudHosts.routing(for: request.host)
        let (connect, read) = context.httpTimeouts()
        request.connectTimeoutMs = connect
        request.readTimeoutMs = read
        if let authorization { request.setHeader("Authorization", authorization) }
        do {
            return try await context.transport.send(request)
        } catch let error as CredentialsError {
            guard let host else { throw error }
            throw Step.finding(.keyed(.registry, .fail, "registry.unreachable", host, error.message))
        }
    }
}
