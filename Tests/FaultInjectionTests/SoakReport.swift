import CloudEmulator
import Foundation

/// The soak's figures and the bound on upstream calls.
///
/// Bound, per endpoint: one call per refresh window elapsed (`1 + ⌊T / window⌋`: a successful call makes the value
/// fresh for a whole window), plus the retries during each outage of emulated length D:
/// * STS (the refresh engine's backoff: 0.5–1 s, doubling, at most 60 s, halved by jitter at worst): the k-th
///   consecutive retry comes at least 0.5·min(60, 2^(k−1)) s after the previous one, so an outage holds at most
///   `7 + D/30` calls; one more for a request already in flight when the outage ends.
/// * ACR (the login service: after a failed refresh the cached token counts as fresh for 30 s, and a failure is
///   remembered for 30 s): at most `1 + D/30` calls; one more in flight.
struct SoakReport {
    let emulatedSeconds: Double
    let realSeconds: Double
    let ledger: SoakLedger
    let outages: [SoakFlapper.Outage]
    let emulator: CloudEmulator

    var stsCalls: Int { emulator.recordedRequests(.sts).filter { $0.parameters["Action"] == "AssumeRole" }.count }
    var acrCalls: Int { emulator.requestCount(.acr) }
    var faultedCalls: Int { (emulator.recordedRequests(.sts) + emulator.recordedRequests(.acr)).filter { !$0.faults.isEmpty }.count }

    func windows(_ window: Double) -> Int { 1 + Int(emulatedSeconds / window) }
    func retries(perOutage fixed: Int) -> Int { outages.reduce(0) { $0 + fixed + 1 + Int(($1.emulatedSeconds / 30).rounded(.up)) } }

    var stsBound: Int { windows(SoakTests.stsWindow) + retries(perOutage: 7) }
    var acrBound: Int { windows(SoakTests.acrWindow) + retries(perOutage: 1) }

    var line: String {
        let served = ledger.served(.ramRole) + ledger.served(.acr)
        let failed = ledger.failed(.ramRole) + ledger.failed(.acr)
        return "soak: \(Int(realSeconds)) s real = \(Int(emulatedSeconds)) s emulated, \(SoakTests.clients) clients: "
            + "\(served) requests served (RAM role \(ledger.served(.ramRole)), ACR \(ledger.served(.acr))), \(failed) failed "
            + "(\(ledger.violations.count) while a valid value was cached); upstream calls: STS AssumeRole \(stsCalls) "
            + "(bound \(stsBound) = \(windows(SoakTests.stsWindow)) windows + backoff retries), ACR \(acrCalls) "
            + "(bound \(acrBound) = \(windows(SoakTests.acrWindow)) windows + retries); faults injected: \(outages.count) outages "
            + "(\(Set(outages.map(\.effect)).sorted().joined(separator: ", "))), \(faultedCalls) faulted upstream requests"
    }
}
