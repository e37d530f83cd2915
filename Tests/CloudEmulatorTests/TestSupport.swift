import AsyncHTTPClient
import CloudSigning
import CredentialsCore
import Foundation
import NIOCore
import Testing

@testable import CloudEmulator

/// Starts an emulator on a free port for one test and stops it afterwards.
func withEmulator<T>(
    _ configuration: EmulatorConfiguration = .standard,
    clock: any CredentialsClock = SystemClock(),
    _ body: (CloudEmulator) async throws -> T
) async throws -> T {
    let emulator = CloudEmulator(configuration: configuration, clock: clock)
    try await emulator.start()
    do {
        let result = try await body(emulator)
        await emulator.stop()
        return result
    } catch {
        await emulator.stop()
        throw error
    }
}

/// A response read completely.
struct Reply {
    var status: Int
    var headers: [(String, String)]
    var text: String

    var json: [String: Any] { ((try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]) ?? [:] }
    var code: String? { json["Code"] as? String }

    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }

    /// `Credentials` (STS) or the top level (ECS, credentials URI).
    var credentials: [String: Any] { (json["Credentials"] as? [String: Any]) ?? json }
}

enum Standard {
    static let configuration = EmulatorConfiguration.standard
    static let accessKeyId = configuration.accessKeys[0].id
    static let secret = configuration.accessKeys[0].secret
    static let roleArn = configuration.roles[0].arn
    static let oidcProviderArn = configuration.oidcProviders[0].arn
    static let publicKeyId = configuration.rsaKeyPairs[0].publicKeyId
    static let privateKey = configuration.rsaKeyPairs[0].privateKey
}

/// Sends a request with AsyncHTTPClient to the emulator, with the given `Host` header.
func fetch(
    _ emulator: CloudEmulator, host: String? = nil, method: String = "GET", path: String = "/", query: String = "",
    headers: [(String, String)] = [], body: String? = nil, timeout: TimeAmount = .seconds(10)
) async throws -> Reply {
    var request = HTTPClientRequest(url: emulator.baseURL + path + (query.isEmpty ? "" : "?" + query))
    request.method = .init(rawValue: method)
    if let host { request.headers.replaceOrAdd(name: "Host", value: host) }
    for (name, value) in headers { request.headers.add(name: name, value: value) }
    if let body { request.body = .bytes(ByteBuffer(string: body)) }
    let response = try await HTTPClient.shared.execute(request, timeout: timeout)
    let bytes = try await response.body.collect(upTo: 1 << 20)
    return Reply(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) }, text: String(buffer: bytes))
}

// MARK: - Signed STS requests

/// The common RPC parameters plus `extra`, for a signed STS call.
func rpcParameters(action: String, accessKeyId: String, now: Date = Date(), nonce: String = UUID().uuidString, _ extra: [String: String] = [:]) -> [String: String] {
    var parameters = [
        "Action": action, "Format": "JSON", "Version": "2015-04-01", "SignatureMethod": "HMAC-SHA1",
        "SignatureVersion": "1.0", "Timestamp": TimeFormat.iso8601(now), "SignatureNonce": nonce, "AccessKeyId": accessKeyId,
    ]
    parameters.merge(extra) { _, new in new }
    return parameters
}

func assumeRoleParameters(
    accessKeyId: String = Standard.accessKeyId, roleArn: String = Standard.roleArn, sessionName: String = "emulator-test",
    duration: Int? = 3600, now: Date = Date(), _ extra: [String: String] = [:]
) -> [String: String] {
    var more = ["RoleArn": roleArn, "RoleSessionName": sessionName]
    if let duration { more["DurationSeconds"] = String(duration) }
    more.merge(extra) { _, new in new }
    return rpcParameters(action: "AssumeRole", accessKeyId: accessKeyId, now: now, more)
}

/// Signs `parameters` and writes them as a query with the same space encoding.
func signedQuery(_ parameters: [String: String], secret: String, method: String = "GET", encoding: RPCSpaceEncoding = .percent20) -> String {
    var signed = parameters
    signed["Signature"] = AlibabaRPCSigner.sign(method: method, parameters: parameters, secret: secret, spaceEncoding: encoding)
    return formEncode(signed, encoding: encoding)
}

func formEncode(_ parameters: [String: String], encoding: RPCSpaceEncoding = .percent20) -> String {
    func encode(_ text: String) -> String {
        switch encoding {
        case .plus: PercentEncoder.formPlus(text)
        case .percent20: PercentEncoder.rfc3986(text)
        }
    }
    return parameters.sorted { $0.key < $1.key }.map { encode($0.key) + "=" + encode($0.value) }.joined(separator: "&")
}

func sts(_ emulator: CloudEmulator, _ query: String, host: String = "sts.aliyuncs.com") async throws -> Reply {
    try await fetch(emulator, host: host, query: query)
}

// MARK: - Raw sockets

/// What a raw TCP exchange produced: the bytes received and how the connection ended.
struct RawExchange {
    var received: String
    /// errno of the read that ended the exchange (0 for an orderly close).
    var endErrno: Int32
}

/// Sends `request` bytes on a fresh TCP connection to 127.0.0.1:`port` and reads until the peer closes.
/// The blocking socket calls run on a thread of their own (OwnThread), never on the task pool the emulator needs.
func rawExchange(port: Int, _ request: String, readTimeoutSeconds: Int = 5) async throws -> RawExchange {
    try await withCheckedThrowingContinuation { continuation in
        OwnThread.detach {
            continuation.resume(with: Result { try blockingExchange(port: port, request, readTimeoutSeconds: readTimeoutSeconds) })
        }
    }
}

private func blockingExchange(port: Int, _ request: String, readTimeoutSeconds: Int) throws -> RawExchange {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EIO) }
    defer { close(fd) }
    var timeout = timeval(tv_sec: readTimeoutSeconds, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
    let bytes = Array(request.utf8)
    _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count > 0 { received += buffer[0..<count]; continue }
        return RawExchange(received: String(decoding: received, as: UTF8.self), endErrno: count == 0 ? 0 : errno)
    }
}
