import CloudcredTestSupport
import CloudEmulator
import Foundation
import Testing

/// Every bad input through the real binaries: a non-zero exit (for the helper: what the docker protocol demands,
/// one line on stdout and exit 1), exactly one error line (plus `hint:`), naming what is wrong, no crash text, no
/// secret, and the files of HOME unchanged.
@Suite("Bad-input corpus (built binaries)")
struct BadInputTests {
    static let rows: [BadInput] = FileRows.rows + StreamRows.rows + CommandRows.argumentRows + CommandRows.environmentRows + CommandRows.serverRows

    @Test("the corpus covers at least 120 inputs in every category")
    func corpusSize() {
        #expect(Self.rows.count >= 120)
        let counts = Dictionary(grouping: Self.rows, by: \.category).mapValues(\.count)
        for category in BadInput.Category.allCases { #expect((counts[category] ?? 0) > 0, "no row for \(category.rawValue)") }
        print("bad-input rows: \(Self.rows.count); " + BadInput.Category.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", "))
    }

    @Test("a bad input ends in one clear line, a failure status and no damage", arguments: BadInputTests.rows)
    func badInput(row: BadInput) async throws {
        if let knownIssue = row.knownIssue {
            await withKnownIssue(Comment(rawValue: knownIssue), isIntermittent: true) { try await check(row) }
        } else {
            try await check(row)
        }
    }

    private func check(_ row: BadInput) async throws {
        let home = try BinaryRunner.makeHome()
        defer { BadInputHome.remove(home) }
        if row.files.contains(where: { if case .unreadable = $0.1 { return true } else { return false } }) && geteuid() == 0 {
            print("skipped \(row.testDescription): running as root, where mode 000 does not stop reads")
            return
        }
        let expand = { (text: String) in BadInputHome.expand(text, home: home) }
        var environment = BinaryRunner.cleanEnvironment(home: home)
        var emulator: CloudEmulator?
        var secrets = [BadInput.canary]
        var files = row.files
        if let fault = row.fault {
            let started = CloudEmulator()
            _ = try await started.start()
            emulator = started
            started.addFault(BadInputFaults.rule(fault))
            environment["CLOUDCRED_CONNECT_TO"] = started.connectTo
            let key = try #require(started.configuration.accessKeys.first)
            let role = try #require(started.configuration.roles.first)
            secrets.append(key.secret)
            let fill = { (text: String) in
                text.replacingOccurrences(of: "@URL", with: started.baseURL).replacingOccurrences(of: "@KEYID", with: key.id)
                    .replacingOccurrences(of: "@KEYSECRET", with: key.secret).replacingOccurrences(of: "@ROLE", with: role.arn)
            }
            environment.merge(row.environment.mapValues(fill)) { _, new in new }
            files = files.map { path, plant in
                if case .text(let text) = plant { return (path, .text(fill(text))) }
                return (path, plant)
            }
        } else {
            environment.merge(row.environment.mapValues(expand)) { _, new in new }
        }
        try BadInputHome.plant(files, home: home)
        defer { if let emulator { Task { await emulator.stop() } } }
        let before = FileTestSupport.snapshot(home)

        let (result, timedOut) = try await BadInputRunner.run(
            row.binary.rawValue, row.arguments.map(expand), stdin: row.stdin, environment: environment, timeout: 60)

        if let emulator { secrets += emulator.issuedCredentials().flatMap { [$0.accessKeySecret, $0.securityToken ?? ""] }.filter { $0.count >= 8 } }
        #expect(!timedOut, "the command did not end within 60 s")
        let names = row.names.map { expand($0).replacingOccurrences(of: "@URL", with: emulator?.baseURL ?? "@URL") }
        let errorText: String
        switch row.binary {
        case _ where row.expectSuccess:
            #expect(result.status == 0, "exit status \(result.status): \(result.stdout.prefix(300)) \(result.stderr.prefix(300))")
            #expect(result.stderr.isEmpty, "stderr: \(result.stderr.prefix(300))")
            errorText = result.stdout
        case .cloudcred:
            #expect(result.status != 0, "exit status 0; stdout: \(result.stdout.prefix(200))")
            if let status = row.status { #expect(result.status == status) }
            let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(result.stderr.hasSuffix("\n"))
            #expect((1...2).contains(lines.count), "stderr has \(lines.count) lines: \(result.stderr.prefix(600))")
            #expect(lines.first?.hasPrefix("cloudcred: error: ") == true, "first line: \(lines.first ?? "")")
            if lines.count == 2 { #expect(lines.last?.hasPrefix("hint: ") == true, "second line: \(lines.last ?? "")") }
            if let hint = row.hint { #expect(lines.count == 2 && lines.last?.contains(hint) == true, "no hint with \(hint): \(result.stderr)") }
            errorText = result.stderr
        case .helper:
            #expect(result.status == 1, "exit status \(result.status)")
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(lines.count == 1 && result.stdout.hasSuffix("\n"), "stdout: \(result.stdout.prefix(600))")
            #expect(result.stderr.isEmpty, "stderr: \(result.stderr.prefix(300))")
            errorText = result.stdout
        }
        for name in names where !name.isEmpty {
            #expect(errorText.contains(name), "the error does not name \(name): \(errorText.prefix(600))")
        }
        for crash in ["Fatal error", "Swift runtime", "Backtrace", "backtrace", "Stack dump", "Current stack trace", "SIGSEGV", "SIGILL"] {
            #expect(!(result.stderr + result.stdout).contains(crash), "crash text \(crash)")
        }
        for secret in secrets where (result.stderr + result.stdout).contains(secret) {
            Issue.record("a secret is printed: \(secret.prefix(6))…")
        }
        // The token cache may remember the failure (30 s) and leave its lock files: that is its job.
        let isCache = { (relative: String) in relative.hasPrefix(".cache/") }
        #expect(FileTestSupport.snapshot(home).filter { !isCache($0.key) } == before.filter { !isCache($0.key) }, "the files of HOME changed")
    }
}
