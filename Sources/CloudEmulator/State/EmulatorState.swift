import Foundation
import Synchronization

/// Everything that changes while the emulator runs, behind one lock: counters, recorded requests, faults,
/// issued credentials, used nonces and metadata tokens.
final class EmulatorState: Sendable {
    private struct Storage {
        var counters: [EmulatorEndpoint: Int] = [:]
        var records: [RecordedRequest] = []
        var faults: [ActiveFault] = []
        var issued: [IssuedCredential] = []
        var registryLogins: [IssuedRegistryLogin] = []
        var nonces: [String: Date] = [:]
        var metadataTokens: [String: Date] = [:]
        var sequence = 0
    }

    private struct ActiveFault {
        var rule: FaultRule
        var remaining: Int?
    }

    /// How many requests are kept; the oldest go first.
    static let recordLimit = 5000
    /// A nonce is remembered this long (requests older than this are refused by the timestamp check anyway).
    static let nonceMemorySeconds: TimeInterval = 1800

    private let storage: Mutex<Storage>
    private let initialFaults: [FaultRule]

    init(faults: [FaultRule]) {
        initialFaults = faults
        storage = Mutex(Storage(faults: faults.map { ActiveFault(rule: $0, remaining: $0.times) }))
    }

    // MARK: Counters and records

    /// Counts a request and returns its sequence number.
    func count(_ endpoint: EmulatorEndpoint) -> Int {
        storage.withLock { storage in
            storage.counters[endpoint, default: 0] += 1
            storage.sequence += 1
            return storage.sequence
        }
    }

    func requestCount(_ endpoint: EmulatorEndpoint) -> Int {
        storage.withLock { $0.counters[endpoint] ?? 0 }
    }

    func record(_ request: RecordedRequest) {
        storage.withLock { storage in
            storage.records.append(request)
            if storage.records.count > Self.recordLimit { storage.records.removeFirst(storage.records.count - Self.recordLimit) }
        }
    }

    /// Recorded requests in arrival order, optionally of one endpoint.
    func records(_ endpoint: EmulatorEndpoint?) -> [RecordedRequest] {
        storage.withLock { storage in
            storage.records.filter { endpoint == nil || $0.endpoint == endpoint }.sorted { $0.sequence < $1.sequence }
        }
    }

    // MARK: Faults

    func addFault(_ rule: FaultRule) {
        storage.withLock { $0.faults.append(ActiveFault(rule: rule, remaining: rule.times)) }
    }

    func clearFaults() {
        storage.withLock { $0.faults.removeAll() }
    }

    /// Active rules with what is left of their `times`.
    func activeFaults() -> [FaultRule] {
        storage.withLock { storage in
            storage.faults.map { active in
                var rule = active.rule
                rule.times = active.remaining
                return rule
            }
        }
    }

    /// The effects of every rule matching this request, in rule order; each match uses up one of its `times`.
    func takeFaults(endpoint: EmulatorEndpoint, action: String?, path: String) -> [FaultEffect] {
        storage.withLock { storage in
            var effects: [FaultEffect] = []
            for index in storage.faults.indices where storage.faults[index].rule.matches(endpoint: endpoint, action: action, path: path) {
                effects.append(storage.faults[index].rule.effect)
                if let remaining = storage.faults[index].remaining { storage.faults[index].remaining = remaining - 1 }
            }
            storage.faults.removeAll { ($0.remaining ?? 1) <= 0 }
            return effects
        }
    }

    // MARK: Issued credentials

    func issue(_ credential: IssuedCredential) {
        storage.withLock { $0.issued.append(credential) }
    }

    func issuedCredential(accessKeyId: String) -> IssuedCredential? {
        storage.withLock { $0.issued.last { $0.accessKeyId == accessKeyId } }
    }

    func issuedCredentials() -> [IssuedCredential] {
        storage.withLock { $0.issued }
    }

    // MARK: Issued registry logins

    func issueRegistryLogin(_ login: IssuedRegistryLogin) {
        storage.withLock { $0.registryLogins.append(login) }
    }

    func issuedRegistryLogins() -> [IssuedRegistryLogin] {
        storage.withLock { $0.registryLogins }
    }

    // MARK: Nonces and metadata tokens

    /// Remembers a signature nonce; false when it was already used.
    func useNonce(_ nonce: String, now: Date) -> Bool {
        storage.withLock { storage in
            storage.nonces = storage.nonces.filter { now.timeIntervalSince($0.value) < Self.nonceMemorySeconds }
            guard storage.nonces[nonce] == nil else { return false }
            storage.nonces[nonce] = now
            return true
        }
    }

    func addMetadataToken(_ token: String, expiresAt: Date) {
        storage.withLock { $0.metadataTokens[token] = expiresAt }
    }

    func isMetadataTokenValid(_ token: String, now: Date) -> Bool {
        storage.withLock { storage in storage.metadataTokens[token].map { $0 > now } ?? false }
    }

    // MARK: Reset

    /// Clears counters, records, nonces and faults; the configuration's faults become active again.
    /// Issued credentials and metadata tokens stay valid.
    func reset() {
        storage.withLock { storage in
            storage.counters = [:]
            storage.records = []
            storage.nonces = [:]
            storage.faults = initialFaults.map { ActiveFault(rule: $0, remaining: $0.times) }
        }
    }
}
