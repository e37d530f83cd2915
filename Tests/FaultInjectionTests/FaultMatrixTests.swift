import CloudcredTestSupport
import Foundation
import Testing

/// Every endpoint we call × every fault × {no cached value, a cached value due for refresh}, through the real
/// providers and clients over loopback. See docs/RELIABILITY.md, "Fault injection".
@Suite("Fault injection matrix")
struct FaultMatrixTests {
    static let subjects = AlibabaSubjects.all + RegistrySubjects.all

    /// Cells run concurrently, each with its own emulator; the limiter keeps a loaded 2-core machine responsive.
    static let concurrentCells = 16

    @Test("every endpoint × fault × cache state: a clear error naming the endpoint, stale-if-error, never a hang")
    func matrix() async throws {
        let cells = FaultCell.all(Self.subjects)
        let limiter = FaultLimiter(permits: Self.concurrentCells)
        let started = Date()
        let reports = await withTaskGroup(of: FaultCell.Report.self) { group in
            for cell in cells { group.addTask { await limiter.run { await cell.run() } } }
            return await group.reduce(into: [FaultCell.Report]()) { $0.append($1) }
        }
        for report in reports.sorted(by: { $0.cell.description < $1.cell.description }) {
            for problem in report.problems { Issue.record("\(report.cell): \(problem)") }
        }
        let summary = FaultMatrixSummary(reports: reports, seconds: Date().timeIntervalSince(started))
        print(summary.line)
        if ProcessInfo.processInfo.environment["CLOUDCRED_FAULT_MATRIX_TABLE"] != nil { print(summary.table) }
        #expect(reports.count == cells.count)
    }
}
