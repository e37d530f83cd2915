import CloudHTTP
import CredentialsCore
import RegistryCredentials

/// What every check of one run shares: the options, the injected dependencies, the deadline, the cloudcred config.
struct DoctorContext: Sendable {
    let options: DoctorOptions
    /// The environment, with `--profile` applied as `ALIBABA_CLOUD_PROFILE`.
    let environment: Environment
    let clock: any CredentialsClock
    let transport: any HTTPTransport
    let resolver: (any HostResolver)?
    let additionalTrustRootsPEM: [String]
    let confirmer: (any FixConfirmer)?
    let limits: ProbeLimits
    let timeBox: TimeBox
    /// The cloudcred config (empty when it is broken; the host check reports that).
    let toolConfig: ToolConfig

    /// Connect and read timeouts (ms) for one HTTP exchange of at most `limit`, within the time left.
    func httpTimeouts(_ limit: Duration? = nil) -> (connect: Int, read: Int) {
        let budget = max(2, timeBox.budgetMilliseconds(limit ?? limits.http))
        let connect = max(1, min(3000, budget / 2))
        return (connect, max(1, budget - connect))
    }

    /// The language of questions asked during repairs.
    var language: DoctorLanguage { options.language }

    /// `CLOUDCRED_CONNECT_TO` when set (API and registry requests then go to the emulator).
    var connectTo: String? { environment.nonEmpty("CLOUDCRED_CONNECT_TO") }
}
