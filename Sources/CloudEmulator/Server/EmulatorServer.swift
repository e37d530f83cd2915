import Foundation
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import ServiceLifecycle
import Synchronization

/// The HTTP/1.1 listener: Hummingbird's server core with our own responder (no router), so the emulator controls
/// every byte it writes — the `Date` header, partial bodies, resets.
///
/// Absolute-form request targets (`GET http://100.100.100.200/latest/… HTTP/1.1`, as sent through an HTTP proxy)
/// reach the responder as origin-form: swift-nio-extras' HTTP/1 → HTTP types conversion keeps only path and query,
/// and the host comes from the `Host` header, which proxy clients set to the target host.
final class EmulatorServer: Sendable {
    private struct Running: Sendable {
        let group: ServiceGroup
        let task: Task<Void, Never>
    }

    /// Requests may carry at most this many body bytes.
    static let maxBodyBytes = 1 << 20

    private let running = Mutex<Running?>(nil)
    private let pipeline: RequestPipeline
    private let logger: Logger

    init(pipeline: RequestPipeline, logger: Logger = Logger(label: "cloudcred.emulator", factory: { _ in SwiftLogNoOpLogHandler() })) {
        self.pipeline = pipeline
        self.logger = logger
    }

    /// Binds and starts serving (over TLS when `tls` is given); returns the bound port.
    func start(host: String, port: Int, tls: TLSConfiguration? = nil) async throws -> Int {
        guard running.withLock({ $0 == nil }) else { throw EmulatorError.alreadyRunning }
        let (bound, boundContinuation) = AsyncStream<Result<Int, any Error>>.makeStream()
        let pipeline = self.pipeline
        let builder = try tls.map { try HTTPServerBuilder.tls(.http1(), tlsConfiguration: $0) } ?? .http1()
        let server = try builder.buildServer(
            configuration: ServerConfiguration(address: .hostname(host, port: port), serverName: nil),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
            logger: logger,
            responder: { request, writer, channel in
                try await Self.respond(request, writer: writer, channel: channel, pipeline: pipeline)
            },
            onServerRunning: { channel in
                boundContinuation.yield(.success(channel.localAddress?.port ?? 0))
            })
        var configuration = ServiceGroupConfiguration(services: [server], logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(1)
        let group = ServiceGroup(configuration: configuration)
        let task = Task {
            do {
                try await group.run()
                boundContinuation.yield(.failure(EmulatorError.stoppedBeforeListening))
            } catch {
                boundContinuation.yield(.failure(error))
            }
            boundContinuation.finish()
        }
        running.withLock { $0 = Running(group: group, task: task) }
        for await result in bound {
            do {
                return try result.get()
            } catch {
                running.withLock { $0 = nil }
                throw EmulatorError.cannotListen(host: host, port: port, reason: "\(error)")
            }
        }
        throw EmulatorError.stoppedBeforeListening
    }

    /// Stops listening; connections still busy after one second are cancelled.
    func stop() async {
        guard let current = running.withLock({ state -> Running? in defer { state = nil }; return state }) else { return }
        await current.group.triggerGracefulShutdown()
        await current.task.value
    }

    private static func respond(
        _ request: Request, writer: consuming ResponseWriter, channel: any Channel, pipeline: RequestPipeline
    ) async throws {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maxBodyBytes)
        } catch {
            let tooLarge = RequestPipeline.Outcome(
                response: EmulatorResponse(status: 413, text: "request body larger than \(maxBodyBytes) bytes"),
                plan: FaultPlan(), date: Date())
            try await ResponseDelivery.send(tooLarge, writer: writer, channel: channel)
            return
        }
        let incoming = EmulatorRequest(
            method: request.method.rawValue,
            hostHeader: request.head.authority ?? "",
            path: request.uri.path,
            rawQuery: request.uri.query ?? "",
            headers: request.headers.map { (name: $0.name.rawName, value: $0.value) },
            body: Array(buffer: body))
        let outcome = await pipeline.process(incoming)
        try await ResponseDelivery.send(outcome, writer: writer, channel: channel)
    }
}

/// Failures of the emulator itself (not of the emulated services).
public enum EmulatorError: Error, Sendable, CustomStringConvertible, LocalizedError {
    /// The listener could not be opened (address in use, bad host, …).
    case cannotListen(host: String, port: Int, reason: String)
    /// The server stopped before it was listening.
    case stoppedBeforeListening
    /// `start` was called on an emulator that is already running.
    case alreadyRunning

    public var description: String {
        switch self {
        case .cannotListen(let host, let port, let reason): return "cannot listen on \(host):\(port): \(reason)"
        case .stoppedBeforeListening: return "the emulator stopped before it was listening"
        case .alreadyRunning: return "the emulator is already running"
        }
    }

    public var errorDescription: String? { description }
}
