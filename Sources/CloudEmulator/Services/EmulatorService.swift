import CredentialsCore
import Foundation

/// One emulated cloud service. Adding a service = one file conforming to this protocol plus one line in
/// ``ServiceRegistry/services(configuration:)``.
protocol EmulatorService: Sendable {
    /// The endpoint its requests are counted, recorded and faulted under.
    var endpoint: EmulatorEndpoint { get }
    /// Whether requests for this host (lower-case, without port) belong to this service.
    func serves(host: String) -> Bool
    /// For hosts no service recognises (loopback, `http://127.0.0.1:PORT`): whether the request's content
    /// (path, `Action`, …) identifies this service.
    func claims(_ request: EmulatorRequest) -> Bool
    /// The operation name fault rules match with `action` (nil when the service has none).
    func action(of request: EmulatorRequest) -> String?
    /// Answers a request.
    func respond(to request: EmulatorRequest, context: ServiceContext) async -> EmulatorResponse
}

extension EmulatorService {
    func action(of request: EmulatorRequest) -> String? { request.parameters["Action"] }
}

/// What a service needs to answer one request.
struct ServiceContext: Sendable {
    let configuration: EmulatorConfiguration
    let state: EmulatorState
    /// The emulator's "now" for this request (clock plus any `clockSkewSeconds` fault).
    let now: Date
    /// The id of this request (`RequestId` in cloud answers).
    let requestId: String
    /// The registry token realm's signing key and certificate.
    let registryTokens: RegistryTokenAuthority
}

/// The list of emulated services, in dispatch order.
enum ServiceRegistry {
    static func services(configuration: EmulatorConfiguration) -> [any EmulatorService] {
        [
            STSService(),
            ACRService(),
            ECSMetadataService(),
            CredentialsURIService(path: configuration.credentialsURIPath),
            OAuthService(), CloudSSOService(),
            HuaweiSWRService(),
            HuaweiMetadataService(),
            RegistryTokenService(), RegistryRepositoryService(), RegistryFrontService(),
        ]
    }
}

/// Random identifiers in the shapes the real services use.
enum RandomIdentifier {
    private static let alphanumerics = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    static func alphanumeric(_ count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<count).map { _ in alphanumerics.randomElement(using: &generator) ?? "A" })
    }

    /// `8C2B1E7A-…` like Alibaba Cloud request ids.
    static func requestId() -> String { UUID().uuidString }

    /// A base64-looking opaque token of about `count` characters.
    static func opaqueToken(prefix: String, count: Int) -> String {
        prefix + alphanumeric(max(0, count - prefix.count))
    }
}
