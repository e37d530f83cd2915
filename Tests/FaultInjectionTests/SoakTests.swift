import AlibabaCloudCredentials
import CloudEmulator
import CloudcredTestSupport
import CredentialsCore
import Foundation
import RegistryLogin
import Testing

/// The STS and ACR token endpoints flap while 50 clients keep asking a RAM role ARN provider for credentials and
/// the registry login service for ACR passwords. Time runs on the emulator's clock, `speedup` times faster than
/// real time, so short-lived credentials go through many refresh windows in a short run.
///
/// `CLOUDCRED_SOAK_SECONDS` sets the real duration (default 20 s; `scripts/soak` runs 600 s).
@Suite("Soak: flapping STS and ACR under 50 concurrent clients")
struct SoakTests {
    static let clients = 50
    /// Emulated seconds per real second.
    static let speedup = 60.0
    /// STS credentials live 1200 s and are due 900 s before expiry: one refresh window per 300 emulated seconds.
    static let stsDuration = 1200
    static let stsWindow = 300.0
    /// ACR tokens live 900 s and are refetched between 40 % and 50 % of their life: at most one refresh window per
    /// 360 emulated seconds.
    static let acrLifetime = 900
    static let acrWindow = 360.0
    static let acrHost = "registry.cn-hangzhou.aliyuncs.com"

    static var seconds: Double {
        ProcessInfo.processInfo.environment["CLOUDCRED_SOAK_SECONDS"].flatMap(Double.init).map { max(1, $0) } ?? 20
    }

    @Test("no failed request while a valid value is cached; upstream calls within refresh windows plus backoff retries")
    func soak() async throws {
        var configuration = EmulatorConfiguration.standard
        configuration.acr.tokenLifetimeSeconds = Self.acrLifetime
        try await withEmulatorWorld(configuration, environment: EmulatorWorld.alibabaAccessKeyVariables) { world in
            let key = configuration.accessKeys[0]
            let context = ProviderContext(environment: world.environment, homeDirectory: world.home, clock: world.clock, transport: world.transport)
            let ramRole = try RAMRoleARNProvider(
                source: try StaticAKProvider(accessKeyId: key.id, accessKeySecret: key.secret, environment: world.environment),
                roleARN: configuration.roles[0].arn, durationSeconds: Self.stsDuration,
                httpOptions: HTTPOptions(connectTimeoutMs: 1000, readTimeoutMs: 1000), context: context)
            let logins = try RegistryLoginService(environment: world.environment, clock: world.clock, transport: world.transport)
            let ledger = SoakLedger()
            let clock = world.clock
            let startedAt = clock.now()

            let ticker = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(nanoseconds: 50_000_000)
                    clock.advance(by: Self.speedup * 0.05)
                }
            }
            let flapper = SoakFlapper(emulator: world.emulator, now: { clock.now() })
            let flapping = Task { await flapper.run() }
            let deadline = Date().addingTimeInterval(Self.seconds)
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<Self.clients {
                    group.addTask { await Self.client(until: deadline, ramRole: ramRole, logins: logins, ledger: ledger, clock: clock) }
                }
            }
            flapping.cancel()
            await flapping.value
            ticker.cancel()

            let report = SoakReport(
                emulatedSeconds: clock.now().timeIntervalSince(startedAt), realSeconds: Self.seconds, ledger: ledger,
                outages: flapper.recorded, emulator: world.emulator)
            print(report.line)
            for failure in ledger.firstFailures { print("soak: first failure (no valid value cached) \(failure)") }
            for violation in ledger.violations { Issue.record(Comment(rawValue: violation)) }
            #expect(ledger.served(.ramRole) > 0 && ledger.served(.acr) > 0)
            #expect(report.stsCalls <= report.stsBound, "STS AssumeRole calls \(report.stsCalls) > bound \(report.stsBound)")
            #expect(report.acrCalls <= report.acrBound, "ACR GetAuthorizationToken calls \(report.acrCalls) > bound \(report.acrBound)")
        }
    }

    /// One client: alternately a RAM role credential and an ACR password, a short pause between requests.
    static func client(
        until deadline: Date, ramRole: RAMRoleARNProvider, logins: RegistryLoginService, ledger: SoakLedger, clock: ManualClock
    ) async {
        while Date() < deadline {
            do {
                let credential = try await ramRole.credential()
                ledger.served(.ramRole, validUntil: credential.expiration, now: clock.now())
            } catch {
                ledger.failed(.ramRole, error: error, now: clock.now())
            }
            do {
                guard case .login(let password, _) = try await logins.login(for: acrHost) else { throw CredentialsError(.providerFailed, "not ours") }
                ledger.served(.acr, validUntil: password.expiresAt.map { $0.addingTimeInterval(-60) }, now: clock.now())
            } catch {
                ledger.failed(.acr, error: error, now: clock.now())
            }
            try? await Task.sleep(nanoseconds: 50_000_000)
        }
    }
}
