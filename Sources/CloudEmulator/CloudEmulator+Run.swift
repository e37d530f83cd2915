import CredentialsCore
import Dispatch
import Foundation

extension CloudEmulator {
    /// Runs until SIGINT/SIGTERM: prints `listening on http://HOST:PORT` as the first stdout line, then the accepted
    /// AccessKeys (secrets included: they are throw-away emulator keys) and other identities, then serves.
    /// - Parameters:
    ///   - configurationPath: a JSON configuration file (see ``EmulatorConfiguration/load(path:)``); nil for
    ///     ``EmulatorConfiguration/standard``.
    ///   - registryTokenCertificatePath: where to write ``registryTokenCertificatePEM`` (mode 0644) before listening,
    ///     for scripts that configure a registry's `rootcertbundle`; nil to write nothing.
    /// - Throws: ``EmulatorConfigurationError`` for a bad file, `FileOperationError` when the certificate cannot be
    ///   written, ``EmulatorError`` when it cannot listen.
    public static func runUntilSignalled(
        host: String, port: Int, configurationPath: String?, registryTokenCertificatePath: String? = nil
    ) async throws {
        let configuration = try configurationPath.map(EmulatorConfiguration.load(path:)) ?? .standard
        let emulator = CloudEmulator(configuration: configuration, clock: SystemClock()) { record in
            FileHandle.standardError.write(Data((record.logLine + "\n").utf8))
        }
        if let registryTokenCertificatePath {
            try AtomicFile.write(emulator.registryTokenCertificatePEM, to: registryTokenCertificatePath, permissions: .exactly(0o644))
        }
        let signals = SignalWaiter(signals: [SIGINT, SIGTERM])
        try await emulator.start(host: host, port: port)
        // Written unbuffered: a parent process waits for the first line to learn the port.
        FileHandle.standardOutput.write(Data((emulator.banner().joined(separator: "\n") + "\n").utf8))
        await signals.wait()
        await emulator.stop()
    }

    /// The lines printed at start: the address first, then what the emulator accepts.
    func banner() -> [String] {
        var lines = ["listening on \(baseURL)"]
        for key in configuration.accessKeys {
            lines.append("access key id \(key.id) secret \(key.secret)" + (key.accountId.map { " account \($0)" } ?? ""))
        }
        for role in configuration.roles { lines.append("role \(role.arn) max \(role.maxSessionDuration)s") }
        for provider in configuration.oidcProviders {
            lines.append("oidc provider \(provider.arn)" + (provider.expectedToken == nil ? " (any token)" : " (configured token)"))
        }
        for pair in configuration.rsaKeyPairs { lines.append("rsa key pair \(pair.publicKeyId) (private key content is the signing secret)") }
        let ecs = configuration.ecs
        lines.append("ecs metadata role \(ecs.roleName) mode \(ecs.mode.rawValue)")
        lines.append("credentials uri \(baseURL)\(configuration.credentialsURIPath)")
        lines.append("registry token realm \(baseURL)\(RegistryTokenService.loopbackPath) issuer \(Self.registryTokenIssuer)")
        lines.append("use CLOUDCRED_CONNECT_TO=\(connectTo); control API at \(baseURL)/_emulator/; stop with Ctrl-C")
        return lines
    }
}

extension RecordedRequest {
    /// One line for the request log: `2024-01-02T03:04:05Z sts GET sts.aliyuncs.com/ AssumeRole -> 400 SignatureDoesNotMatch`.
    var logLine: String {
        var line = "\(receivedAt) \(endpoint.id) \(method) \(host)\(path)"
        if let action = parameters["Action"] { line += " \(action)" }
        line += " -> \(status)"
        if let errorCode { line += " \(errorCode)" }
        if !faults.isEmpty { line += " [faults: \(faults.joined(separator: ", "))]" }
        return line
    }
}

/// Waits for the first of some POSIX signals (which stop having their default effect while it exists).
final class SignalWaiter {
    private let stream: AsyncStream<Int32>
    private let sources: [any DispatchSourceSignal]

    init(signals: [Int32]) {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        self.stream = stream
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
    }

    func wait() async {
        for await _ in stream { break }
        sources.forEach { $0.cancel() }
    }
}
