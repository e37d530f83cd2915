import CloudEmulator
import CloudcredDoctor
import CredentialsCore
import Foundation
import Testing

/// One thing the doctor must name: the check, the status and the cause (its catalogue key), optionally an argument.
struct Expectation: Sendable {
    var check: CheckID
    var status: FindingStatus
    var key: String
    /// A text one of the finding's arguments must contain (a host, a name).
    var argument: String?
    /// Arguments that must be exactly these, by position (a line and a column).
    var positions: [Int: String]

    init(_ check: CheckID, _ status: FindingStatus, _ key: String, argument: String? = nil, positions: [Int: String] = [:]) {
        self.check = check
        self.status = status
        self.key = key
        self.argument = argument
        self.positions = positions
    }
}

/// A failure (or a healthy setup) reproduced on the emulator or with local files, and what the doctor must say.
struct Scenario: Sendable, CustomTestStringConvertible {
    var name: String
    var subject: String?
    var configuration: EmulatorConfiguration = .standard
    var expect: [Expectation]
    /// The exit status the run must have, when it matters.
    var exitCode: Int32?
    var prepare: @Sendable (DoctorWorld) async throws -> Void

    var testDescription: String { name }

    init(
        _ name: String, _ subject: String?, configuration: EmulatorConfiguration = .standard, exitCode: Int32? = nil,
        expect: [Expectation], prepare: @escaping @Sendable (DoctorWorld) async throws -> Void = { _ in }
    ) {
        self.name = name
        self.subject = subject
        self.configuration = configuration
        self.expect = expect
        self.exitCode = exitCode
        self.prepare = prepare
    }

    /// Runs the scenario and checks every expectation in both languages, in the human report and the JSON report,
    /// and that no secret appears in any of them.
    func verify() async throws {
        try await withDoctorWorld(configuration) { world in
            if let host = subject.flatMap({ DoctorSubject($0).host }) { try world.dockerConfig(sending: host) }
            try await prepare(world)
            let report = await world.run(subject)
            let keys = report.findings.map { finding in
                "\(finding.check.rawValue)/\(finding.status.rawValue)/\(finding.cause.key)"
                    + (finding.status == .fail ? "\(finding.cause.arguments)" : "")
            }
            for expectation in expect {
                let finding = report.findings.first { finding in
                    finding.check == expectation.check && finding.cause.key == expectation.key
                        && (expectation.argument.map { argument in finding.cause.arguments.contains { $0.contains(argument) } } ?? true)
                }
                guard let finding else {
                    Issue.record("\(name): no \(expectation.check.rawValue) finding \(expectation.key) in \(keys)")
                    continue
                }
                #expect(finding.status == expectation.status, "\(name): \(expectation.key) is \(finding.status), findings \(keys)")
                for (index, value) in expectation.positions {
                    #expect(finding.cause.arguments.indices.contains(index) && finding.cause.arguments[index] == value, "\(name): \(finding.cause.arguments)")
                }
                if let argument = expectation.argument {
                    #expect(finding.cause.arguments.contains { $0.contains(argument) }, "\(name): \(finding.cause.arguments)")
                }
                try Self.checkRendered(finding, in: report, scenario: name)
            }
            if let exitCode { #expect(report.exitCode == exitCode, "\(name): exit \(report.exitCode), findings \(keys)") }
            #expect(report.exitCode == (report.findings.contains { $0.status == .fail } ? 1 : 0))
            Self.checkNoSecrets(report, world: world, scenario: name)
        }
    }

    /// The finding appears in both languages, with its check id, in the human report and in the JSON report.
    static func checkRendered(_ finding: Finding, in report: DoctorReport, scenario: String) throws {
        for language in DoctorLanguage.allCases {
            let cause = finding.cause.rendered(in: language)
            let human = HumanReport(language: language, color: false).render(report)
            #expect(human.contains(cause) && human.contains(finding.check.rawValue), "\(scenario) [\(language)]: \(cause)")
            if language == .chinese {
                #expect(cause.unicodeScalars.contains { $0.value >= 0x3000 }, "\(scenario): not Chinese: \(cause)")
                #expect(cause != finding.cause.rendered(in: .english))
            }
            let json = JSONReport(language: language).render(report)
            let document = try JSONValue.parse(Array(json.utf8))
            let entries = document["findings"]?.arrayValue ?? []
            let match = entries.contains { entry in
                entry["check"]?.stringValue == finding.check.rawValue && entry["status"]?.stringValue == finding.status.rawValue
                    && entry["cause"]?.stringValue == cause
                    && (entry["fix"]?.stringValue ?? "") == (finding.fix?.rendered(in: language) ?? "")
            }
            #expect(match, "\(scenario) [\(language)]: \(finding.cause.key) missing from the JSON report")
        }
    }

    /// No secret the world knows of shows in any rendering.
    static func checkNoSecrets(_ report: DoctorReport, world: DoctorWorld, scenario: String) {
        var secrets = world.emulator.configuration.accessKeys.map(\.secret) + world.emulator.configuration.huawei.accessKeys.map(\.sk)
        secrets += world.emulator.issuedRegistryLogins().map(\.password) + world.emulator.issuedCredentials().map(\.accessKeySecret)
        secrets.append(DoctorWorld.fakeSecret)
        for language in DoctorLanguage.allCases {
            for text in [HumanReport(language: language, color: true).render(report), JSONReport(language: language).render(report)] {
                for secret in secrets where secret.count >= 8 {
                    #expect(!text.contains(secret), "\(scenario): a secret is shown")
                }
            }
        }
    }
}
