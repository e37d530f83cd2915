import Foundation

/// `GetAuthorizationToken` of both API versions, once the request is authenticated: hands out a temporary registry
/// password and records it with ``EmulatorState/issueRegistryLogin(_:)`` so the registry token realm accepts it.
struct ACRTokenIssuer {
    let configuration: EmulatorConfiguration
    let state: EmulatorState
    let now: Date
    let requestId: String
    /// The endpoint's region.
    let region: String

    /// The user name of every temporary token.
    static let temporaryUsername = "cr_temp_user"

    // MARK: - Personal edition, cr 2016-06-07 (ROA `GET /tokens`)

    /// `{"data": {"expireDate", "authorizationToken", "tempUserName"}, "requestId"}`: an account-wide token for the
    /// legacy personal registries of the region.
    func personalToken(caller: ACRCaller) -> JSONValue {
        let login = issue(
            kind: .acrPersonal, hosts: ACRRegistryHosts.legacyPersonal(region: region),
            lifetime: configuration.acr.tokenLifetimeSeconds, caller: caller)
        return .object([
            "data": .object([
                "expireDate": .int(Self.epochMilliseconds(login.expiration)),
                "authorizationToken": .string(login.password),
                "tempUserName": .string(login.username),
            ]),
            "requestId": .string(requestId),
        ])
    }

    // MARK: - Enterprise, cr 2018-12-01 (RPC)

    /// `GetAuthorizationToken(InstanceId, ExpiresInHours?)` for an instance of the endpoint's region.
    func instanceToken(_ parameters: [String: String], caller: ACRCaller) throws(CloudErrorBody) -> JSONValue {
        guard let instanceId = parameters["InstanceId"], !instanceId.isEmpty else { throw .missingParameter("InstanceId") }
        let lifetime = try lifetimeSeconds(expiresInHours: parameters["ExpiresInHours"])
        guard let instance = configuration.acr.instance(id: instanceId), instance.region.lowercased() == region.lowercased() else {
            throw .instanceNotFound(instanceId, region: region)
        }
        guard instance.tokenAPI else { throw .fixedPasswordOnly(instance.id) }
        let login = issue(
            kind: instance.edition == .enterprise ? .acrEnterprise : .acrPersonal, hosts: ACRRegistryHosts.hosts(of: instance),
            lifetime: lifetime, caller: caller)
        return .object([
            "RequestId": .string(requestId),
            "ExpireTime": .int(Self.epochMilliseconds(login.expiration)),
            "Code": .string("success"),
            "IsSuccess": .bool(true),
            "TempUsername": .string(login.username),
            "AuthorizationToken": .string(login.password),
        ])
    }

    /// `ExpiresInHours` (1…24) in seconds; without it, the configured token lifetime.
    private func lifetimeSeconds(expiresInHours text: String?) throws(CloudErrorBody) -> Int {
        guard let text, !text.isEmpty else { return configuration.acr.tokenLifetimeSeconds }
        guard let hours = Int(text), (1...24).contains(hours) else {
            throw .invalidParameter("ExpiresInHours", "The parameter ExpiresInHours must be an integer from 1 to 24.")
        }
        return hours * 3600
    }

    // MARK: - Shared

    /// Records a new login valid for `lifetime` seconds, but never past the caller's own credentials.
    private func issue(kind: IssuedRegistryLogin.Kind, hosts: [String], lifetime: Int, caller: ACRCaller) -> IssuedRegistryLogin {
        var expiration = now.addingTimeInterval(TimeInterval(lifetime))
        if let limit = caller.credentialExpiration, limit < expiration { expiration = limit }
        let login = IssuedRegistryLogin(
            kind: kind, hosts: hosts, username: Self.temporaryUsername,
            password: RandomIdentifier.opaqueToken(prefix: "eyJ", count: 120),
            expiration: expiration, issuedAt: now, requestedBy: caller.accessKeyId)
        state.issueRegistryLogin(login)
        return login
    }

    /// Whole epoch milliseconds, as both APIs report expiry.
    static func epochMilliseconds(_ date: Date?) -> Int {
        Int(((date ?? .distantFuture).timeIntervalSince1970 * 1000).rounded(.down))
    }
}
