import CloudEmulator
import CloudHTTP
import CloudcredDoctor
import CredentialsCore
import Foundation
import Synchronization
import Testing

/// One doctor test's world: the emulator on a free port, a throw-away HOME with a docker config that sends the host
/// to a fake `docker-credential-cloudcred` on PATH, the emulator's AccessKey in the environment, ECS metadata off.
final class DoctorWorld: Sendable {
    /// What a scenario may change before the run.
    struct Settings: Sendable {
        var environment: Environment
        var options: DoctorOptions
        var resolver: (any HostResolver)?
        var trustRoots: [String] = []
        var limits = ProbeLimits(all: .seconds(5))
        var confirmer: (any FixConfirmer)?
    }

    let emulator: CloudEmulator
    let home: String
    private let settings: Mutex<Settings>

    static let fakeSecret = "FakeHelperSecretValue-0123456789"

    init(configuration: EmulatorConfiguration = .standard) async throws {
        emulator = CloudEmulator(configuration: configuration)
        try await emulator.start()
        home = FileManager.default.temporaryDirectory.appendingPathComponent("cloudcred-doctor-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home + "/bin", withIntermediateDirectories: true)
        let key = configuration.accessKeys.first
        let environment = Environment([
            "HOME": home, "PATH": home + "/bin:/usr/bin:/bin", "CLOUDCRED_CONNECT_TO": emulator.connectTo,
            "ALIBABA_CLOUD_ACCESS_KEY_ID": key?.id ?? "", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": key?.secret ?? "",
            "ALIBABA_CLOUD_ECS_METADATA_DISABLED": "true", "HUAWEICLOUD_SDK_METADATA_DISABLED": "true",
        ])
        settings = Mutex(Settings(environment: environment, options: DoctorOptions(timeoutSeconds: 30)))
        try writeHelper(script: Self.workingHelper)
    }

    /// Changes the settings.
    func update(_ change: (inout Settings) -> Void) {
        settings.withLock { change(&$0) }
    }

    var environment: Environment { settings.withLock { $0.environment } }

    /// Runs the doctor for `subject` and stops nothing (``finish()`` does).
    func run(_ subject: String?) async -> DoctorReport {
        let settings = settings.withLock { $0 }
        var options = settings.options
        options.subject = subject
        let transport = CloudHTTPClient(environment: settings.environment)
        let dependencies = DoctorDependencies(
            environment: settings.environment, transport: transport, resolver: settings.resolver,
            additionalTrustRootsPEM: settings.trustRoots, confirmer: settings.confirmer, limits: settings.limits)
        let report = await Doctor(options: options, dependencies: dependencies).run()
        // Not awaited: a probe left behind by a deadline may still be in flight; the task keeps the client alive.
        Task { await transport.shutdown() }
        return report
    }

    func finish() async {
        await emulator.stop()
        try? FileManager.default.removeItem(atPath: home)
    }

    // MARK: - Files

    /// Writes `text` at `relative` under HOME (directories made) with `mode`.
    func write(_ relative: String, _ text: String, mode: Int = 0o600) throws {
        let path = home + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    /// `~/.docker/config.json` sending `host` to cloudcred.
    func dockerConfig(sending host: String, extra: String = "") throws {
        try write(".docker/config.json", "{\n\t\"credHelpers\": {\"\(host)\": \"cloudcred\"}\(extra)\n}\n")
    }

    /// `~/bin/docker-credential-cloudcred` with this shell body.
    func writeHelper(script: String) throws {
        try write("bin/docker-credential-cloudcred", "#!/bin/sh\n" + script + "\n", mode: 0o755)
    }

    /// A helper that answers `version` and `get` as ours does.
    static let workingHelper = """
        case "$1" in
          version) echo "docker-credential-cloudcred \(CloudcredVersion.version) (commit test)" ;;
          get) read host; printf '{"ServerURL":"%s","Username":"fake-user","Secret":"\(fakeSecret)"}\\n' "$host" ;;
          *) echo "unknown"; exit 1 ;;
        esac
        """
}

/// Runs `body` in a fresh world and tears it down afterwards.
func withDoctorWorld<T>(_ configuration: EmulatorConfiguration = .standard, _ body: (DoctorWorld) async throws -> T) async throws -> T {
    let world = try await DoctorWorld(configuration: configuration)
    do {
        let result = try await body(world)
        await world.finish()
        return result
    } catch {
        await world.finish()
        throw error
    }
}
