import CloudEmulator
import CloudcredDoctor
import CredentialsCore
import Foundation
import Testing

/// The run as a whole: the deadline, `--fix`, several hosts.
@Suite("doctor: deadline, repairs and discovery")
struct DoctorRunTests {
    static let host = "registry.cn-hangzhou.aliyuncs.com"

    @Test("the run ends within --timeout when every endpoint and the helper hang")
    func everythingHangs() async throws {
        try await withDoctorWorld { world in
            for endpoint in [EmulatorEndpoint.acr, .registry, .sts, .ecsMetadata] {
                world.emulator.addFault(FaultRule(endpoint: endpoint, effect: .delay(milliseconds: 60_000)))
            }
            try world.dockerConfig(sending: Self.host)
            try world.writeHelper(script: DoctorWorld.workingHelper.replacingOccurrences(of: "get) read host;", with: "get) sleep 60;"))
            world.update {
                $0.options.timeoutSeconds = 3
                $0.limits = ProbeLimits()
                $0.resolver = MappedHostResolver([:], hanging: [Self.host, "cr.cn-hangzhou.aliyuncs.com"])
            }
            let started = ContinuousClock.now
            let report = await world.run(Self.host + "/ns/app")
            let elapsed = ContinuousClock.now - started
            #expect(elapsed < .milliseconds(3600), "took \(elapsed)")
            #expect(report.exitCode == 1)
            let keys = Set(report.findings.map(\.cause.key))
            #expect(keys.contains("doctor.outOfTime") || keys.contains("registry.timedOut") || keys.contains("tokenAPI.timedOut"), "\(keys)")
            #expect(keys.contains("clock.unreachable") || keys.contains("doctor.outOfTime"))
        }
    }

    @Test("--fix --yes repairs a cache file other users can read; --fix alone without a terminal changes nothing")
    func fixCacheModes() async throws {
        try await withDoctorWorld { world in
            try world.dockerConfig(sending: Self.host)
            try ClientAndCacheScenarios.writeCacheEntry(world, expiresIn: 3000, mode: 0o644)
            let file = world.home + "/.cache/cloudcred/" + String(repeating: "ab", count: 32) + ".json"

            world.update { $0.options.fix = .ask }
            let unattended = await world.run(Self.host)
            #expect(unattended.findings.contains { $0.cause.key == "cache.fixNeedsTerminal" })
            #expect(try Self.mode(file) == 0o644)

            world.update { $0.options.fix = .ask; $0.confirmer = Answer(yes: false) }
            let declined = await world.run(Self.host)
            #expect(declined.findings.contains { $0.cause.key == "cache.fixDeclined" })
            #expect(try Self.mode(file) == 0o644)

            world.update { $0.options.fix = .yes; $0.confirmer = nil }
            let fixed = await world.run(Self.host)
            #expect(fixed.findings.contains { $0.cause.key == "cache.fixed" && $0.status == .ok })
            #expect(try Self.mode(file) == 0o600)
            let again = await world.run(Self.host)
            #expect(!again.findings.contains { $0.cause.key == "cache.fileMode" })
        }
    }

    @Test("--fix with a confirmer that agrees removes an expired entry")
    func fixExpiredEntry() async throws {
        try await withDoctorWorld { world in
            try world.dockerConfig(sending: Self.host)
            try ClientAndCacheScenarios.writeCacheEntry(world, expiresIn: -60, mode: 0o600)
            world.update { $0.options.fix = .ask; $0.confirmer = Answer(yes: true) }
            let report = await world.run(Self.host)
            #expect(report.findings.contains { $0.cause.key == "cache.fixed" })
            let names = try FileManager.default.contentsOfDirectory(atPath: world.home + "/.cache/cloudcred")
            #expect(!names.contains { $0.hasSuffix(".json") })
        }
    }

    @Test("without a host: every host of ours in the docker config, each finding naming its host")
    func discoveredHosts() async throws {
        try await withDoctorWorld { world in
            try world.write(".docker/config.json", """
                {"credHelpers": {"\(Self.host)": "cloudcred", "emulator-registry.cn-hangzhou.cr.aliyuncs.com": "cloudcred", "ghcr.io": "gh"}}
                """)
            let report = await world.run(nil)
            #expect(report.host == nil)
            let hosts = Set(report.findings.compactMap(\.host))
            #expect(hosts == [Self.host, "emulator-registry.cn-hangzhou.cr.aliyuncs.com"])
            #expect(report.findings.filter { $0.check == .tokenAPI }.count == 2)
            let json = JSONReport(language: .english).render(report)
            #expect(json.contains("\"host\": \"emulator-registry.cn-hangzhou.cr.aliyuncs.com\""))
        }
    }

    @Test("without a host and without configured hosts: the credentials alone, and a hint")
    func noHosts() async throws {
        try await withDoctorWorld { world in
            let report = await world.run(nil)
            #expect(report.findings.first?.cause.key == "host.noHosts")
            #expect(report.findings.contains { $0.check == .credentials && $0.status == .ok })
        }
    }

    static func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? 0) & 0o777
    }
}

/// A confirmer that always answers the same.
struct Answer: FixConfirmer {
    let yes: Bool
    func confirm(_ question: String) async -> Bool { yes }
}
