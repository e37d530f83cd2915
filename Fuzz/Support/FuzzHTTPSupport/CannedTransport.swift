import CloudHTTP
import CredentialsCore
import Synchronization

/// An `HTTPTransport` that answers from a list instead of the network: the first request gets the first
/// answer, and so on; once the list is used up, the last answer is repeated. Requests are recorded.
public final class CannedTransport: HTTPTransport {
    private let answers: [CannedAnswer]
    private let sent = Mutex<[HTTPRequest]>([])

    /// A transport that gives `answers` in order (an empty list answers every request with HTTP 503).
    public init(_ answers: [CannedAnswer]) {
        self.answers = answers.isEmpty ? [.response(HTTPResponse(status: 503))] : answers
    }

    /// A transport for the answers written in a fuzz input (``CannedResponses``).
    public convenience init(input: [UInt8]) {
        self.init(CannedResponses.parse(input))
    }

    /// The requests received so far.
    public var requests: [HTTPRequest] { sent.withLock { $0 } }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let index = sent.withLock { requests in
            requests.append(request)
            return requests.count - 1
        }
        switch answers[min(index, answers.count - 1)] {
        case .response(let response):
            return response
        case .failure(let kind):
            throw CredentialsError(.network, "request to \(request.endpointDescription) failed: \(kind)")
        }
    }

    public func shutdown() async {}
}
