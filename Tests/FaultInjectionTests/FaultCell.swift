import CloudEmulator
import CloudcredTestSupport
import CredentialsCore
import Foundation

/// Whether the client already holds a value when the fault strikes.
enum CellMode: String, Sendable, CaseIterable {
    case noCache = "no cached value"
    /// A first fetch succeeded, then the clock moved into the refresh window (the value is due, not expired).
    case cached = "cached value due for refresh"
}

/// One cell of the matrix: a subject, a fault, a mode; run in its own emulator world.
struct FaultCell: Sendable, CustomStringConvertible {
    let subject: FaultSubject
    let fault: FaultKind
    let mode: CellMode

    var description: String { "\(subject.name) × \(fault) × \(mode.rawValue)" }

    /// What happened, for the assertions and the figures.
    struct Report: Sendable {
        let cell: FaultCell
        var problems: [String] = []
        /// The faulted call failed (with its message), or succeeded with the warm value (stale) or a new one.
        var outcome = ""
        var seconds = 0.0
        var servedStale = false
        /// The first run had problems; this is the second.
        var retried = false
    }

    /// The cells that apply: every subject × fault × mode, minus the cached column for clients with no refresh window.
    static func all(_ subjects: [FaultSubject]) -> [FaultCell] {
        var cells: [FaultCell] = []
        for subject in subjects {
            for fault in FaultKind.allCases where subject.applies(fault) {
                for mode in CellMode.allCases where mode == .noCache || subject.refreshWindowSeconds != nil {
                    cells.append(FaultCell(subject: subject, fault: fault, mode: mode))
                }
            }
        }
        // The slowest cells (timeouts) first, so they overlap with the rest.
        return cells.sorted { $0.expectedSeconds > $1.expectedSeconds }
    }

    var expectedSeconds: Double {
        switch fault {
        case .readTimeout: return Double(subject.timeouts.readMs) / 1000
        case .slowDripPastDeadline: return Double(subject.timeouts.connectMs + subject.timeouts.readMs) / 1000
        default: return 0
        }
    }

    /// Runs the cell; a cell with problems runs once more and the second run counts. A behaviour the matrix looks
    /// for fails both times; a loaded machine (the Huawei metadata client reads within 300 ms) rarely fails twice.
    func run() async -> Report {
        let first = await runOnce()
        guard !first.problems.isEmpty else { return first }
        var second = await runOnce()
        second.retried = true
        return second
    }

    private func runOnce() async -> Report {
        var report = Report(cell: self)
        do {
            try await withEmulatorWorld(subject.configuration, environment: subject.environment) { world in
                report = await run(in: world, report: report)
            }
        } catch {
            report.problems.append("setting up failed: \(error)")
        }
        return report
    }

    private func run(in world: EmulatorWorld, report: Report) async -> Report {
        var report = report
        let client: FaultClient
        var warm: Obtained?
        do {
            client = try subject.makeClient(world)
            if mode == .cached, let window = subject.refreshWindowSeconds {
                warm = try await client.fetch()
                world.clock.advance(by: window)
            }
        } catch {
            report.problems.append("the fault-free set-up call failed: \(error)")
            return report
        }
        if fault == .connectionRefused {
            await world.emulator.stop()
        } else if let rule = subject.rule(fault) {
            world.emulator.addFault(rule)
        }
        let bound = subject.timeouts.hangBoundSeconds
        let started = Date()
        let result = await withDeadline(seconds: bound) { () -> Result<Obtained, any Error> in
            do { return .success(try await client.fetch()) } catch { return .failure(error) }
        }
        report.seconds = Date().timeIntervalSince(started)
        guard let result, report.seconds <= bound else {
            report.problems.append("no answer within \(Int(bound)) s: a hang")
            return report
        }
        let expected = mode == .cached ? .succeeds : subject.expectation(fault)
        switch result {
        case .success(let value):
            report.servedStale = value == warm
            report.outcome = report.servedStale ? "served the cached value" : "new value"
            if let expiry = value.expiresAt, expiry <= world.clock.now() {
                report.problems.append("served a value that expired at \(expiry) as valid")
            }
            if expected == .fails { report.problems.append("succeeded (\(report.outcome)) where a failure was expected") }
        case .failure(let error):
            report.outcome = "failed: " + "\(error)"
            if expected == .succeeds {
                report.problems.append("failed where a value was expected: \(error)")
            } else {
                report.problems += Self.check(error, subject: subject, fault: fault, world: world)
            }
        }
        return report
    }

    /// A failure's contract: a `CredentialsError`, one line, naming the endpoint, no secret; a skewed clock said so.
    static func check(_ error: any Error, subject: FaultSubject, fault: FaultKind, world: EmulatorWorld) -> [String] {
        guard let error = error as? CredentialsError else { return ["not a CredentialsError: \(type(of: error)): \(error)"] }
        var problems: [String] = []
        let shown = error.message + " " + (error.hint ?? "")
        if error.message.contains("\n") || error.message.contains("\r") { problems.append("the message has several lines") }
        if !subject.names.contains(where: { shown.localizedCaseInsensitiveContains($0) }) {
            problems.append("the error names none of \(subject.names): \(error.message) | hint: \(error.hint ?? "none")")
        }
        if let leaked = world.leakedSecret(in: shown, extra: AlibabaSubjects.clientSecrets) {
            problems.append("the error shows a secret (\(leaked))")
        }
        if fault == .clockSkew, !shown.localizedCaseInsensitiveContains("clock") {
            problems.append("a refused timestamp is not reported as a clock problem: \(error.message) | hint: \(error.hint ?? "none")")
        }
        return problems
    }
}
