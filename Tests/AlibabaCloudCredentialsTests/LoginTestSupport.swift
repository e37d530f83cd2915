import CloudcredTestSupport
import CloudEmulator
import CloudHTTP
import CredentialsCore
import Foundation
import Logging
import Synchronization
import Testing

@testable import AlibabaCloudCredentials

// Helpers of the CloudSSO, OAuth, External and write-back tests (prefixed `Login` to stay clear of other suites).

/// A temporary directory removed when the value goes away.
final class LoginTestDirectory: Sendable {
    let path: String

    init() throws {
        var template = Array("/tmp/cloudcred-login-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        path = String(cString: created)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func file(_ name: String) -> String { path + "/" + name }

    @discardableResult
    func write(_ name: String, _ text: String, mode: Int = 0o644) throws -> String {
        let path = file(name)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // O_CLOEXEC: a child another test spawns meanwhile must not inherit the write descriptor,
        // or exec'ing this script fails with ETXTBSY for as long as that child lives.
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(mode))
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ Glibc.write(fd, $0.baseAddress, $0.count) }) == bytes.count else {
            throw CocoaError(.fileWriteUnknown)
        }
        fchmod(fd, mode_t(mode))
        return path
    }

    /// An executable `/bin/sh` script.
    @discardableResult
    func script(_ name: String, _ body: String) throws -> String {
        try write(name, "#!/bin/sh\n" + body + "\n", mode: 0o755)
    }

    func read(_ name: String) throws -> String {
        try String(contentsOfFile: file(name), encoding: .utf8)
    }

    func listing() -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: path))?.sorted() ?? []
    }
}

/// A transport that answers from a closure and records every request.
final class LoginScriptedTransport: HTTPTransport {
    typealias Handler = @Sendable (HTTPRequest) throws -> HTTPResponse
    private let handler: Handler
    private let recorded = Mutex<[HTTPRequest]>([])

    init(_ handler: @escaping Handler) {
        self.handler = handler
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        recorded.withLock { $0.append(request) }
        return try handler(request)
    }

    func shutdown() async {}

    var requests: [HTTPRequest] { recorded.withLock { $0 } }
    var paths: [String] { requests.map(\.path) }
}

extension HTTPRequest {
    func loginHeader(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    var loginBodyText: String { String(decoding: body, as: UTF8.self) }
}

/// A JSON response with status 200.
func loginJSON(_ text: String) -> HTTPResponse {
    loginJSON(200, text)
}

/// A JSON response.
func loginJSON(_ status: Int, _ text: String) -> HTTPResponse {
    HTTPResponse(status: status, headers: [("Content-Type", "application/json")], body: Array(text.utf8))
}

/// Collects log messages.
final class LoginLogCapture: Sendable {
    private let messages = Mutex<[String]>([])

    var logger: Logger {
        Logger(label: "login-tests") { _ in LoginLogHandler(capture: self) }
    }

    func append(_ message: String) { messages.withLock { $0.append(message) } }
    var lines: [String] { messages.withLock { $0 } }
}

struct LoginLogHandler: LogHandler {
    let capture: LoginLogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        capture.append("\(event.message)")
    }
}

/// A context with a manual clock at a fixed epoch, a scripted transport and captured logs.
func loginContext(
    transport: any HTTPTransport,
    clock: ManualClock = ManualClock(now: Date(timeIntervalSince1970: LoginTime.now)),
    environment: [String: String] = [:],
    home: String = "/nonexistent-home",
    logs: LoginLogCapture = LoginLogCapture()
) -> ProviderContext {
    ProviderContext(
        environment: Environment(environment), homeDirectory: home, clock: clock, transport: transport, logger: logs.logger)
}

enum LoginTime {
    /// 2023-11-14T22:13:20Z.
    static let now: Double = 1_700_000_000
    static let nowSeconds: Int64 = 1_700_000_000

    static func iso(_ offset: Double) -> String {
        TimeFormat.iso8601(Date(timeIntervalSince1970: now + offset))
    }
}

/// The process environment with `PATH`, for running scripts.
func loginProcessEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
    var values = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"]
    values.merge(extra) { _, new in new }
    return values
}

/// Runs python3 with `arguments`; returns its standard output (nil when python3 is missing or fails).
func loginPython(_ script: String, _ arguments: [String] = []) throws -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return String(decoding: data, as: UTF8.self)
}

/// Whether python3 is available (the byte-exactness tests compare with it).
let loginHasPython: Bool = (try? loginPython("print('ok')")) == "ok\n"

/// Starts an emulator and a real HTTP client sending cloud-endpoint requests to it (`CLOUDCRED_CONNECT_TO`).
func withLoginEmulator<T>(_ body: (CloudEmulator, CloudHTTPClient) async throws -> T) async throws -> T {
    let emulator = CloudEmulator()
    return try await withRunning(emulator, environment: { Environment(["CLOUDCRED_CONNECT_TO": $0.connectTo]) }) { _, transport in
        try await body(emulator, transport)
    }
}

/// A context on the system clock (for the emulator, whose expirations are real).
func loginLiveContext(transport: any HTTPTransport, environment: [String: String] = [:], logs: LoginLogCapture = LoginLogCapture()) -> ProviderContext {
    ProviderContext(environment: Environment(environment), homeDirectory: "/nonexistent-home", clock: SystemClock(), transport: transport, logger: logs.logger)
}

/// Now in epoch seconds.
func loginEpochNow() -> Int64 { Int64(Date().timeIntervalSince1970) }
