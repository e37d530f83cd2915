import CloudEmulator
import CloudHTTP
import CredentialsCore
import Foundation

/// One test's world over the in-process emulator: the emulator on a free loopback port, a manual clock shared by the
/// emulator and the clients, a temporary home (with XDG cache, data and config directories inside it), an environment
/// that points `CLOUDCRED_CONNECT_TO` at the emulator, and the HTTP transport built from that environment.
///
/// Nothing is read from the process environment, so any number of worlds run side by side.
public struct EmulatorWorld: Sendable {
    public let emulator: CloudEmulator
    public let clock: ManualClock
    /// The temporary home directory (removed by ``withEmulatorWorld(_:environment:_:)``).
    public let home: String
    /// `HOME`, `XDG_*_HOME`, `CLOUDCRED_CONNECT_TO`, both metadata services off, plus the caller's extra variables.
    public let environment: Environment
    public let transport: CloudHTTPClient

    /// The standard emulator's Alibaba Cloud AccessKey, as environment variables.
    public static let alibabaAccessKeyVariables: [String: String] = {
        let key = EmulatorConfiguration.standard.accessKeys[0]
        return ["ALIBABA_CLOUD_ACCESS_KEY_ID": key.id, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": key.secret]
    }()

    /// The standard emulator's Huawei Cloud permanent AK/SK, as environment variables.
    public static let huaweiAccessKeyVariables: [String: String] = {
        let key = EmulatorConfiguration.standard.huawei.accessKeys[0]
        return ["HUAWEICLOUD_SDK_AK": key.ak, "HUAWEICLOUD_SDK_SK": key.sk]
    }()

    /// Writes `content` at `relative` under the home (directories created, mode 0600) and returns the full path.
    @discardableResult
    public func write(_ relative: String, _ content: String) throws -> String {
        let path = home + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(content.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o600)
        return path
    }

    /// Every secret this world knows: the emulator's configured keys and every credential or registry password it
    /// issued. No error message may contain any of them (nor their first 12 characters).
    public func knownSecrets(extra: [String] = []) -> [String] {
        let configuration = emulator.configuration
        var secrets = extra
        secrets += configuration.accessKeys.map(\.secret)
        secrets += configuration.rsaKeyPairs.map(\.privateKey)
        secrets += configuration.huawei.accessKeys.map(\.sk)
        for issued in emulator.issuedCredentials() {
            secrets.append(issued.accessKeySecret)
            if let token = issued.securityToken { secrets.append(token) }
        }
        secrets += emulator.issuedRegistryLogins().map(\.password)
        return secrets.filter { $0.count >= 8 }
    }

    /// The secret (or its first 12 characters, for a body cut in half) that `text` shows, if any.
    public func leakedSecret(in text: String, extra: [String] = []) -> String? {
        for secret in knownSecrets(extra: extra) {
            // A PEM key: its longest line is the secret part.
            let lines: [Substring] = secret.split(whereSeparator: { $0 == "\n" })
            let core = lines.max(by: { $0.count < $1.count }).map(String.init) ?? secret
            if text.contains(String(core.prefix(12))) { return "\(core.prefix(4))… (\(core.count) characters)" }
        }
        return nil
    }
}

/// Runs `body` in a fresh ``EmulatorWorld`` and tears it down afterwards (transport, emulator, home).
///
/// - Parameters:
///   - configuration: the emulator's configuration.
///   - environment: extra variables (added to, or replacing, the world's own).
public func withEmulatorWorld<T: Sendable>(
    _ configuration: EmulatorConfiguration = .standard, environment extra: [String: String] = [:],
    _ body: (EmulatorWorld) async throws -> T
) async throws -> T {
    let home = NSTemporaryDirectory() + "cloudcred-world-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: home) }
    return try await withStartedEmulator(configuration, environment: { emulator in
        var values = [
            "HOME": home, "XDG_CACHE_HOME": home + "/cache", "XDG_DATA_HOME": home + "/data", "XDG_CONFIG_HOME": home + "/config",
            "CLOUDCRED_CONNECT_TO": emulator.connectTo,
            "ALIBABA_CLOUD_ECS_METADATA_DISABLED": "true", "HUAWEICLOUD_SDK_METADATA_DISABLED": "true",
        ]
        for (name, value) in extra { values[name] = value }
        return Environment(values)
    }) { emulator, clock, environment, transport in
        try await body(EmulatorWorld(emulator: emulator, clock: clock, home: home, environment: environment, transport: transport))
    }
}
