import CloudcredTestSupport
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
    try await withStartedEmulator(configuration, environment: { emulator in
        Environment(["CLOUDCRED_CONNECT_TO": emulator.connectTo])
    }) { emulator, clock, environment, transport in
        try await body(SWRWorld(emulator: emulator, clock: clock, transport: transport, environment: environment))
    }
}

enum SWRTestEndpoints {
    static let north4 = SWREndpoint(region: "cn-north-4")
    static let url = "https://swr-api.cn-north-4.myhuaweicloud.com/v2/manage/utils/secret"
}
