import CredentialsCore
import Foundation
import HTTPTypes
import HummingbirdCore
import NIOCore

/// Writes an answer to the connection, carrying out the delivery faults: delay, drop, reset mid-body, slow drip.
enum ResponseDelivery {
    /// Thrown to make Hummingbird close the connection without answering further.
    struct ConnectionAborted: Error {}

    static func send(_ outcome: RequestPipeline.Outcome, writer: consuming ResponseWriter, channel: any Channel) async throws {
        if let delay = outcome.plan.delayMilliseconds, delay > 0 {
            try await Task.sleep(for: .milliseconds(delay))
        }
        let bytes = outcome.response.bodyBytes
        let head = responseHead(outcome.response, bodyLength: bytes.count, date: outcome.date)

        switch outcome.plan.delivery {
        case .normal:
            try await writer.write(response: head, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        case .dropConnection:
            try? await channel.close()
            throw ConnectionAborted()
        case .resetMidBody:
            var body = try await writer.writeHead(head)
            try await body.write(ByteBuffer(bytes: bytes.prefix(max(1, bytes.count / 2))))
            // Let the head and the partial body reach the client before the reset discards unsent data.
            try? await Task.sleep(for: .milliseconds(50))
            await reset(channel)
            throw ConnectionAborted()
        case .slowDrip(let chunkBytes, let interval):
            var body = try await writer.writeHead(head)
            var offset = 0
            while offset < bytes.count {
                let end = min(offset + chunkBytes, bytes.count)
                try await body.write(ByteBuffer(bytes: bytes[offset..<end]))
                offset = end
                if offset < bytes.count, interval > 0 { try await Task.sleep(for: .milliseconds(interval)) }
            }
            try await body.finish(nil)
        }
    }

    /// Closes the connection with a TCP RST (SO_LINGER 0) rather than an orderly FIN.
    static func reset(_ channel: any Channel) async {
        if let options = channel as? any SocketOptionProvider {
            try? await options.setSoLinger(linger(l_onoff: 1, l_linger: 0)).get()
        }
        try? await channel.close()
    }

    static func responseHead(_ response: EmulatorResponse, bodyLength: Int, date: Date) -> HTTPResponse {
        var fields = HTTPFields()
        fields[.date] = TimeFormat.rfc1123(date)
        fields[.server] = "cloudcred-emulator"
        if let contentType = response.contentType { fields[.contentType] = contentType }
        fields[.contentLength] = String(bodyLength)
        for header in response.headers {
            if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
        }
        return HTTPResponse(status: .init(code: response.status, reasonPhrase: reasonPhrase(response.status)), headerFields: fields)
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 408: return "Request Timeout"
        case 413: return "Content Too Large"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return "Status \(status)"
        }
    }
}
