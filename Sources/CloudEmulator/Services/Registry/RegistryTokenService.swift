/// The Docker registry token realm (``RegistryTokenRealm``) at its public addresses:
///
/// * `GET /auth` on ACR's realm hosts `dockerauth[-vpc].<region>.aliyuncs.com`;
/// * `GET /token` on any other host (loopback: `http://127.0.0.1:PORT/token`, the `realm:` of a local registry).
///
/// Tokens are signed by the emulator's ``RegistryTokenAuthority`` (see ``CloudEmulator/registryTokenCertificatePEM``).
struct RegistryTokenService: EmulatorService {
    let endpoint = EmulatorEndpoint.registry

    static let realmPath = "/auth"
    static let loopbackPath = "/token"

    func serves(host: String) -> Bool { RegistryHost.isACRTokenRealm(host) }

    func claims(_ request: EmulatorRequest) -> Bool { request.path == Self.loopbackPath }

    /// `GetToken`, for fault rules.
    func action(of request: EmulatorRequest) -> String? { "GetToken" }

    func respond(to request: EmulatorRequest, context: ServiceContext) async -> EmulatorResponse {
        let path = serves(host: request.host) ? Self.realmPath : Self.loopbackPath
        guard request.path == path else {
            return RegistryTokenRealm.error(404, code: "NOT_FOUND", message: "the token realm is at \(path)")
        }
        return RegistryTokenRealm().respond(to: request, context: context)
    }
}
