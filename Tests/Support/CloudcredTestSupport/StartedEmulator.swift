import CloudEmulator
import CloudHTTP
import CredentialsCore
import Foundation

/// The life cycle every emulator-backed test world shares: `emulator` started on a free loopback port, the
/// environment the caller builds around it, and an HTTP transport from that environment; `body` runs with them,
/// then the transport and the emulator are shut down, whether `body` returned or threw.
public func withRunning<T>(
    _ emulator: CloudEmulator,
    environment: (CloudEmulator) throws -> Environment,
    _ body: (_ environment: Environment, _ transport: CloudHTTPClient) async throws -> T
) async throws -> T {
    try await emulator.start()
    let transport: CloudHTTPClient
    let built: Environment
    do {
        built = try environment(emulator)
        transport = CloudHTTPClient(environment: built)
    } catch {
        await emulator.stop()
        throw error
    }
    do {
        let result = try await body(built, transport)
        await transport.shutdown()
        await emulator.stop()
        return result
    } catch {
        await transport.shutdown()
        await emulator.stop()
        throw error
    }
}

/// ``withRunning(_:environment:_:)`` for a new emulator on a manual clock (now, in whole seconds) that the test
/// shares with its clients.
public func withStartedEmulator<T>(
    _ configuration: EmulatorConfiguration = .standard,
    environment: (CloudEmulator) throws -> Environment,
    _ body: (_ emulator: CloudEmulator, _ clock: ManualClock, _ environment: Environment, _ transport: CloudHTTPClient) async throws -> T
) async throws -> T {
    let clock = ManualClock(now: Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)))
    let emulator = CloudEmulator(configuration: configuration, clock: clock)
    return try await withRunning(emulator, environment: environment) { environment, transport in
        try await body(emulator, clock, environment, transport)
    }
}
