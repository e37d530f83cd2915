/// A minimal registry front for ACR and SWR registry hosts (``RegistryHost``), enough for a client or `doctor` to
/// check a login without a real registry: only `GET /v2/` (the API version check) is served.
///
/// * No or a bad `Authorization` → 401 with `WWW-Authenticate: Bearer realm="<realm>",service="<host>"`; the realm
///   is ACR's `https://dockerauth.<region>.aliyuncs.com/auth`, or for SWR `https://<host>/swr/auth/v2/registry/auth/`
///   (served here too). Reached over plain loopback (no registry host in `Host`), the realm is
///   `http://<Host header>/token` and the service `cloudcred-emulator`.
/// * `Authorization: Bearer <token>` signed by the realm for this service and not expired → 200 `{}`.
/// * `Authorization: Basic …` with a login the realm accepts for the host → 200 `{}` (as SWR accepts).
struct RegistryFrontService: EmulatorService {
    let endpoint = EmulatorEndpoint.registry

    /// The `service` of the challenge when the front is reached without a registry host.
    static let loopbackService = "cloudcred-emulator"

    func serves(host: String) -> Bool { RegistryHost(host: host) != nil }

    func claims(_ request: EmulatorRequest) -> Bool { request.path == "/v2/" || request.path == "/v2" }

    /// `Ping` for `/v2/`, `GetToken` for SWR's realm path, for fault rules.
    func action(of request: EmulatorRequest) -> String? { request.path == RegistryHost.swrRealmPath ? "GetToken" : "Ping" }

    func respond(to request: EmulatorRequest, context: ServiceContext) async -> EmulatorResponse {
        let kind = RegistryHost(host: request.host)
        if case .swr = kind, request.path == RegistryHost.swrRealmPath {
            return RegistryTokenRealm().respond(to: request, context: context)
        }
        guard request.path == "/v2/" || request.path == "/v2" else {
            return RegistryTokenRealm.error(404, code: "NOT_FOUND", message: "the emulator's registry front answers /v2/ only")
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            return RegistryTokenRealm.error(405, code: "UNSUPPORTED", message: "/v2/ answers GET and HEAD")
        }
        let service = kind == nil ? Self.loopbackService : request.host
        if isAuthorized(request, service: service, host: kind == nil ? nil : request.host, context: context) {
            var response = EmulatorResponse(json: .object([]))
            response.headers.append((name: "Docker-Distribution-API-Version", value: "registry/2.0"))
            return response
        }
        let realm = kind?.realmURL(host: request.host) ?? "http://\(request.hostHeader)\(RegistryTokenService.loopbackPath)"
        var challenge = RegistryTokenRealm.unauthorized
        challenge.headers.append((name: "WWW-Authenticate", value: "Bearer realm=\"\(realm)\",service=\"\(service)\""))
        challenge.headers.append((name: "Docker-Distribution-API-Version", value: "registry/2.0"))
        return challenge
    }

    private func isAuthorized(_ request: EmulatorRequest, service: String, host: String?, context: ServiceContext) -> Bool {
        guard let authorization = request.header("Authorization") else { return false }
        if let credentials = BasicCredentials(authorization: authorization) {
            let check = RegistryLoginCheck(configuration: context.configuration, state: context.state)
            return check.accepts(credentials, host: host, now: context.now)
        }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return false }
        return context.registryTokens.verify(String(parts[1]), audience: service, now: context.now) != nil
    }
}
