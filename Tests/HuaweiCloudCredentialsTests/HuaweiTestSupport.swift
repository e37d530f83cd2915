import CloudcredTestSupport
import CloudEmulator
import CloudHTTP
import CredentialsCore
import Foundation
import Testing

@testable import HuaweiCloudCredentials

/// A temporary directory used as `HOME` by one test.
struct TempHome: Sendable {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "cloudcred-huawei-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
        guard let made else { throw CredentialsError(.file, "mkdtemp failed") }
        path = String(cString: made)
    }

    /// Writes `content` at `relative` (directories created) and returns the absolute path.
    @discardableResult
    func write(_ relative: String, _ content: String) throws -> String {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(content.utf8).write(to: URL(fileURLWithPath: full))
        return full
    }

    func removeAll() { try? FileManager.default.removeItem(atPath: path) }

    /// `<home>/.huaweicloud/credentials`.
    var credentialsPath: String { path + "/.huaweicloud/credentials" }
}

/// One test's world: the emulator on a free port, a temporary `HOME`, a manual clock shared by the emulator and the
/// providers, and an environment of `HOME` and `CLOUDCRED_CONNECT_TO` only.
struct HuaweiWorld: Sendable {
    let emulator: CloudEmulator
    let home: TempHome
    let clock: ManualClock
    let transport: CloudHTTPClient
    let baseEnvironment: Environment

    /// The base environment plus `extra`.
    func environment(_ extra: [String: String] = [:]) -> Environment {
        var environment = baseEnvironment
        for (name, value) in extra { environment[name] = value }
        return environment
    }

    /// A metadata provider with read timeouts 10 × the production ones: these tests are about answers, and a loaded
    /// machine must not turn them into timeouts (the time box itself is tested by HuaweiMetadataTimeBoxTests).
    func metadataProvider(_ extra: [String: String] = [:]) throws -> HuaweiMetadataProvider {
        try HuaweiMetadataProvider(environment: environment(extra), transport: transport, clock: clock, readTimeoutScale: 10)
    }

    /// The standard chain, with the same patient metadata source.
    func chain(_ extra: [String: String] = [:]) -> HuaweiCredentialsChain {
        HuaweiCredentialsChain(environment: environment(extra), transport: transport, clock: clock, metadataReadTimeoutScale: 10)
    }

    func records() -> [RecordedRequest] { emulator.recordedRequests(.huaweiMetadata) }
}

/// Runs `body` in a fresh ``HuaweiWorld`` and tears it down afterwards.
func withHuaweiWorld<T>(
    _ configuration: EmulatorConfiguration = .standard, _ body: (HuaweiWorld) async throws -> T
) async throws -> T {
    let home = try TempHome()
    defer { home.removeAll() }
    return try await withStartedEmulator(configuration, environment: { emulator in
        Environment(["HOME": home.path, "CLOUDCRED_CONNECT_TO": emulator.connectTo])
    }) { emulator, clock, environment, transport in
        try await body(HuaweiWorld(emulator: emulator, home: home, clock: clock, transport: transport, baseEnvironment: environment))
    }
}

extension EmulatorConfiguration {
    /// The standard configuration with another Huawei metadata mode and agency.
    static func huawei(_ mode: EmulatorHuaweiMetadata.Mode, agency: String? = "EmulatorAgency") -> EmulatorConfiguration {
        var configuration = EmulatorConfiguration.standard
        configuration.huawei.metadata.mode = mode
        configuration.huawei.metadata.agencyName = agency
        return configuration
    }
}

/// Paths of the Huawei metadata service.
enum HuaweiPaths {
    static let token = "/meta-data/latest/api/token"
    static let securityKey = "/openstack/latest/securitykey"
}
