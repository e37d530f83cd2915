/// A complete HTTP response.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first header of that name (case-insensitive).
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }

    /// The body decoded as UTF-8 (invalid sequences replaced).
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// Sends HTTP requests. Every provider and registry API call goes through one of these,
/// so tests and embedders can supply their own.
public protocol HTTPTransport: Sendable {
    /// Sends the request and returns the whole response, or throws a `CredentialsError` with code
    /// `.network` that names the endpoint and the kind of failure.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
    /// Releases connections and threads. Calls after shutdown fail.
    func shutdown() async
}
