import CredentialsCore
import RegistryCredentials
import RegistryLogin

/// What one run found.
public struct DoctorReport: Sendable {
    /// The registry host checked; nil for a run over several hosts (then each finding names its host) or none.
    public var host: String?
    /// Every finding, in check order.
    public var findings: [Finding]

    /// A report; see the properties.
    public init(host: String?, findings: [Finding]) {
        self.host = host
        self.findings = findings
    }

    /// True when a finding failed.
    public var hasFailures: Bool { findings.contains { $0.status == .fail } }

    /// 0 when nothing failed, 1 otherwise.
    public var exitCode: Int32 { hasFailures ? 1 : 0 }
}

/// `cloudcred doctor`: the troubleshooting guides as checks (host, client-config, credentials, clock, network,
/// token-api, registry, cache, helper), each finding with its cause and fix. The run ends within the timeout even when
/// every endpoint hangs: every probe is time-boxed and a check that starts too late reports that it was skipped.
///
/// ```swift
/// let report = await Doctor(options: DoctorOptions(subject: "registry.cn-hangzhou.aliyuncs.com/ns/app"),
///                           dependencies: DoctorDependencies(environment: .process, transport: CloudHTTPClient())).run()
/// print(HumanReport(language: .english, color: false).render(report))
/// ```
public struct Doctor: Sendable {
    /// What to check.
    public let options: DoctorOptions
    /// What the checks read and talk to.
    public let dependencies: DoctorDependencies

    /// A doctor; ``run()`` does the work.
    public init(options: DoctorOptions, dependencies: DoctorDependencies) {
        self.options = options
        self.dependencies = dependencies
    }

    /// Runs every check and returns the findings; never throws.
    public func run() async -> DoctorReport {
        let context = makeContext()
        guard let text = options.subject else { return await runDiscovered(context) }
        let subject = DoctorSubject(text)
        var credentials = CredentialMemo()
        let findings = await HostRun(context: context, multiHost: false).run(subject, credentials: &credentials)
        return DoctorReport(host: subject.host, findings: findings)
    }

    private func makeContext() -> DoctorContext {
        var environment = dependencies.environment
        if let profile = options.alibabaProfile { environment["ALIBABA_CLOUD_PROFILE"] = profile }
        let config = (try? ToolConfig.load(environment: environment)) ?? ToolConfig(path: ToolConfig.path(environment: environment))
        // A little time is kept back so the report is printed before the deadline.
        let timeBox = TimeBox(seconds: max(0.1, options.timeoutSeconds - 0.3))
        return DoctorContext(
            options: options, environment: environment, clock: dependencies.clock, transport: dependencies.transport,
            resolver: dependencies.resolver, additionalTrustRootsPEM: dependencies.additionalTrustRootsPEM,
            confirmer: dependencies.confirmer, limits: dependencies.limits, timeBox: timeBox, toolConfig: config)
    }

    /// No host given: the credentials, and every host of ours in the docker and podman configs.
    private func runDiscovered(_ context: DoctorContext) async -> DoctorReport {
        let hosts = Self.configuredHosts(context)
        var credentials = CredentialMemo()
        guard !hosts.isEmpty else {
            var findings = [Finding.keyed(.host, .warn, "host.noHosts", ClientConfigPaths.docker(context.environment))]
            findings += await CredentialsCheck(context: context).run(target: nil).findings
            return DoctorReport(host: nil, findings: findings)
        }
        let run = HostRun(context: context, multiHost: hosts.count > 1)
        var findings: [Finding] = []
        for host in hosts {
            findings += await run.run(.registry(host: host, repository: nil), credentials: &credentials)
        }
        return DoctorReport(host: hosts.count == 1 ? hosts[0] : nil, findings: findings)
    }

    /// The hosts of ours named in `credHelpers` or `auths` of the docker config and podman's auth files, in order.
    static func configuredHosts(_ context: DoctorContext) -> [String] {
        var hosts: [String] = []
        for path in ClientConfigPaths.podman(context.environment) {
            guard let file = try? AuthConfigFile.load(path).get() else { continue }
            for host in file.hosts where !hosts.contains(host) && context.toolConfig.target(for: host, profile: context.options.toolProfile) != nil {
                hosts.append(host)
            }
        }
        return hosts
    }
}

/// Credentials found per credential source, so a run over several hosts asks each chain once.
struct CredentialMemo {
    var results: [String: (findings: [Finding], credential: Credential?)] = [:]

    static func key(for target: RegistryTarget) -> String {
        target.kind == .swr ? "huawei" : "alibaba:\(target.alibabaProfile ?? "")"
    }
}
