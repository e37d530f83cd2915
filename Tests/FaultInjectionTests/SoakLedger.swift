import Foundation
import Synchronization

/// What the soak's clients saw: requests served and failed per kind, and every failure that happened while a
/// value it had served was still valid (the property under test), or every value served already expired.
final class SoakLedger: Sendable {
    enum Kind: String, Sendable, CaseIterable {
        case ramRole = "RAM role"
        case acr = "ACR"
    }

    private struct State {
        var served: [Kind: Int] = [:]
        var failed: [Kind: Int] = [:]
        /// Until when the values served so far stay valid (ACR: usable, i.e. 60 s before expiry).
        var validUntil: [Kind: Date] = [:]
        var violations: [String] = []
        var firstFailure: [Kind: String] = [:]
    }

    private let state = Mutex(State())

    func served(_ kind: Kind, validUntil: Date?, now: Date) {
        state.withLock { state in
            state.served[kind, default: 0] += 1
            guard let validUntil else { return }
            if validUntil <= now, state.violations.count < 20 {
                state.violations.append("\(kind.rawValue): served a value valid only until \(validUntil) at \(now)")
            }
            state.validUntil[kind] = max(state.validUntil[kind] ?? validUntil, validUntil)
        }
    }

    func failed(_ kind: Kind, error: any Error, now: Date) {
        state.withLock { state in
            state.failed[kind, default: 0] += 1
            if state.firstFailure[kind] == nil { state.firstFailure[kind] = "\(error)" }
            if let valid = state.validUntil[kind], now < valid, state.violations.count < 20 {
                state.violations.append("\(kind.rawValue): failed at \(now) while a value valid until \(valid) was cached: \(error)")
            }
        }
    }

    func served(_ kind: Kind) -> Int { state.withLock { $0.served[kind] ?? 0 } }
    func failed(_ kind: Kind) -> Int { state.withLock { $0.failed[kind] ?? 0 } }
    var violations: [String] { state.withLock { $0.violations } }
    /// The first failure of each kind, for the summary (the failures the test allows: no valid value was cached).
    var firstFailures: [String] {
        state.withLock { state in Kind.allCases.compactMap { kind in state.firstFailure[kind].map { "\(kind.rawValue): \($0)" } } }
    }
}
