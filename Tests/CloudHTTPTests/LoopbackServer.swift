import NIOCore
import NIOPosix
import Synchronization

/// A raw TCP server on 127.0.0.1 for transport tests: it records what arrives and answers by a script.
/// It understands just enough HTTP/1.1: a request ends at the blank line (bodies are not expected),
/// and a `CONNECT` is acknowledged so the tunnelled request that follows is answered too (a proxy).
final class LoopbackServer: Sendable {
    enum Behaviour: Sendable {
        /// Answer every request with this status and body.
        case respond(status: Int, body: String)
        /// Accept and never answer.
        case silent
    }

    private let channel: any Channel
    let port: Int

    static func start(_ behaviour: Behaviour) async throws -> LoopbackServer {
        let box = RecorderBox()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.addHandler(ScriptHandler(behaviour: behaviour, box: box))
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return LoopbackServer(channel: channel, box: box)
    }

    private let box: RecorderBox

    private init(channel: any Channel, box: RecorderBox) {
        self.channel = channel
        self.box = box
        self.port = channel.localAddress?.port ?? 0
    }

    /// The request heads received, in order (a CONNECT line counts as one).
    var requests: [String] { box.recorder.withLock { $0 } }

    func stop() async {
        try? await channel.close()
    }
}

final class RecorderBox: Sendable {
    let recorder = Mutex<[String]>([])
}

private final class ScriptHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let behaviour: LoopbackServer.Behaviour
    let box: RecorderBox
    var pending = ""

    init(behaviour: LoopbackServer.Behaviour, box: RecorderBox) {
        self.behaviour = behaviour
        self.box = box
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        pending += buffer.readString(length: buffer.readableBytes) ?? ""
        while let end = pending.firstRange(of: "\r\n\r\n") {
            let head = String(pending[..<end.lowerBound])
            pending = String(pending[end.upperBound...])
            box.recorder.withLock { $0.append(head) }
            if head.hasPrefix("CONNECT ") {
                write(context, "HTTP/1.1 200 Connection established\r\n\r\n")
                continue
            }
            switch behaviour {
            case .silent:
                break
            case .respond(let status, let body):
                write(context, "HTTP/1.1 \(status) X\r\nContent-Length: \(body.utf8.count)\r\nContent-Type: text/plain\r\n\r\n\(body)")
            }
        }
    }

    private func write(_ context: ChannelHandlerContext, _ text: String) {
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: text)), promise: nil)
    }
}
