import CloudEmulator
import CloudHTTP
import CredentialsCore
import Foundation
import Testing

@testable import RegistryLogin

/// One SWR test's world: the emulator on a free port, a manual clock shared with the client, and a transport whose
/// `CLOUDCRED_CONNECT_TO` points at the emulator.
struct SWRWorld: Sendable {
    let emulator: CloudEmulator
    let clock: ManualClock
    let transport: CloudHTTPClient
    let environment: Environment

    /// The emulator's standard permanent Huawei AK/SK.
    var permanentCredential: Credential {
        let key = emulator.configuration.huawei.accessKeys[0]
        return Credential(accessKeyId: key.ak, accessKeySecret: key.sk, providerName: "test")
    }

    var client: SWRTemporaryLogin { SWRTemporaryLogin(transport: transport, clock: clock) }

    func records() -> [RecordedRequest] { emulator.recordedRequests(.swr) }
}

/// Runs `body` in a fresh ``SWRWorld`` and tears it down afterwards.
func withSWRWorld<T>(_ configuration: EmulatorConfiguration = .standard, _ body: (SWRWorld) async throws -> T) async throws -> T {
    let clock = ManualClock(now: Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)))
    let emulator = CloudEmulator(configuration: configuration, clock: clock)
    try await emulator.start()
    let environment = Environment(["CLOUDCRED_CONNECT_TO": emulator.connectTo])
    let transport = CloudHTTPClient(environment: environment)
    let world = SWRWorld(emulator: emulator, clock: clock, transport: transport, environment: environment)
    do {
        let result = try await body(world)
        await transport.shutdown()
        await emulator.stop()
        return result
    } catch {
        await transport.shutdown()
        await emulator.stop()
        throw error
    }
}

/// The `CredentialsError` thrown by `body`, or nil (recording an issue) when it succeeds or throws something else.
func swrFailure<T>(_ body: () async throws -> T, sourceLocation: SourceLocation = #_sourceLocation) async -> CredentialsError? {
    do {
        _ = try await body()
        Issue.record("expected an error", sourceLocation: sourceLocation)
    } catch let error as CredentialsError {
        return error
    } catch {
        Issue.record("expected a CredentialsError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

enum SWRTestEndpoints {
    static let north4 = SWREndpoint(region: "cn-north-4")
    static let url = "https://swr-api.cn-north-4.myhuaweicloud.com/v2/manage/utils/secret"
}
