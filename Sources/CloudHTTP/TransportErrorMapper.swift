import AsyncHTTPClient
import CredentialsCore
import NIOCore
import NIOPosix

/// Turns transport failures into one-line errors that name the endpoint and the kind of failure.
enum TransportErrorMapper {
    static func map(_ error: any Error, request: HTTPRequest, route: RouteResolver.Route) -> CredentialsError {
        if let already = error as? CredentialsError { return already }
        let endpoint = request.endpointDescription
        let via: String
        switch route {
        case .direct: via = ""
        case .proxy(let server): via = " (through proxy \(server.displayName))"
        case .emulator(let host, let port): via = " (through CLOUDCRED_CONNECT_TO=\(host):\(port))"
        }
        let kind = describe(error, request: request)
        return CredentialsError(.network, "request to \(endpoint)\(via) failed: \(kind)")
    }

    private static func describe(_ error: any Error, request: HTTPRequest) -> String {
        if let client = error as? HTTPClientError {
            switch client {
            case .connectTimeout: return "connect timed out after \(request.connectTimeoutMs) ms"
            case .readTimeout: return "read timed out after \(request.readTimeoutMs) ms"
            case .deadlineExceeded: return "timed out after \(request.connectTimeoutMs + request.readTimeoutMs) ms"
            case .remoteConnectionClosed: return "the server closed the connection before answering"
            case .proxyAuthenticationRequired: return "the proxy requires authentication (407)"
            case .invalidProxyResponse: return "the proxy refused the connection"
            case .httpProxyHandshakeTimeout: return "the proxy did not answer in time"
            case .tlsHandshakeTimeout: return "TLS handshake timed out"
            case .bodyLengthMismatch: return "the response body was cut short"
            case .cancelled: return "cancelled"
            default: return "\(client)"
            }
        }
        if error is NIOTooManyBytesError { return "the response is larger than \(CloudHTTPClient.maxBodyBytes) bytes" }
        if let channel = error as? ChannelError {
            switch channel {
            case .connectTimeout: return "connect timed out after \(request.connectTimeoutMs) ms"
            case .eof, .ioOnClosedChannel, .alreadyClosed, .outputClosed, .inputClosed: return "the connection was closed"
            default: return "\(channel)"
            }
        }
        if let connection = error as? NIOConnectionError {
            let causes = connection.connectionErrors.map { "\($0.error)" }.joined(separator: "; ")
            return causes.contains("refused") || causes.contains("111") ? "connection refused" : "could not connect (\(causes))"
        }
        if let io = error as? IOError {
            switch io.errnoCode {
            case 111: return "connection refused"
            case 104: return "connection reset by the server"
            case 113, 101: return "the network or host is unreachable"
            default: return "I/O error \(io.errnoCode)"
            }
        }
        let text = "\(error)"
        if text.lowercased().contains("ssl") || text.lowercased().contains("tls") || text.lowercased().contains("certificate") {
            return "TLS failed (\(text.prefix(160)))"
        }
        if text.contains("connectionRefused") || text.contains("refused") { return "connection refused" }
        if text.contains("uncleanShutdown") || text.contains("reset") { return "connection reset by the server" }
        return String(text.prefix(200))
    }
}
