/// The repository part of the emulated registry front (``RegistryFrontService``), enough for `cloudcred doctor` to
/// check that a token really opens a repository: `GET /v2/<name>/tags/list`.
///
/// * `Authorization: Bearer <token>` signed by the realm for this registry's service, not expired, whose `access`
///   claim grants `pull` on `<name>` → 200 `{"name": <name>, "tags": []}` (the emulator stores no images).
/// * Otherwise → 401 `UNAUTHORIZED` with `WWW-Authenticate: Bearer realm=…,service=…,scope="repository:<name>:pull"`
///   (and `error="insufficient_scope"` when the token is valid but lacks the right), as distribution answers.
///
/// Every other path of a registry host goes to ``RegistryFrontService``. Denied namespaces and missing repositories are
/// fault rules on this path (``FaultRule/deniedRegistryNamespace(_:)``, ``FaultRule/missingRegistryRepository(_:)``),
/// so a configuration file or the control API can set them up like any other fault.
struct RegistryRepositoryService: EmulatorService {
    let endpoint = EmulatorEndpoint.registry
    private let front = RegistryFrontService()

    func serves(host: String) -> Bool { front.serves(host: host) }

    func claims(_ request: EmulatorRequest) -> Bool { Self.repository(in: request.path) != nil }

    /// `ListTags` for repository requests, the front's actions otherwise.
    func action(of request: EmulatorRequest) -> String? {
        Self.repository(in: request.path) != nil ? "ListTags" : front.action(of: request)
    }

    func respond(to request: EmulatorRequest, context: ServiceContext) async -> EmulatorResponse {
        guard let name = Self.repository(in: request.path) else { return await front.respond(to: request, context: context) }
        guard request.method == "GET" || request.method == "HEAD" else {
            return RegistryTokenRealm.error(405, code: "UNSUPPORTED", message: "tags/list answers GET and HEAD")
        }
        let kind = RegistryHost(host: request.host)
        let service = kind == nil ? RegistryFrontService.loopbackService : request.host
        var tokenIsValid = false
        if let authorization = request.header("Authorization"), authorization.lowercased().hasPrefix("bearer ") {
            let token = String(authorization.dropFirst("bearer ".count))
            if let claims = context.registryTokens.verify(token, audience: service, now: context.now) {
                tokenIsValid = true
                if Self.grants(claims, pullOn: name) {
                    return EmulatorResponse(json: .object(["name": .string(name), "tags": .array([])]))
                }
            }
        }
        let realm = kind?.realmURL(host: request.host) ?? "http://\(request.hostHeader)\(RegistryTokenService.loopbackPath)"
        var challenge = RegistryTokenRealm.unauthorized
        var value = "Bearer realm=\"\(realm)\",service=\"\(service)\",scope=\"repository:\(name):pull\""
        if tokenIsValid { value += ",error=\"insufficient_scope\"" }
        challenge.headers.append((name: "WWW-Authenticate", value: value))
        return challenge
    }

    /// `/v2/ns/app/tags/list` → `ns/app`; nil for other paths.
    static func repository(in path: String) -> String? {
        let prefix = "/v2/", suffix = "/tags/list"
        guard path.hasPrefix(prefix), path.hasSuffix(suffix), path.count > prefix.count + suffix.count else { return nil }
        let name = String(path.dropFirst(prefix.count).dropLast(suffix.count))
        return name.isEmpty || name.hasPrefix("/") ? nil : name
    }

    private static func grants(_ claims: [String: Any], pullOn name: String) -> Bool {
        guard let access = claims["access"] as? [[String: Any]] else { return false }
        return access.contains { entry in
            entry["type"] as? String == "repository" && entry["name"] as? String == name
                && (entry["actions"] as? [String] ?? []).contains("pull")
        }
    }
}

extension FaultRule {
    /// A namespace the emulated registries refuse: `GET /v2/<namespace>/…` answers 403
    /// `{"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]}`, what docker prints as
    /// `denied: requested access to the resource is denied` (namespace missing, another account's, no right).
    public static func deniedRegistryNamespace(_ namespace: String) -> FaultRule {
        FaultRule(
            endpoint: .registry, path: "/v2/\(namespace)/*",
            effect: .status(
                403, body: #"{"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]}"#, code: "DENIED"))
    }

    /// A repository the emulated registries do not have: `GET /v2/<repository>/…` answers 404 `NAME_UNKNOWN`.
    public static func missingRegistryRepository(_ repository: String) -> FaultRule {
        FaultRule(
            endpoint: .registry, path: "/v2/\(repository)/*",
            effect: .status(
                404, body: #"{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]}"#, code: "NAME_UNKNOWN"))
    }
}
