import CloudEmulator

/// The faults of the matrix: what the emulator (or the network) does to one endpoint.
enum FaultKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case http500 = "HTTP 500"
    case http503 = "HTTP 503"
    case http403 = "HTTP 403 + cloud error body"
    case connectionRefused = "connection refused"
    case resetMidBody = "reset mid-body"
    case readTimeout = "read timeout"
    case slowDrip = "slow drip (completes in time)"
    case slowDripPastDeadline = "slow drip (past the deadline)"
    case truncatedJSON = "truncated JSON"
    case missingFields = "missing fields"
    case wrongTypes = "wrong-typed fields"
    case expiredCredentials = "expired credentials"
    case clockSkew = "clock skew (-20 min)"

    var description: String { rawValue }

    /// What a client sees when nothing is cached.
    func defaultExpectation(for subject: FaultSubject) -> Expectation {
        switch self {
        case .slowDrip: return .succeeds
        case .clockSkew: return subject.signed ? .fails : .succeeds
        default: return .fails
        }
    }

    /// The emulator's skew for ``clockSkew``: 20 minutes behind, beyond the 15-minute window signed APIs allow.
    static let skewSeconds = -1200

    /// The fault rule for `subject`, or nil for ``connectionRefused`` (the emulator is stopped instead).
    func effect(for subject: FaultSubject) -> FaultEffect? {
        switch self {
        case .http500: return .status(500)
        case .http503: return .status(503)
        case .http403: return .status(403, code: "Forbidden.RAM", message: "User not authorized to operate on the specified resource.")
        case .connectionRefused: return nil
        case .resetMidBody: return .resetMidBody
        case .readTimeout: return .delay(milliseconds: subject.timeouts.readMs + 1500)
        case .slowDrip: return .slowDrip(chunkBytes: 64, intervalMilliseconds: 10)
        case .slowDripPastDeadline:
            // Each chunk arrives well within the read timeout; the whole answer takes far longer than connect + read.
            let interval = max(50, subject.timeouts.readMs / 4)
            return .slowDrip(chunkBytes: 1, intervalMilliseconds: interval)
        case .truncatedJSON: return .truncatedBody
        case .missingFields: return subject.missingFields.map { .missingFields($0) } ?? .status(200, body: "")
        case .wrongTypes: return subject.wrongTypeFields.map { .wrongTypes(fields: $0) }
        case .expiredCredentials: return .expiredCredentials(secondsAgo: 600)
        case .clockSkew: return .clockSkew(seconds: Self.skewSeconds)
        }
    }
}

/// What a cell expects with nothing cached.
enum Expectation: Sendable, Equatable {
    /// A one-line error naming the endpoint, without a secret.
    case fails
    /// A valid value.
    case succeeds
}
