import CloudEmulator
import CloudcredTestSupport
import Foundation
import Synchronization

/// Something a scenario's run left behind that the scan reads: a stream of one command, the log file, a file written.
struct ScannedChannel: Sendable {
    /// `<scenario> $ <command> stdout`, `<scenario> log`, `<scenario> file <relative path>`.
    var name: String
    var text: String
    /// Whether the allow-list lets it hold secrets (then it is not scanned, only counted).
    var mayHoldSecrets: Bool
}

/// One scenario's world: its own emulator (so faults stay local), a throw-away HOME with the XDG directories, the
/// docker config and the log file inside, the canaries planted, and every stream the built binaries printed.
final class LeakWorld: Sendable {
    let scenario: String
    let rules: LeakRules
    let emulator: CloudEmulator
    let home: String
    /// `CLOUDCRED_LOG_FILE` of every run.
    let logFile: String
    /// Whether ``finish()`` appends the log to `scripts/leak-scan`'s log (not for worlds that plant leaks on purpose).
    let contributesToScanLog: Bool
    private let state = Mutex(State())

    private struct State {
        var environment: [String: String] = [:]
        var channels: [ScannedChannel] = []
        var planted: [String: Data] = [:]
        var outputs: Set<String> = []
        var problems: [String] = []
        var stage = ""
        var durations: [(String, Double)] = []
    }

    init(scenario: String, rules: LeakRules, configuration: EmulatorConfiguration, contributesToScanLog: Bool = true) async throws {
        self.scenario = scenario
        self.contributesToScanLog = contributesToScanLog
        self.rules = rules
        emulator = CloudEmulator(configuration: configuration)
        try await emulator.start()
        home = FileManager.default.temporaryDirectory.appendingPathComponent("cloudcred-leak-\(UUID().uuidString)").path
        logFile = home + "/logs/cloudcred.log"
        try FileManager.default.createDirectory(atPath: home + "/logs", withIntermediateDirectories: true)
        let environment = BinaryRunner.cleanEnvironment(home: home, extra: [
            "CLOUDCRED_CONNECT_TO": emulator.connectTo, "XDG_CACHE_HOME": home + "/cache", "XDG_DATA_HOME": home + "/data",
            "XDG_CONFIG_HOME": home + "/config", "DOCKER_CONFIG": home + "/docker",
            "CLOUDCRED_LOG": "debug", "CLOUDCRED_LOG_FILE": logFile, "HUAWEICLOUD_SDK_METADATA_DISABLED": "true",
        ])
        state.withLock { $0.environment = environment }
    }

    var connectTo: String { emulator.connectTo }

    /// The canary called `name`.
    func canary(_ name: String) -> String { rules.canary(name) }

    /// Sets (or, with nil, removes) environment variables for the runs that follow.
    func setEnvironment(_ values: [String: String?]) {
        state.withLock { state in
            for (name, value) in values { state.environment[name] = value }
        }
    }

