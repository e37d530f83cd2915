import CloudEmulator
import Foundation
import Synchronization

/// Toggles faults on the STS and ACR token endpoints: on for 1–3 s, off for 1–3 s (real time), each outage with
/// one effect (503, reset mid-body, or a delay). Records every outage's length on the emulated clock, which the
/// upstream-call bound needs.
final class SoakFlapper: Sendable {
    struct Outage: Sendable {
        let effect: String
        let emulatedSeconds: Double
    }

    /// The effects an outage picks from. The delay is longer than the STS client's 1 s read timeout (a failure)
    /// and shorter than the ACR client's 10 s one (a slow success).
    static let effects: [FaultEffect] = [.status(503), .resetMidBody, .delay(milliseconds: 1500)]

    private let emulator: CloudEmulator
    private let now: @Sendable () -> Date
    private let outages = Mutex<[Outage]>([])

    init(emulator: CloudEmulator, now: @escaping @Sendable () -> Date) {
        self.emulator = emulator
        self.now = now
    }

    var recorded: [Outage] { outages.withLock { $0 } }

    /// Flaps until cancelled; the last outage is closed (faults cleared) on the way out.
    func run() async {
        var generator = SystemRandomNumberGenerator()
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: UInt64.random(in: 1_000_000_000...3_000_000_000, using: &generator))
            if Task.isCancelled { break }
            let effect = Self.effects.randomElement(using: &generator) ?? .status(503)
            let started = now()
            emulator.addFault(FaultRule(endpoint: .sts, action: "AssumeRole", effect: effect))
            emulator.addFault(FaultRule(endpoint: .acr, action: "GetAuthorizationToken", effect: effect))
            try? await Task.sleep(nanoseconds: UInt64.random(in: 1_000_000_000...3_000_000_000, using: &generator))
            emulator.clearFaults()
            let outage = Outage(effect: effect.name, emulatedSeconds: now().timeIntervalSince(started))
            outages.withLock { $0.append(outage) }
        }
        emulator.clearFaults()
    }
}
