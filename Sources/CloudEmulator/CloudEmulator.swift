import CredentialsCore
import Foundation
import Synchronization

/// A local emulator of the cloud endpoints cloudcred calls (STS, ECS metadata, credentials URI), with real
/// signature checks and fault injection, for tests, offline use and CI.
///
/// cloudcred reaches it with `CLOUDCRED_CONNECT_TO=<connectTo>`: requests for cloud hosts arrive over plain HTTP
/// with their original `Host` header, which selects the service. Requests for other hosts (loopback) are dispatched
/// by content. The control API is under `/_emulator/` (see ``ControlService``).
///
/// ```swift
/// let emulator = CloudEmulator()
/// let port = try await emulator.start()
/// defer { Task { await emulator.stop() } }
/// ```
public final class CloudEmulator: Sendable {
    /// The configuration it was created with.
    public let configuration: EmulatorConfiguration
    private let state: EmulatorState
    private let registryTokens: RegistryTokenAuthority
    private let server: EmulatorServer
    private let tlsServer: EmulatorServer
    private let listening = Mutex<(host: String, port: Int)?>(nil)
    private let tls = Mutex<(port: Int, authority: EmulatorCertificateAuthority)?>(nil)

    /// - Parameters:
    ///   - configuration: identities, roles, modes and initial faults (default ``EmulatorConfiguration/standard``).
    ///   - clock: the emulator's "now" for timestamp checks and expirations (delays and drips use real time).
    public convenience init(configuration: EmulatorConfiguration = .standard, clock: any CredentialsClock = SystemClock()) {
        self.init(configuration: configuration, clock: clock, observer: nil)
    }

    /// - Parameter observer: called with every request the emulator records (after it answered).
    init(configuration: EmulatorConfiguration, clock: any CredentialsClock, observer: (@Sendable (RecordedRequest) -> Void)?) {
        self.configuration = configuration
        state = EmulatorState(faults: configuration.faults)
        registryTokens = RegistryTokenAuthority()
        let pipeline = RequestPipeline(
            configuration: configuration, state: state, clock: clock, registryTokens: registryTokens, observer: observer)
        server = EmulatorServer(pipeline: pipeline)
        tlsServer = EmulatorServer(pipeline: pipeline)
    }

    /// Starts listening. Port 0 picks a free port.
    /// - Returns: the bound port.
    /// - Throws: ``EmulatorError`` when the address cannot be bound or the emulator already runs.
    @discardableResult
    public func start(host: String = "127.0.0.1", port: Int = 0) async throws -> Int {
        guard listening.withLock({ $0 == nil }) else { throw EmulatorError.alreadyRunning }
        let bound = try await server.start(host: host, port: port)
        listening.withLock { $0 = (host, bound) }
        return bound
    }

    /// Starts a second listener that speaks TLS (HTTP/1.1), with a certificate from a throw-away CA made in memory
    /// for `*.aliyuncs.com`, `*.<region>.aliyuncs.com`, `*.<region>.myhuaweicloud.com`, `localhost`, `127.0.0.1`,
    /// `100.100.100.200` and `169.254.169.254`. It serves exactly what the plain listener serves.
    /// - Returns: the bound port; trust ``caCertificatePEM`` to connect.
    @discardableResult
    public func startTLS(host: String = "127.0.0.1", port: Int = 0) async throws -> Int {
        let authority = try EmulatorCertificateAuthority()
        let bound = try await tlsServer.start(host: host, port: port, tls: authority.tlsConfiguration)
        tls.withLock { $0 = (bound, authority) }
        return bound
    }

    /// The TLS listener's port, or 0 when it is not running.
    public var tlsPort: Int { tls.withLock { $0?.port ?? 0 } }

    /// The PEM of the CA that signed the TLS listener's certificate (nil before ``startTLS(host:port:)``).
    public var caCertificatePEM: String? { tls.withLock { $0?.authority.caCertificatePEM } }

    /// Stops both listeners (requests still in flight after one second are cut off).
    public func stop() async {
        await server.stop()
        await tlsServer.stop()
        listening.withLock { $0 = nil }
        tls.withLock { $0 = nil }
    }

    /// The bound port, or 0 when not listening.
    public var port: Int { listening.withLock { $0?.port ?? 0 } }

    /// `http://127.0.0.1:PORT` (IPv6 hosts in brackets).
    public var baseURL: String { "http://\(connectTo)" }

    /// `127.0.0.1:PORT`, the value for `CLOUDCRED_CONNECT_TO`.
    public var connectTo: String {
        let (host, port) = listening.withLock { ($0?.host ?? "127.0.0.1", $0?.port ?? 0) }
        let shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "\(shown):\(port)"
    }

    /// How many requests an endpoint received since the start or the last ``reset()``.
    public func requestCount(_ endpoint: EmulatorEndpoint) -> Int { state.requestCount(endpoint) }

    /// The requests an endpoint received, oldest first, secrets masked (see ``RecordedRequest``).
    public func recordedRequests(_ endpoint: EmulatorEndpoint) -> [RecordedRequest] { state.records(endpoint) }

    /// Adds a fault rule (after those already active).
    public func addFault(_ rule: FaultRule) { state.addFault(rule) }

    /// Removes every fault rule, including those from the configuration.
    public func clearFaults() { state.clearFaults() }

    /// The active fault rules, with what is left of their `times`.
    public func activeFaults() -> [FaultRule] { state.activeFaults() }

    /// Clears counters, recorded requests, used nonces and faults; the configuration's faults become active again.
    /// Credentials and metadata tokens already issued stay valid.
    public func reset() { state.reset() }

    /// Every credential the emulator handed out, oldest first (secrets included: they are throw-away values).
    public func issuedCredentials() -> [IssuedCredential] { state.issuedCredentials() }

    /// Every registry login the emulator handed out (ACR tokens, SWR logins), oldest first.
    public func issuedRegistryLogins() -> [IssuedRegistryLogin] { state.issuedRegistryLogins() }

    /// Makes the registry token realm (and the registry front) accept a login, as if the emulator had issued it:
    /// for tests and CI scripts that need registry credentials without a cloud API call. Over HTTP:
    /// `POST /_emulator/registry/logins` (see ``ControlService``).
    public func issueRegistryLogin(_ login: IssuedRegistryLogin) { state.issueRegistryLogin(login) }

    /// The self-signed certificate (PEM) of the key that signs registry tokens: the `rootcertbundle` of a registry
    /// configured with `auth: token: {realm: "<baseURL>/token", service: …, issuer: ` ``registryTokenIssuer`` `}`.
    /// Made when the emulator is created; also served at `GET /_emulator/registry/token-cert.pem`.
    public var registryTokenCertificatePEM: String { registryTokens.certificatePEM }

    /// The `iss` claim of the registry tokens the emulator signs (a registry's `auth: token: issuer:`).
    public static let registryTokenIssuer = RegistryTokenAuthority.issuer
}
