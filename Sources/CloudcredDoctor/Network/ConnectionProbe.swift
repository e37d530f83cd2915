#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NIOCore
import NIOPosix
import NIOSSL

/// One TCP connection and, optionally, a TLS handshake, timed; failures sorted into what the report explains.
struct ConnectionProbe: Sendable {
    /// What a probe saw.
    struct Outcome: Sendable {
        var tcpMilliseconds: Int
        var tlsMilliseconds: Int?
        var certificate: CertificateSummary?
    }

    /// Why a probe failed.
    enum Failure: Error, Sendable, Equatable {
        case refused
        case connectTimeout
        case connectFailed(String)
        case tlsTimeout
        case unknownAuthority(CertificateSummary?)
        case nameMismatch(CertificateSummary?)
        case expired(CertificateSummary?)
        case tlsFailed(String)
    }

    /// Certificates trusted besides the system roots.
    let trustRoots: [NIOSSLCertificate]

    init(additionalTrustRootsPEM: [String]) {
        trustRoots = additionalTrustRootsPEM.flatMap { (try? NIOSSLCertificate.fromPEMBytes(Array($0.utf8))) ?? [] }
    }

    /// Connects to `address`; with `serverName`, then does a TLS handshake verifying the certificate for that name.
    func probe(_ address: ResolvedAddress, serverName: String?, connectMs: Int, tlsMs: Int) async -> Result<Outcome, Failure> {
        let started = ContinuousClock.now
        let channel: any Channel
        do {
            channel = try await connect(address, timeoutMs: connectMs)
        } catch {
            return .failure(Self.connectFailure(error))
        }
        let tcp = Self.milliseconds(since: started)
        defer { channel.close(promise: nil) }
        guard let serverName else { return .success(Outcome(tcpMilliseconds: tcp)) }
        let handshakeStart = ContinuousClock.now
        do {
            let certificate = try await handshake(channel, serverName: serverName, verify: true, timeoutMs: tlsMs)
            return .success(Outcome(tcpMilliseconds: tcp, tlsMilliseconds: Self.milliseconds(since: handshakeStart), certificate: certificate))
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(await classify(error, address: address, serverName: serverName, connectMs: connectMs, tlsMs: tlsMs))
        }
    }

    // MARK: - Steps

    private func connect(_ address: ResolvedAddress, timeoutMs: Int) async throws -> any Channel {
        let socketAddress = try SocketAddress(ipAddress: address.ip, port: address.port)
        return try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.milliseconds(Int64(max(1, timeoutMs))))
            .connect(to: socketAddress).get()
    }

    private func handshake(_ channel: any Channel, serverName: String, verify: Bool, timeoutMs: Int) async throws -> CertificateSummary? {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if verify {
            if !trustRoots.isEmpty { configuration.additionalTrustRoots = [.certificates(trustRoots)] }
        } else {
            configuration.certificateVerification = .none
        }
        let context = try NIOSSLContext(configuration: configuration)
        let timeout = TimeAmount.milliseconds(Int64(max(1, timeoutMs)))
        return try await channel.eventLoop.flatSubmit { () -> EventLoopFuture<CertificateSummary?> in
            let promise = channel.eventLoop.makePromise(of: Void.self)
            do {
                let tls = try NIOSSLClientHandler(context: context, serverHostname: serverName)
                try channel.pipeline.syncOperations.addHandler(HandshakeObserver(promise: promise, timeout: timeout))
                try channel.pipeline.syncOperations.addHandler(tls, position: .first)
            } catch {
                promise.fail(error)
            }
            return promise.futureResult.flatMapThrowing {
                try channel.pipeline.syncOperations.handler(type: NIOSSLClientHandler.self).peerCertificate.map(CertificateSummary.init)
            }
        }.get()
    }

    /// After a verification failure, looks at the certificate without verifying it to say what is wrong with it.
    private func classify(_ error: any Error, address: ResolvedAddress, serverName: String, connectMs: Int, tlsMs: Int) async -> Failure {
        let text = String(describing: error)
        let isHostname = (error as? NIOSSLExtraError) == .failedToValidateHostname
        guard isHostname || text.contains("CERTIFICATE_VERIFY_FAILED") || text.lowercased().contains("certificate") else {
            return .tlsFailed(String(text.prefix(160)))
        }
        let certificate = await unverifiedCertificate(address, serverName: serverName, connectMs: connectMs, tlsMs: tlsMs)
        if let certificate, certificate.notValidAfter.timeIntervalSinceNow < 0 { return .expired(certificate) }
        if isHostname || (certificate.map { !$0.covers(serverName) } ?? false) { return .nameMismatch(certificate) }
        return .unknownAuthority(certificate)
    }

    private func unverifiedCertificate(_ address: ResolvedAddress, serverName: String, connectMs: Int, tlsMs: Int) async -> CertificateSummary? {
        guard let channel = try? await connect(address, timeoutMs: connectMs) else { return nil }
        defer { channel.close(promise: nil) }
        return (try? await handshake(channel, serverName: serverName, verify: false, timeoutMs: tlsMs)) ?? nil
    }

    private static func connectFailure(_ error: any Error) -> Failure {
        if let channelError = error as? ChannelError, case .connectTimeout = channelError { return .connectTimeout }
        if let io = error as? IOError, io.errnoCode == 111 { return .refused }
        let text = String(describing: error)
        if text.contains("refused") || text.contains("111") { return .refused }
        if text.lowercased().contains("timeout") || text.lowercased().contains("timed out") { return .connectTimeout }
        return .connectFailed(String(text.prefix(160)))
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let (seconds, attoseconds) = (ContinuousClock.now - start).components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}

/// Completes a promise when the TLS handshake is done, fails it on an error, a close, or after the timeout.
private final class HandshakeObserver: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    private let promise: EventLoopPromise<Void>
    private let timeout: TimeAmount
    private var done = false
    private var timer: Scheduled<Void>?

    init(promise: EventLoopPromise<Void>, timeout: TimeAmount) {
        self.promise = promise
        self.timeout = timeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(in: timeout) {
            loopBound.value.complete(.failure(ConnectionProbe.Failure.tlsTimeout))
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        // `TLSUserEvent.handshakeCompleted(negotiatedProtocol:)` of NIOTLS, matched by name so that this module
        // needs no import of NIOTLS (not among its declared dependencies).
        if String(describing: event).hasPrefix("handshakeCompleted") { complete(.success(())) }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        complete(.failure(error))
        context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        complete(.failure(ConnectionProbe.Failure.tlsFailed("the server closed the connection during the TLS handshake")))
        context.fireChannelInactive()
    }

    private func complete(_ result: Result<Void, any Error>) {
        guard !done else { return }
        done = true
        timer?.cancel()
        promise.completeWith(result)
    }
}
