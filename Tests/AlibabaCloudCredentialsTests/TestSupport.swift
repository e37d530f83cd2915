import CloudcredTestSupport
import CloudEmulator
import CloudHTTP
import CredentialsCore
import Foundation
import Testing

@testable import AlibabaCloudCredentials

/// A temporary directory used as `HOME` by one test.
struct TempHome: Sendable {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "cloudcred-providers-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
        guard let made else {
            throw CredentialsError(.file, "mkdtemp failed")
        }
        path = String(cString: made)
    }

    /// Writes `content` at `relative` (directories created) and returns the absolute path.
    @discardableResult
    func write(_ relative: String, _ content: String) throws -> String {
        let full = relative.hasPrefix("/") ? relative : path + "/" + relative
        let directory = (full as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data(content.utf8).write(to: URL(fileURLWithPath: full))
        return full
    }

    func remove(_ relative: String) {
        try? FileManager.default.removeItem(atPath: path + "/" + relative)
    }

    func removeAll() {
        try? FileManager.default.removeItem(atPath: path)
    }

    var iniPath: String { path + "/.alibabacloud/credentials.ini" }
    var cliConfigPath: String { path + "/.aliyun/config.json" }
}

/// One test's world: an emulator on a free port, a temporary `HOME`, a manual clock shared by the emulator
/// and the providers, and an environment whose `CLOUDCRED_CONNECT_TO` points at the emulator.
struct TestWorld: Sendable {
    let emulator: CloudEmulator
    let home: TempHome
    let clock: ManualClock
    let transport: CloudHTTPClient
    /// `HOME` and `CLOUDCRED_CONNECT_TO` only: nothing leaks in from the process environment.
    let baseEnvironment: Environment

    /// A context with the base environment plus `extra`.
    func context(_ extra: [String: String] = [:]) -> ProviderContext {
        var environment = baseEnvironment
        for (name, value) in extra { environment[name] = value }
        return ProviderContext(environment: environment, homeDirectory: home.path, clock: clock, transport: transport)
    }

    /// `http://127.0.0.1:PORT/credentials`.
    var credentialsURI: String { emulator.baseURL + "/credentials" }

    /// The requests the emulator recorded for an endpoint.
    func records(_ endpoint: EmulatorEndpoint) -> [RecordedRequest] { emulator.recordedRequests(endpoint) }
}

/// Runs `body` in a fresh ``TestWorld`` and tears it down afterwards.
func withWorld<T>(
    _ configuration: EmulatorConfiguration = .standard, _ body: (TestWorld) async throws -> T
) async throws -> T {
    let home = try TempHome()
    defer { home.removeAll() }
    return try await withStartedEmulator(configuration, environment: { emulator in
        Environment(["HOME": home.path, "CLOUDCRED_CONNECT_TO": emulator.connectTo])
    }) { emulator, clock, environment, transport in
        try await body(TestWorld(emulator: emulator, home: home, clock: clock, transport: transport, baseEnvironment: environment))
    }
}

/// An address on which nothing listens (a started and stopped emulator's port): connections are refused.
func closedLoopbackAddress() async throws -> String {
    let emulator = CloudEmulator()
    try await emulator.start()
    let address = emulator.connectTo
    await emulator.stop()
    return address
}

/// Waits (real time, at most `seconds`) until `condition` holds.
func eventually(within seconds: Double = 5, _ condition: () -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        try? await Task.sleep(nanoseconds: 20_000_000)
    }
    return condition()
}

/// The standard emulator identities.
enum Standard {
    static let configuration = EmulatorConfiguration.standard
    static let accessKeyId = configuration.accessKeys[0].id
    static let secret = configuration.accessKeys[0].secret
    static let roleArn = configuration.roles[0].arn
    static let oidcProviderArn = configuration.oidcProviders[0].arn
    static let publicKeyId = configuration.rsaKeyPairs[0].publicKeyId
    static let privateKey = configuration.rsaKeyPairs[0].privateKey
    static let ecsRole = configuration.ecs.roleName
    static let ecsCredentialsPath = "/latest/meta-data/ram/security-credentials/" + configuration.ecs.roleName
    static let ecsListPath = "/latest/meta-data/ram/security-credentials/"
    static let ecsTokenPath = "/latest/api/token"
}

extension EmulatorConfiguration {
    /// The standard configuration with another ECS metadata mode.
    static func standard(ecsMode: EmulatorECS.Mode) -> EmulatorConfiguration {
        var configuration = EmulatorConfiguration.standard
        configuration.ecs.mode = ecsMode
        return configuration
    }
}

extension RecordedRequest {
    /// The query parameter names in the order received.
    var queryNames: [String] { query.map(\.name) }
    /// The first value of a query parameter.
    func queryValue(_ name: String) -> String? { query.first { $0.name == name }?.value }
}
