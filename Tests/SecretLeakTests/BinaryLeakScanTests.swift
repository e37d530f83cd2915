import CloudcredTestSupport
import Foundation
import Testing

/// Layer 1 of the secret-leak scan (docs/RELIABILITY.md): the built `cloudcred` and `docker-credential-cloudcred`
/// against the emulator, every command and helper verb, success and failure paths, canaries planted everywhere a
/// secret enters; every stream, the debug log file and every file written scanned unless the allow-list permits it.
@Suite("Secret-leak scan: built binaries")
struct BinaryLeakScanTests {
    @Test("no canary, issued secret or secret shape in any forbidden channel of any scenario")
    func scanEveryScenario() async throws {
        let rules = try LeakRules.load()
        let scenarios = LeakScenario.all
        let outcome = await LeakScenarioRunner.run(scenarios, rules: rules)
        for error in outcome.errors { Issue.record("scenario problem: \(error)") }

        let (figures, _) = LeakVerdict.judge(outcome.channels, rules: rules.adding(outcome.issuedSecrets))
        var shown = figures
        shown.scenarios = scenarios.count
        shown.runs = outcome.channels.filter { $0.name.hasSuffix("[stdout]") }.count
        print("secret-leak scan (binaries): \(shown)")
        let slowest = outcome.slowest.sorted { $0.1 > $1.1 }.prefix(8).map { "\(($0.1 * 10).rounded() / 10)s \($0.0)" }
        print("secret-leak scan (binaries): slowest runs: \(slowest.joined(separator: "; "))")

        // The scan cannot pass by seeing nothing: runs happened, debug logs were written, secrets moved.
        #expect(shown.runs >= 150)
        #expect(outcome.channels.contains { $0.name.contains(" log ") && !$0.text.isEmpty })
        #expect(figures.allowedHits >= 20, "the allowed channels should hand over secrets: \(figures.allowedHits)")
        #expect(outcome.issuedSecrets.count >= 10)
    }
}
