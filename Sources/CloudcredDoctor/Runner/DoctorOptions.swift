import CloudHTTP
import CredentialsCore

/// What `cloudcred doctor` was asked to do.
public struct DoctorOptions: Sendable {
    /// What `--fix` may do.
    public enum FixMode: Sendable, Hashable {
        /// Report only.
        case off
        /// Ask before each repair (needs a ``FixConfirmer``; without one nothing is repaired).
        case ask
        /// Repair without asking (`--fix --yes`).
        case yes
    }

    /// The registry host or image reference; nil checks the credentials and every host of ours in the docker and
    /// podman configs.
    public var subject: String?
    /// The aliyun CLI profile / credentials.ini section (`--profile`, as `ALIBABA_CLOUD_PROFILE`).
    public var alibabaProfile: String?
    /// The cloudcred config profile (`--tool-profile`).
    public var toolProfile: String
    /// Also check the right to push (`--push`).
    public var push: Bool
    /// The whole run ends within this many seconds (`--timeout`, default 20).
    public var timeoutSeconds: Double
    /// What the cache check may repair.
    public var fix: FixMode
    /// The language of questions asked while repairing (the report itself is rendered later, in any language).
    public var language: DoctorLanguage

    /// Options; see the properties.
    public init(
        subject: String? = nil, alibabaProfile: String? = nil, toolProfile: String = "default", push: Bool = false,
        timeoutSeconds: Double = 20, fix: FixMode = .off, language: DoctorLanguage = .english
    ) {
        self.language = language
        self.subject = subject
        self.alibabaProfile = alibabaProfile
        self.toolProfile = toolProfile
        self.push = push
        self.timeoutSeconds = timeoutSeconds
        self.fix = fix
    }
}

/// Asks the person at the terminal whether to apply a repair.
public protocol FixConfirmer: Sendable {
    /// True to apply; `question` is already in the report's language.
    func confirm(_ question: String) async -> Bool
}

/// The longest each probe may take (each is also cut at the overall deadline).
public struct ProbeLimits: Sendable, Hashable {
    /// A DNS lookup.
    public var dns: Duration = .seconds(3)
    /// A TCP connect.
    public var connect: Duration = .seconds(3)
    /// A TLS handshake.
    public var tls: Duration = .seconds(4)
    /// One HTTP exchange (clock, token API, registry).
    public var http: Duration = .seconds(6)
    /// The whole credential chain (ECS metadata, STS, …).
    public var credentials: Duration = .seconds(8)
    /// Running the credential helper.
    public var helper: Duration = .seconds(8)

    /// The defaults above.
    public init() {}

    /// Every limit set to `duration` (tests).
    public init(all duration: Duration) {
        dns = duration
        connect = duration
        tls = duration
        http = duration
        credentials = duration
        helper = duration
    }
}

/// What the doctor reads and talks to, injected so tests run against the emulator and temporary files.
public struct DoctorDependencies: Sendable {
    /// The environment (variables, HOME, PATH) the checks read; never the process globals.
    public var environment: Environment
    /// "Now" for expiry and clock skew.
    public var clock: any CredentialsClock
    /// Every HTTP request (token API, clock, registry) goes through it.
    public var transport: any HTTPTransport
    /// DNS for the network check; nil: the system resolver, or the emulator address when `CLOUDCRED_CONNECT_TO`
    /// is set.
    public var resolver: (any HostResolver)?
    /// Certificates (PEM) trusted by the network check's TLS probe in addition to the system roots.
    public var additionalTrustRootsPEM: [String]
    /// Asks before a repair; nil when there is no terminal (`--fix` alone then repairs nothing).
    public var confirmer: (any FixConfirmer)?
    /// The longest each probe may take.
    public var limits: ProbeLimits

    /// Dependencies; see the properties.
    public init(
        environment: Environment, clock: any CredentialsClock = SystemClock(), transport: any HTTPTransport,
        resolver: (any HostResolver)? = nil, additionalTrustRootsPEM: [String] = [], confirmer: (any FixConfirmer)? = nil,
        limits: ProbeLimits = ProbeLimits()
    ) {
        self.environment = environment
        self.clock = clock
        self.transport = transport
        self.resolver = resolver
        self.additionalTrustRootsPEM = additionalTrustRootsPEM
        self.confirmer = confirmer
        self.limits = limits
    }
}
