import CredentialsCore
import Dispatch
import RegistryCredentials
import RegistryLogin

/// The checks for one subject, in order, each starting only while time is left.
struct HostRun: Sendable {
    let context: DoctorContext
    /// Findings name their host when a run covers several.
    let multiHost: Bool

    func run(_ subject: DoctorSubject, credentials memo: inout CredentialMemo) async -> [Finding] {
        var findings: [Finding] = []
        let (hostFindings, target) = HostCheck(context: context).run(subject)
        findings += hostFindings
        guard case .registry(let host, let repository) = subject else {
            if case .dockerHub(let repository) = subject { findings.append(RegistryCheck.dockerHub(repository: repository)) }
            return findings
        }
        var helper: String?
        if let skipped = skipped(.clientConfig) {
            findings.append(skipped)
        } else {
            let outcome = await ClientConfigCheck(context: context).run(host: host)
            findings += outcome.findings
            helper = outcome.helper
        }
        var credential: Credential?
        if let target {
            let key = CredentialMemo.key(for: target)
            if let known = memo.results[key] {
                findings += known.findings
                credential = known.credential
            } else if let skipped = skipped(.credentials) {
                findings.append(skipped)
            } else {
                let outcome = await CredentialsCheck(context: context).run(target: target)
                memo.results[key] = outcome
                findings += outcome.findings
                credential = outcome.credential
            }
            findings += await checked(.clock) { await ClockCheck(context: context).run(apiEndpoint: target.apiEndpoint) }
        }
        let probed = [host] + (target.map { [$0.apiEndpoint] } ?? [])
        findings += await checked(.network) { await NetworkCheck(context: context).run(hosts: probed) }
        var logins: [RegistryCheck.Login] = []
        let stored = await storedPassword(host)
        if let stored { logins.append(stored) }
        if let target {
            if let skipped = skipped(.tokenAPI) {
                findings.append(skipped)
            } else {
                let outcome = await TokenAPICheck(context: context).run(target: target, credential: credential, storedUser: stored?.password.username)
                findings += outcome.findings
                if let login = outcome.login { logins.append(RegistryCheck.Login(password: login, origin: "token API")) }
            }
        }
        let attempts = logins
        findings += await checked(.registry) { await RegistryCheck(context: context).run(host: host, repository: repository, logins: attempts) }
        if let target {
            findings += await checked(.cache) { await CacheCheck(context: context).run(host: host, target: target) }
        }
        let secrets = logins.map(\.password.password)
        findings += await checked(.helper) { await HelperCheck(context: context).run(host: host, helper: helper, secrets: secrets) }
        return multiHost ? findings.map { var copy = $0; copy.host = host; return copy } : findings
    }

    /// The check's findings, or the "skipped" finding when no time is left.
    private func checked(_ check: CheckID, _ body: () async -> [Finding]) async -> [Finding] {
        if let skipped = skipped(check) { return [skipped] }
        return await body()
    }

    /// The "skipped: out of time" finding once the deadline has passed; nil while time is left.
    private func skipped(_ check: CheckID) -> Finding? {
        guard context.timeBox.isOver else { return nil }
        return .keyed(check, .warn, "doctor.outOfTime", NetworkCheck.seconds(.milliseconds(Int64(context.options.timeoutSeconds * 1000))))
    }

    /// The password a person stored for the host (`docker login`, `cloudcred login`): the helper answers it first.
    /// Read on a thread of its own and time-boxed: a helper-backed store runs another program, which may wait for a keyring.
    private func storedPassword(_ host: String) async -> RegistryCheck.Login? {
        let store = SecretStores.configured(config: context.toolConfig, environment: context.environment)
        let stored = await context.timeBox.run(limit: context.limits.helper) {
            await withCheckedContinuation { (continuation: CheckedContinuation<StoredSecret?, Never>) in
                OwnThread.detach { continuation.resume(returning: (try? store.get(host)) ?? nil) }
            }
        }
        guard let stored = stored ?? nil else { return nil }
        return RegistryCheck.Login(
            password: RegistryPassword(username: stored.username, password: stored.secret, expiresAt: nil, source: "stored password"),
            origin: "stored password")
    }
}
