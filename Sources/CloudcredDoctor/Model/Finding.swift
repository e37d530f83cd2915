/// The checks of `cloudcred doctor`, in the order they run. The raw values are the ids of the JSON report.
public enum CheckID: String, Sendable, Hashable, CaseIterable {
    /// What the registry host is: cloud, edition, region, instance, API endpoint, token API.
    case host
    /// The docker and podman configuration in effect for the host.
    case clientConfig = "client-config"
    /// Which cloud credentials the chain finds, and why the sources before it did not answer.
    case credentials
    /// The local clock against the API endpoint's `Date` header.
    case clock
    /// DNS, TCP and TLS to the registry and the API endpoint; proxies in effect.
    case network
    /// The real token API call and what its answer means.
    case tokenAPI = "token-api"
    /// The registry round trip: `/v2/`, the Bearer challenge, a token from the realm, the repository.
    case registry
    /// The token cache: directory and file modes, the entry for the host.
    case cache
    /// The configured credential helper, run exactly as docker runs it.
    case helper
}

/// How a finding judges what it saw.
public enum FindingStatus: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Nothing to do.
    case ok
    /// Works, but something is off or will fail later.
    case warn
    /// This breaks logins; `cloudcred doctor` exits 1.
    case fail

    private var rank: Int {
        switch self {
        case .ok: return 0
        case .warn: return 1
        case .fail: return 2
        }
    }

    /// `ok` < `warn` < `fail`.
    public static func < (lhs: FindingStatus, rhs: FindingStatus) -> Bool { lhs.rank < rhs.rank }
}

/// One thing a check found: which check, how bad, the cause and the fix, in words from the message catalogue.
public struct Finding: Sendable, Hashable {
    /// The check that found it.
    public var check: CheckID
    /// ok, warn or fail.
    public var status: FindingStatus
    /// What was found (its ``DoctorText/key`` names the cause independently of the language).
    public var cause: DoctorText
    /// What to do; nil when there is nothing to do.
    public var fix: DoctorText?
    /// The registry host it is about, in runs over several hosts; nil otherwise.
    public var host: String?

    /// A finding; see the properties.
    public init(_ check: CheckID, _ status: FindingStatus, _ cause: DoctorText, fix: DoctorText? = nil, host: String? = nil) {
        self.check = check
        self.status = status
        self.cause = cause
        self.fix = fix
        self.host = host
    }

    /// A finding whose cause and fix come from the catalogue keys `<key>` and `<key>.fix`.
    static func keyed(_ check: CheckID, _ status: FindingStatus, _ key: String, _ arguments: String...) -> Finding {
        keyed(check, status, key, arguments)
    }

    /// ``keyed(_:_:_:_:)`` with the arguments in an array.
    static func keyed(_ check: CheckID, _ status: FindingStatus, _ key: String, _ arguments: [String]) -> Finding {
        let fixKey = key + ".fix"
        let fix = MessageCatalogue.has(fixKey) ? DoctorText(fixKey, arguments) : nil
        return Finding(check, status, DoctorText(key, arguments), fix: fix)
    }
}
