import AlibabaCloudCredentials
import CloudEmulator
import CloudHTTP
import CredentialsCore

/// The in-process cloud emulator on 127.0.0.1, a clock shared with it, and a provider context whose
/// `CLOUDCRED_CONNECT_TO` points at it, as the library's own tests build them.
struct EmulatorWorld: Sendable {
    let emulator: CloudEmulator
    /// The manual clock of a world started with `manualClock: true` (for moving to the stale time).
    let manualClock: ManualClock?
    let context: ProviderContext
    let accessKey: EmulatorAccessKey
    let role: EmulatorRole

    /// - Parameter manualClock: a clock that moves only when told (benchmark 5); else the system clock, as in
    ///   production (benchmark 4: reading the clock is part of every cached call).
    static func start(manualClock: Bool) async throws -> EmulatorWorld {
        let manual = manualClock ? ManualClock(now: SystemClock().now()) : nil
        let clock: any CredentialsClock = manual ?? SystemClock()
        let emulator = CloudEmulator(configuration: .standard, clock: clock)
        _ = try await emulator.start()
        let environment = Environment(["HOME": "/nonexistent", "CLOUDCRED_CONNECT_TO": emulator.connectTo])
        let context = ProviderContext(
            environment: environment, homeDirectory: "/nonexistent", clock: clock, transport: CloudHTTPClient(environment: environment))
        guard let accessKey = emulator.configuration.accessKeys.first, let role = emulator.configuration.roles.first else {
            throw CredentialsError(.invalidArgument, "the standard emulator configuration has no AccessKey or role")
        }
        return EmulatorWorld(emulator: emulator, manualClock: manual, context: context, accessKey: accessKey, role: role)
    }

    /// A RAM role provider (`ram_role_arn` over the standard AccessKey), as `Config(type: "ram_role_arn")` builds it.
    func ramRoleProvider() throws -> RAMRoleARNProvider {
        let source = try StaticAKProvider(accessKeyId: accessKey.id, accessKeySecret: accessKey.secret, environment: context.environment)
        return try RAMRoleARNProvider(source: source, roleARN: role.arn, roleSessionName: "bench", context: context)
    }

    /// The Python library's `Client(Config(type='ram_role_arn', …))` in Swift.
    func ramRoleClient() throws -> CredentialsClient {
        let config = Config(type: "ram_role_arn", accessKeyId: accessKey.id, accessKeySecret: accessKey.secret, roleArn: role.arn, roleSessionName: "bench")
        return try CredentialsClient(config: config, context: context)
    }

    var stsCalls: Int { emulator.requestCount(.sts) }

    func stop() async {
        await context.transport.shutdown()
        await emulator.stop()
    }
}
