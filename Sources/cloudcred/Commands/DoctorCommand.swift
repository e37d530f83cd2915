import ArgumentParser
import CloudHTTP
import CloudcredDoctor
import CredentialsCore
import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// `cloudcred doctor`: checks a registry login end to end and says what is wrong and what to do.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check a registry login end to end: what is wrong, and what to do about it.",
        discussion: """
            Checks, in order: host, client-config, credentials, clock, network, token-api, registry, cache, helper.
            Without a host it checks the credentials and every ACR/SWR host in the docker and podman configs.
            The report is in Simplified Chinese when --lang zh is given or LC_ALL, LC_MESSAGES or LANG starts with zh.
            Exit status: 0 when nothing fails, 1 otherwise. See docs/TROUBLESHOOTING.md.
            """)

    @Argument(help: "A registry host (registry.cn-hangzhou.aliyuncs.com) or an image reference (…/ns/app:tag).")
    var subject: String?

    @Option(name: .long, help: "The aliyun CLI profile and credentials.ini section to use (as ALIBABA_CLOUD_PROFILE).")
    var profile: String?

    @Option(name: .long, help: "The cloudcred config profile.")
    var toolProfile = "default"

    @Flag(name: .long, help: "Print one JSON object: {\"host\", \"findings\": [{\"check\", \"status\", \"cause\", \"fix\"}]}.")
    var json = false

    @Option(name: .long, help: "End the whole run within this many seconds.")
    var timeout: Double = 20

    @Option(name: .long, help: "The language of the report: en or zh.")
    var lang: String?

    @Flag(name: .long, help: "Repair the token cache (asks on a terminal).")
    var fix = false

    @Flag(name: .long, help: "With --fix: repair without asking.")
    var yes = false

    @Flag(name: .long, help: "Also check the right to push to the repository.")
    var push = false

    func validate() throws {
        if yes && !fix { throw ValidationError("--yes only goes with --fix") }
        if let lang, lang != "en" && lang != "zh" { throw ValidationError("--lang is en or zh") }
        if !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    func run() async throws {
        let environment = Environment.process
        let language = DoctorLanguage.resolve(flag: lang, environment: environment.values)
        let transport = CloudHTTPClient(environment: environment, logger: Logging.make(environment: environment))
        let askable = fix && !yes && isatty(0) == 1 && isatty(2) == 1
        let options = DoctorOptions(
            subject: subject, alibabaProfile: profile, toolProfile: toolProfile, push: push, timeoutSeconds: timeout,
            fix: fix ? (yes ? .yes : .ask) : .off, language: language)
        let dependencies = DoctorDependencies(
            environment: environment, transport: transport, confirmer: askable ? TerminalConfirmer() : nil)
        let report = await Doctor(options: options, dependencies: dependencies).run()
        if json {
            StandardStreams.write(JSONReport(language: language).render(report))
        } else {
            let color = HumanReport.wantsColor(isTerminal: isatty(1) == 1, environment: environment.values)
            StandardStreams.write(HumanReport(language: language, color: color).render(report))
        }
        await Self.shutDown(transport, within: 1.5)
        if report.hasFailures { throw ExitCode(1) }
    }

    /// Closes the HTTP client, but never waits longer than `seconds` (a probe left behind may still hang).
    private static func shutDown(_ transport: CloudHTTPClient, within seconds: Double) async {
        let once = ResumeOnce()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            once.set(continuation)
            Task {
                await transport.shutdown()
                once.resume()
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { once.resume() }
        }
    }
}

/// A continuation resumed by whichever caller comes first.
private final class ResumeOnce: Sendable {
    private let continuation = Mutex<CheckedContinuation<Void, Never>?>(nil)

    func set(_ value: CheckedContinuation<Void, Never>) {
        continuation.withLock { $0 = value }
    }

    func resume() {
        continuation.withLock { $0.take() }?.resume()
    }
}

/// Asks on the terminal: the question on stderr, the answer from stdin (`y` or `yes` applies).
struct TerminalConfirmer: FixConfirmer {
    func confirm(_ question: String) async -> Bool {
        StandardStreams.writeError(question + " [y/N] ")
        return await withCheckedContinuation { continuation in
            OwnThread.detach {
                let answer = (readLine() ?? "").filter { !$0.isWhitespace }.lowercased()
                continuation.resume(returning: answer == "y" || answer == "yes")
            }
        }
    }
}
