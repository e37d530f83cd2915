import AsyncHTTPClient
import CredentialsCore
import Logging
import NIOCore
import NIOHTTP1
import Synchronization

/// The HTTP client of cloudcred, on AsyncHTTPClient.
///
/// - timeouts per request in milliseconds (connect, and read: the longest silence while receiving);
///   the whole exchange is also bounded by connect + read, so a server that drips bytes cannot hang a caller;
/// - proxies from the request's option or `HTTP(S)_PROXY`, with `NO_PROXY` honoured;
/// - `CLOUDCRED_CONNECT_TO` sends cloud-endpoint requests to a loopback emulator;
/// - errors name the endpoint and the kind of failure, never a header or body that could hold a secret.
public final class CloudHTTPClient: HTTPTransport {
    private struct ClientKey: Hashable {
        var proxy: ProxyServer?
        var connectTimeoutMs: Int
        var readTimeoutMs: Int
    }

    private struct State {
        var clients: [ClientKey: HTTPClient] = [:]
        var isShutdown = false
    }

    /// Largest response body accepted.
    public static let maxBodyBytes = 4 << 20

    private let resolver: RouteResolver
    private let userAgent: String
    private let logger: Logger
    private let state = Mutex(State())

    /// - Parameters:
    ///   - environment: read for proxies and `CLOUDCRED_CONNECT_TO`.
    ///   - userAgent: the `User-Agent` header sent unless the request sets one.
    ///   - logger: request lines at `.debug` (method, host, path, status; never queries, headers or bodies).
    public init(environment: Environment = .process, userAgent: String = UserAgent.default, logger: Logger = Logger(label: "cloudcred.http", factory: { _ in SwiftLogNoOpLogHandler() })) {
        self.resolver = RouteResolver(environment: environment)
        self.userAgent = userAgent
        self.logger = logger
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let route = try resolver.route(for: request)
        let (client, url) = try prepare(request, route: route)
        var outgoing = HTTPClientRequest(url: url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        if !outgoing.headers.contains(name: "host") { outgoing.headers.replaceOrAdd(name: "Host", value: request.hostHeader) }
        if !outgoing.headers.contains(name: "user-agent") { outgoing.headers.add(name: "User-Agent", value: userAgent) }
        if !request.body.isEmpty || ["POST", "PUT", "PATCH"].contains(request.method) {
            outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        }
        let total = TimeAmount.milliseconds(Int64(max(1, request.connectTimeoutMs) + max(1, request.readTimeoutMs)))
        logger.debug("request", metadata: ["method": "\(request.method)", "endpoint": "\(request.endpointDescription)"])
        do {
            let deadline = NIODeadline.now() + total
            let response = try await client.execute(outgoing, deadline: deadline)
            // AsyncHTTPClient's deadline covers the head only and its read timeout restarts with every chunk, so a
            // server that drips the body would hold the caller for as long as it likes: bound the body too.
            let body = try await Self.collect(response.body, deadline: deadline)
            let headers = response.headers.map { (name: $0.name, value: $0.value) }
            logger.debug("response", metadata: ["endpoint": "\(request.endpointDescription)", "status": "\(response.status.code)"])
            return HTTPResponse(status: Int(response.status.code), headers: headers, body: Array(buffer: body))
        } catch {
            throw TransportErrorMapper.map(error, request: request, route: route)
        }
    }

    /// The whole body, or `HTTPClientError.deadlineExceeded` once `deadline` passes (the request is then cancelled).
    private static func collect(_ body: HTTPClientResponse.Body, deadline: NIODeadline) async throws -> ByteBuffer {
        try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask { try await body.collect(upTo: Self.maxBodyBytes) }
            group.addTask {
                let now = NIODeadline.now()
                try await Task.sleep(nanoseconds: deadline > now ? deadline.uptimeNanoseconds - now.uptimeNanoseconds : 0)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let buffer = first else { throw HTTPClientError.deadlineExceeded }
            return buffer
        }
    }

    public func shutdown() async {
        let clients: [HTTPClient] = state.withLock { state in
            state.isShutdown = true
            defer { state.clients.removeAll() }
            return Array(state.clients.values)
        }
        for client in clients { try? await client.shutdown() }
    }

    /// Picks (or creates) the pooled client for the route and timeouts, and the URL to request.
    private func prepare(_ request: HTTPRequest, route: RouteResolver.Route) throws -> (HTTPClient, String) {
        var key = ClientKey(proxy: nil, connectTimeoutMs: max(1, request.connectTimeoutMs), readTimeoutMs: max(1, request.readTimeoutMs))
        let path = request.path.isEmpty ? "/" : request.path
        let query = request.rawQuery.isEmpty ? "" : "?" + request.rawQuery
        let url: String
        switch route {
        case .direct:
            url = "\(request.scheme)://\(request.hostHeader)\(path)\(query)"
        case .proxy(let server):
            key.proxy = server
            url = "\(request.scheme)://\(request.hostHeader)\(path)\(query)"
        case .emulator(let host, let port):
            let hostPart = host.contains(":") ? "[\(host)]" : host
            url = "http://\(hostPart):\(port)\(path)\(query)"
        }
        let client = try state.withLock { state -> HTTPClient in
            guard !state.isShutdown else {
                throw CredentialsError(.network, "the HTTP client has been shut down")
            }
            if let existing = state.clients[key] { return existing }
            var configuration = HTTPClient.Configuration()
            configuration.timeout = .init(
                connect: .milliseconds(Int64(key.connectTimeoutMs)),
                read: .milliseconds(Int64(key.readTimeoutMs)))
            configuration.redirectConfiguration = .disallow
            if let proxy = key.proxy {
                let authorization: HTTPClient.Authorization? = proxy.username.map { .basic(username: $0, password: proxy.password ?? "") }
                configuration.proxy = .server(host: proxy.host, port: proxy.port, authorization: authorization)
            }
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            state.clients[key] = client
            return client
        }
        return (client, url)
    }
}

/// The `User-Agent` pattern of the Python library, with our own tokens.
public enum UserAgent {
    /// `AlibabaCloud (Linux; x86_64) Swift/6 Credentials/<version> TeaDSL/1 cloudcred/<version>`.
    public static let `default`: String = {
        #if os(Linux)
        let os = "Linux"
        #elseif os(macOS)
        let os = "Darwin"
        #else
        let os = "Unknown"
        #endif
        #if arch(x86_64)
        let machine = "x86_64"
        #elseif arch(arm64)
        let machine = "aarch64"
        #else
        let machine = "unknown"
        #endif
        return "AlibabaCloud (\(os); \(machine)) Swift/6 Credentials/\(CloudcredVersion.version) TeaDSL/1 cloudcred/\(CloudcredVersion.version)"
    }()
}
