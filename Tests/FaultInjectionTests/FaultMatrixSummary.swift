import Foundation

/// The figures of a matrix run: a one-line summary and, on request, the outcome of every cell as a Markdown table.
struct FaultMatrixSummary {
    let reports: [FaultCell.Report]
    let seconds: Double

    var line: String {
        let noCache = reports.filter { $0.cell.mode == .noCache }
        let cached = reports.filter { $0.cell.mode == .cached }
        let failedAsExpected = noCache.filter { $0.outcome.hasPrefix("failed") && $0.problems.isEmpty }.count
        let stale = cached.filter(\.servedStale).count
        let slowest = reports.map(\.seconds).max() ?? 0
        let broken = reports.filter { !$0.problems.isEmpty }.count
        return "fault matrix: \(reports.count) cells (\(Set(reports.map(\.cell.subject.name)).count) endpoints × "
            + "\(Set(reports.map(\.cell.fault)).count) faults × 2 cache states, where they apply): "
            + "\(noCache.count) with no cache (\(failedAsExpected) clear failures), \(cached.count) with a cached value "
            + "(\(stale) served it stale); cells with problems: \(broken) (run twice: \(reports.filter(\.retried).count)); slowest call \(String(format: "%.1f", slowest)) s; "
            + "wall \(String(format: "%.1f", seconds)) s"
    }

    /// `| endpoint | fault | no cache | cached |` with each cell's outcome.
    var table: String {
        var rows = ["| endpoint | fault | no cached value | cached value due for refresh |", "|---|---|---|---|"]
        let subjects = reports.map(\.cell.subject.name).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.sorted()
        for subject in subjects {
            for fault in FaultKind.allCases {
                let cells = reports.filter { $0.cell.subject.name == subject && $0.cell.fault == fault }
                guard !cells.isEmpty else { continue }
                func show(_ mode: CellMode) -> String {
                    guard let report = cells.first(where: { $0.cell.mode == mode }) else { return "n/a" }
                    let text = report.outcome.replacingOccurrences(of: "|", with: "\\|")
                    return (report.problems.isEmpty ? "" : "**PROBLEM** ") + String(text.prefix(140))
                }
                rows.append("| \(subject) | \(fault) | \(show(.noCache)) | \(show(.cached)) |")
            }
        }
        return rows.joined(separator: "\n")
    }
}
