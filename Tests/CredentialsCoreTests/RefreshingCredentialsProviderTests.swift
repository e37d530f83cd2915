import CredentialsCore
import Foundation
import Synchronization
import Testing

/// A fetch function whose answers the test scripts, counting calls.
final class ScriptedFetch: Sendable {
    enum Answer: Sendable {
        case credential(expiresIn: Double?)
        case failure(String)
    }

    private let state = Mutex<(calls: Int, answers: [Answer], gate: Bool)>((0, [], false))
    let clock: ManualClock

    init(clock: ManualClock, answers: [Answer]) {
        self.clock = clock
        state.withLock { $0.answers = answers }
    }

    var calls: Int { state.withLock { $0.calls } }

    func push(_ answer: Answer) { state.withLock { $0.answers.append(answer) } }

    func fetch() async throws -> Credential {
        let (number, answer): (Int, Answer) = state.withLock { state in
            state.calls += 1
            let answer = state.answers.isEmpty ? .credential(expiresIn: 3600) : state.answers.removeFirst()
            return (state.calls, answer)
        }
        switch answer {
        case .credential(let expiresIn):
            return Credential(
                accessKeyId: "STS.id\(number)", accessKeySecret: "secret\(number)", securityToken: "token\(number)",
                expiration: expiresIn.map { clock.now().addingTimeInterval($0) }, providerName: "test")
        case .failure(let message):
            throw CredentialsError.providerFailed(message)
        }
    }
}

@Suite("Refresh engine")
struct RefreshingCredentialsProviderTests {
    let clock = ManualClock()

    func makeProvider(_ fetch: ScriptedFetch, policy: RefreshPolicy = .sts) -> RefreshingCredentialsProvider {
        RefreshingCredentialsProvider(providerName: "test", policy: policy, clock: clock) { try await fetch.fetch() }
    }

    @Test("a fresh value is served from the cache")
    func cachesFreshValue() async throws {
        let fetch = ScriptedFetch(clock: clock, answers: [.credential(expiresIn: 3600)])
        let provider = makeProvider(fetch)
        let first = try await provider.credential()
        clock.advance(by: 2000)
        let second = try await provider.credential()
        #expect(first == second)
        #expect(fetch.calls == 1)
    }

