import CloudEmulator
import CloudcredTestSupport
import CredentialsCore
import Foundation

/// What a client handed back, reduced to what the matrix compares: which value it is and until when it is valid.
struct Obtained: Sendable, Equatable {
    /// Tells two values apart (an AccessKey id, or a registry password: compared, never printed).
    let identity: String
    let expiresAt: Date?
}

/// One client of one endpoint, built in a cell's world and asked once or twice.
struct FaultClient: Sendable {
    let fetch: @Sendable () async throws -> Obtained
}

/// The timeouts a subject's client runs with.
struct Timeouts: Sendable {
    let connectMs: Int
    let readMs: Int
    /// A generous bound on one call under any fault ("never a hang"): far above connect + read and any retry.
    var hangBoundSeconds: Double { max(15, Double(connectMs + readMs) / 1000 * 3) }

    /// What the Alibaba providers are configured with here.
    static let configured = Timeouts(connectMs: 1000, readMs: 1000)
}

/// An endpoint we call, driven through its real provider or client.
struct FaultSubject: Sendable, CustomStringConvertible {
    let name: String
    let endpoint: EmulatorEndpoint
    /// The fault rule's `action` (RPC APIs) and `path` filters.
    var action: String? = nil
    var path: String? = nil
    /// At least one of these must appear in the error's message or hint (host, action, service).
    let names: [String]
    /// Requests are signed with a timestamp, so a skewed server clock refuses them.
    let signed: Bool
    let timeouts: Timeouts
    /// Fields removed for ``FaultKind/missingFields``; nil for a text answer (an empty 200 instead).
    var missingFields: [String]? = nil
    /// Fields given the wrong type for ``FaultKind/wrongTypes``; nil: the answer is text, the cell does not apply.
    var wrongTypeFields: [String]? = nil
    /// The answer carries an expiry that ``FaultKind/expiredCredentials`` can move into the past.
    var carriesExpiry = true
    /// How far to move the clock after a first fetch so the cached value is due for refresh yet still valid;
    /// nil when the client keeps no such window (the cached-value column does not apply).
    let refreshWindowSeconds: Double?
    var configuration: EmulatorConfiguration = .standard
    var environment: [String: String] = [:]
    let makeClient: @Sendable (EmulatorWorld) throws -> FaultClient

    var description: String { name }

    func applies(_ fault: FaultKind) -> Bool {
        switch fault {
        case .wrongTypes: return wrongTypeFields != nil
        case .expiredCredentials: return carriesExpiry
        // A deadline of seconds needs a drip of minutes to pass it; only the clients with 1 s timeouts get this cell.
        case .slowDripPastDeadline: return timeouts.readMs <= 1000
        default: return true
        }
    }

    func expectation(_ fault: FaultKind) -> Expectation {
        fault.defaultExpectation(for: self)
    }

    func rule(_ fault: FaultKind) -> FaultRule? {
        fault.effect(for: self).map { FaultRule(endpoint: endpoint, action: action, path: path, effect: $0) }
    }
}

extension Credential {
    var obtained: Obtained { Obtained(identity: accessKeyId, expiresAt: expiration) }
}