    /// Writes a file under HOME (or at an absolute path) with mode 0600 and returns its absolute path.
    @discardableResult
    func plant(_ relative: String, _ content: String, executable: Bool = false) throws -> String {
        let path = relative.hasPrefix("/") ? relative : home + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(content.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: executable ? 0o700 : 0o600], ofItemAtPath: path)
        state.withLock { $0.planted[path] = Data(content.utf8) }  // an input, not something the product wrote
        return path
    }

    /// Remembers every file as planted: from now on only new or changed files count as written.
    func sealPlanting() {
        let files = Self.files(under: home)
        state.withLock { $0.planted.merge(files) { _, new in new } }
    }

    /// Declares `path` the `--output` of a command that writes a secret file on purpose.
    func expectOutputFile(_ path: String) {
        state.withLock { _ = $0.outputs.insert(path) }
    }

    /// Runs `cloudcred` and records its streams.
    @discardableResult
    func cloudcred(_ arguments: [String], stdin: String = "", environment extra: [String: String] = [:]) async throws -> BinaryRunner.Result {
        try await run("cloudcred", arguments, stdin: stdin, extra: extra)
    }

    /// Runs `docker-credential-cloudcred <verb>` and records its streams.
    @discardableResult
    func helper(_ verb: String, stdin: String = "", environment extra: [String: String] = [:]) async throws -> BinaryRunner.Result {
        try await run("docker-credential-cloudcred", [verb], stdin: stdin, extra: extra)
    }

    /// Names the step the next runs belong to (a fault), shown in their channel names: `<scenario> [<stage>] $ …`.
    func setStage(_ stage: String) {
        state.withLock { $0.stage = stage }
    }

    /// The slowest runs so far, slowest first.
    func slowest(_ count: Int) -> [(String, Double)] {
        state.withLock { Array($0.durations.sorted { $0.1 > $1.1 }.prefix(count)) }
    }

    private func run(_ tool: String, _ arguments: [String], stdin: String, extra: [String: String]) async throws -> BinaryRunner.Result {
        let (base, stage) = state.withLock { ($0.environment, $0.stage) }
        let environment = base.merging(extra) { _, new in new }
        let started = Date()
        let result = try await BinaryRunner.run(tool, arguments, stdin: stdin, environment: environment)
        let program = tool == "cloudcred" ? "cloudcred" : "helper"
        let command = rules.masking("\(scenario)\(stage.isEmpty ? "" : " [\(stage)]") $ \(program) \(arguments.joined(separator: " "))")
        state.withLock { $0.durations.append((command, Date().timeIntervalSince(started))) }
        let stdoutAllowed = LeakAllowList.stdoutMayHoldSecrets(tool: tool, arguments: arguments, status: result.status)
        state.withLock { state in
            state.channels.append(ScannedChannel(name: command + " [stdout]", text: result.stdout, mayHoldSecrets: stdoutAllowed))
            state.channels.append(ScannedChannel(name: command + " [stderr]", text: result.stderr, mayHoldSecrets: false))
        }
        return result
    }

    /// Notes a scenario expectation that failed (the scan goes on; the test reports it).
    func expect(_ condition: Bool, _ what: @autoclosure () -> String) {
        guard !condition else { return }
        let text = "\(scenario): \(what())"
        state.withLock { $0.problems.append(text) }
    }

    /// The expectations that failed so far.
    var problems: [String] { state.withLock { $0.problems } }

    /// Records a channel the scenario produced another way (an in-process call's error text).
    func record(_ name: String, _ text: String, mayHoldSecrets: Bool = false) {
        state.withLock { $0.channels.append(ScannedChannel(name: "\(scenario) \(name)", text: text, mayHoldSecrets: mayHoldSecrets)) }
    }

    /// Stops the emulator and returns every channel: the streams, the log file, and each file written under HOME
    /// (new or changed since ``sealPlanting()``), classified by ``LeakAllowList``. Removes HOME.
    func finish() async -> [ScannedChannel] {
        await emulator.stop()
        let (planted, outputs, streams) = state.withLock { ($0.planted, $0.outputs, $0.channels) }
        var channels = streams
        for (path, data) in Self.files(under: home).sorted(by: { $0.key < $1.key }) where planted[path] != data {
            let relative = String(path.dropFirst(home.count + 1))
            let text = String(decoding: data, as: UTF8.self)
            if path == logFile {
                channels.append(ScannedChannel(name: "\(scenario) log \(relative)", text: text, mayHoldSecrets: false))
                if contributesToScanLog { LeakScanEnvironment.contribute(text) }
            } else {
                let allowed = LeakAllowList.fileMayHoldSecrets(relative: relative, absolute: path, outputs: outputs)
                channels.append(ScannedChannel(name: "\(scenario) file \(relative)", text: text, mayHoldSecrets: allowed))
            }
        }
        try? FileManager.default.removeItem(atPath: home)
        return channels
    }

    /// Every secret the emulator handed out in this world (random values), to scan for as exactly as the canaries.
    func issuedSecrets() -> [LeakRules.Canary] {
        var secrets: [LeakRules.Canary] = []
        for credential in emulator.issuedCredentials() {
            secrets.append(.init(name: "issued-\(credential.kind.rawValue)-secret", value: credential.accessKeySecret))
            if let token = credential.securityToken { secrets.append(.init(name: "issued-\(credential.kind.rawValue)-token", value: token)) }
        }
        for login in emulator.issuedRegistryLogins() {
            secrets.append(.init(name: "issued-\(login.kind.rawValue)-password", value: login.password))
        }
        return secrets
    }

    /// Regular files under `root`, by absolute path (symbolic links are not followed).
    static func files(under root: String) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return files }
        while let relative = enumerator.nextObject() as? String {
            let path = root + "/" + relative
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType == .typeRegular,
                  let data = FileManager.default.contents(atPath: path)
            else { continue }
            files[path] = data
        }
        return files
    }
}