    @Test("10 000 concurrent callers at expiry cause exactly one upstream call")
    func singleFlight() async throws {
        let fetch = ScriptedFetch(clock: clock, answers: [.credential(expiresIn: 3600), .credential(expiresIn: 3600)])
        let provider = makeProvider(fetch)
        _ = try await provider.credential()
        clock.advance(by: 3600 - 899)  // inside the 15-minute stale window
        let ids = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<10_000 { group.addTask { try await provider.credential().accessKeyId } }
            var ids = Set<String>()
            for try await id in group { ids.insert(id) }
            return ids
        }
        #expect(fetch.calls == 2)
        #expect(ids == ["STS.id2"])
    }

    @Test("concurrent readers on every core see a refresh: the old value until it is stale, then only the new one")
    func concurrentReadersFollowRefresh() async throws {
        let fetch = ScriptedFetch(clock: clock, answers: [.credential(expiresIn: 3600), .credential(expiresIn: 3600)])
        let provider = makeProvider(fetch)
        _ = try await provider.credential()
        func idsFromEightTasks() async throws -> Set<String> {
            try await withThrowingTaskGroup(of: Set<String>.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        var ids = Set<String>()
                        for _ in 0..<5_000 { ids.insert(try await provider.credential().accessKeyId) }
                        return ids
                    }
                }
                return try await group.reduce(into: Set<String>()) { $0.formUnion($1) }
            }
        }
        #expect(try await idsFromEightTasks() == ["STS.id1"])
        clock.advance(by: 3600 - 899)  // inside the stale window: the next call refreshes
        _ = try await provider.credential()
        #expect(try await idsFromEightTasks() == ["STS.id2"])
        provider.invalidate()
        #expect(try await idsFromEightTasks() == ["STS.id3"])
        #expect(fetch.calls == 3)
    }

    @Test("a failed refresh while the cached value is still valid serves the cached value")
    func staleIfError() async throws {
        let fetch = ScriptedFetch(clock: clock, answers: [.credential(expiresIn: 3600), .failure("sts down")])
        let provider = makeProvider(fetch)
        let first = try await provider.credential()
        clock.advance(by: 3000)  // stale (10 min left), not expired
        let second = try await provider.credential()
        #expect(second == first)
        #expect(fetch.calls == 2)
        // Within the backoff window no new upstream call is made.
        _ = try await provider.credential()
        #expect(fetch.calls == 2)
    }

    @Test("after expiry a failed refresh raises the error and never returns the expired value")
    func failureAfterExpiry() async throws {
        let fetch = ScriptedFetch(clock: clock, answers: [.credential(expiresIn: 3600), .failure("sts down"), .failure("still down")])
        let provider = makeProvider(fetch)
        _ = try await provider.credential()
        clock.advance(by: 3601)
        await #expect(throws: CredentialsError.self) { try await provider.credential() }
        await #expect(throws: CredentialsError.self) { try await provider.credential() }
        #expect(fetch.calls == 3)
    }

    @Test("ECS policy serves the last value even after expiry when the refresh fails")
    func ecsServesExpired() async throws {
        let fetch = ScriptedFetch(clock: clock, answers: [.credential(expiresIn: 3600), .failure("imds down")])
        let provider = makeProvider(fetch, policy: .ecs)
        let first = try await provider.credential()
        clock.advance(by: 4000)
        let second = try await provider.credential()
        #expect(second == first)
    }

    @Test("a credential fetched inside the stale window is served, and the next call refreshes again")
    func freshValueInsideStaleWindow() async throws {
        let fetch = ScriptedFetch(clock: clock, answers: [.credential(expiresIn: 600), .credential(expiresIn: 600)])
        let provider = makeProvider(fetch)
        #expect(try await provider.credential().accessKeyId == "STS.id1")
        #expect(try await provider.credential().accessKeyId == "STS.id2")
        #expect(fetch.calls == 2)
    }

    @Test("an already expired first answer is an error: No cached value was found.")
    func expiredFirstAnswer() async throws {
        let fetch = ScriptedFetch(clock: clock, answers: [.credential(expiresIn: -100)])
        let provider = makeProvider(fetch)
        await #expect {
            try await provider.credential()
        } throws: { error in
            (error as? CredentialsError)?.message == "No cached value was found."
        }
    }

    @Test("the first failure with nothing cached is raised")
    func firstFailure() async throws {
        let fetch = ScriptedFetch(clock: clock, answers: [.failure("boom")])
        let provider = makeProvider(fetch)
        await #expect {
            try await provider.credential()
        } throws: { error in
            (error as? CredentialsError)?.message == "boom"
        }
    }

    @Test("prefetch refreshes in the background while callers keep the cached value")
    func prefetchDoesNotBlock() async throws {
        let gate = Gate()
        let calls = Atomic<Int>(0)
        let clock = self.clock
        let provider = RefreshingCredentialsProvider(providerName: "test", policy: RefreshPolicy(prefetchAfterFetch: 60), clock: clock) {
            let n = calls.add(1, ordering: .relaxed).newValue
            if n == 2 { await gate.wait() }
            return Credential(accessKeyId: "id\(n)", accessKeySecret: "s", expiration: clock.now().addingTimeInterval(3600), providerName: "t")
        }
        #expect(try await provider.credential().accessKeyId == "id1")
        clock.advance(by: 120)
        // The background refresh is parked on the gate: callers still get the cached value at once.
        #expect(try await provider.credential().accessKeyId == "id1")
        #expect(try await provider.credential().accessKeyId == "id1")
        await gate.open()
        var latest = ""
        for _ in 0..<200 {
            latest = try await provider.credential().accessKeyId
            if latest == "id2" { break }
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        #expect(latest == "id2")
        #expect(calls.load(ordering: .relaxed) == 2)
    }

    @Test("the description of a credential never shows its secret")
    func redaction() {
        let credential = Credential(
            accessKeyId: "LTAI5tQxpeqgx5JvWsUV3FjV", accessKeySecret: "VerySecretValue123", securityToken: "TokenValue456", providerName: "x")
        let texts = [credential.description, credential.debugDescription, String(reflecting: credential), { var s = ""; dump(credential, to: &s); return s }()]
        for text in texts {
            #expect(!text.contains("VerySecretValue123"))
            #expect(!text.contains("TokenValue456"))
            #expect(!text.contains("LTAI5tQxpeqgx5JvWsUV3FjV"))
        }
        #expect(credential.description.contains("LTAI****3FjV"))
    }
}

/// Parks tasks until opened.
actor Gate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func open() {
        isOpen = true
        for waiter in waiters { waiter.resume() }
        waiters.removeAll()
    }
}

@Suite("Refresh engine: credentials without expiry")
struct NoExpiryTests {
    @Test("kept for good by default, fetched on every call with the External policy")
    func noExpiry() async throws {
        let clock = ManualClock()
        let kept = ScriptedFetch(clock: clock, answers: [.credential(expiresIn: nil), .credential(expiresIn: nil)])
        let keptProvider = RefreshingCredentialsProvider(providerName: "t", policy: .sts, clock: clock) { try await kept.fetch() }
        _ = try await keptProvider.credential()
        _ = try await keptProvider.credential()
        #expect(kept.calls == 1)
        let refetched = ScriptedFetch(clock: clock, answers: [.credential(expiresIn: nil), .credential(expiresIn: nil)])
        let external = RefreshingCredentialsProvider(providerName: "t", policy: .external, clock: clock) { try await refetched.fetch() }
        #expect(try await external.credential().accessKeyId == "STS.id1")
        #expect(try await external.credential().accessKeyId == "STS.id2")
    }
}
