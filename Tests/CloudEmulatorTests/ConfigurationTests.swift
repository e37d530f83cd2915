import Foundation
import Testing

@testable import CloudEmulator

@Suite("Configuration")
struct ConfigurationTests {
    /// Writes `text` to a fresh temporary file and returns its path.
    func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("emulator-\(UUID().uuidString).json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func loadError(_ text: String) throws -> EmulatorConfigurationError {
        let path = try file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try EmulatorConfiguration.load(path: path)
        } catch let error as EmulatorConfigurationError {
            #expect(error.description.hasPrefix(path + ": "))
            #expect(!error.description.contains("\n"))
            return error
        }
        Issue.record("\(text) loaded")
        return EmulatorConfigurationError(path: nil, problem: "")
    }

    @Test("keys left out keep the standard values")
    func partialFile() throws {
        let path = try file(#"""
        {"ecs": {"mode": "v2Only"}, "roles": [{"arn": "acs:ram::42:role/x", "maxSessionDuration": 7200}],
         "faults": [{"endpoint": "sts", "times": 1, "clockSkewSeconds": -900}]}
        """#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let configuration = try EmulatorConfiguration.load(path: path)
        #expect(configuration.ecs.mode == .v2Only)
        #expect(configuration.ecs.roleName == "EcsEmulatorRole")
        #expect(configuration.roles == [EmulatorRole(arn: "acs:ram::42:role/x", maxSessionDuration: 7200)])
        #expect(configuration.accessKeys == EmulatorConfiguration.standard.accessKeys)
        #expect(configuration.faults == [FaultRule(endpoint: .sts, times: 1, effect: .clockSkew(seconds: -900))])
    }

    @Test("the standard configuration round-trips through JSON")
    func roundTrip() throws {
        var configuration = EmulatorConfiguration.standard
        configuration.faults = [
            FaultRule(endpoint: .sts, action: "AssumeRole", times: 2, effect: .status(503, code: "Throttling")),
            FaultRule(endpoint: .ecsMetadata, path: "/latest/*", effect: .slowDrip(chunkBytes: 3, intervalMilliseconds: 5)),
            FaultRule(endpoint: .credentialsURI, effect: .missingFields(["SecurityToken"])),
            FaultRule(endpoint: .credentialsURI, effect: .expiredCredentials(secondsAgo: 100)),
        ]
        let data = try JSONEncoder().encode(configuration)
        #expect(try EmulatorConfiguration.decode(data, path: nil) == configuration)
    }

    @Test("bad files give one line naming the file and the problem", arguments: [
        ("{\"roles\": [", "not valid JSON"),
        ("{\"accesKeys\": []}", "unknown key \"accesKeys\""),
        ("{\"roles\": [{\"arn\": 5}]}", "roles[0].arn: expected a string"),
        ("{\"roles\": [{\"arn\": \"role/x\"}]}", "roles[0].arn: \"role/x\" is not of the form"),
        ("{\"roles\": [{\"arn\": \"acs:ram::1:role/x\", \"maxSessionDuration\": 60}]}", "roles[0].maxSessionDuration: must be 900…43200"),
        ("{\"ecs\": {\"mode\": \"v3\"}}", "ecs.mode"),
        ("{\"faults\": [{\"endpoint\": \"sts\"}]}", "faults[0]: a fault rule needs one effect key"),
        ("{\"faults\": [{\"endpoint\": \"sts\", \"truncatedBody\": false}]}", "must be true"),
        ("{\"accessKeys\": [{\"id\": \"a\"}]}", "accessKeys[0]: missing key \"secret\""),
        ("{\"credentialsURIPath\": \"credentials\"}", "credentialsURIPath: must start with"),
    ])
    func badFiles(text: String, expected: String) throws {
        let error = try loadError(text)
        #expect(error.problem.contains(expected), "\(error.problem)")
    }

    @Test("a missing file is named")
    func missingFile() {
        #expect(throws: EmulatorConfigurationError(path: "/nonexistent/emulator.json", problem: "no such file")) {
            try EmulatorConfiguration.load(path: "/nonexistent/emulator.json")
        }
    }

    @Test("runUntilSignalled reports a bad configuration file before listening")
    func runWithBadFile() async {
        await #expect(throws: EmulatorConfigurationError.self) {
            try await CloudEmulator.runUntilSignalled(host: "127.0.0.1", port: 0, configurationPath: "/nonexistent/emulator.json")
        }
    }

    @Test("the request log line names endpoint, action, status and faults")
    func logLine() async throws {
        try await withEmulator { emulator async throws in
            emulator.addFault(FaultRule(endpoint: .sts, times: 1, effect: .status(503)))
            _ = try await sts(emulator, signedQuery(assumeRoleParameters(), secret: Standard.secret))
            let line = try #require(emulator.recordedRequests(.sts).first?.logLine)
            #expect(line.hasSuffix(" sts GET sts.aliyuncs.com/ AssumeRole -> 503 ServiceUnavailable [faults: status]"))
        }
    }

    @Test("the banner starts with the listening line and shows the accepted keys")
    func banner() async throws {
        try await withEmulator { emulator async throws in
            let banner = emulator.banner()
            #expect(banner.first == "listening on \(emulator.baseURL)")
            #expect(banner.contains { $0.contains(Standard.accessKeyId) && $0.contains(Standard.secret) })
        }
    }
}
