#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import AlibabaCloudCredentials
import CloudEmulator
import CredentialsCore

/// Benchmark 5: 10 000 concurrent callers of one provider at the moment its credential needs refreshing.
///
/// * stale: the clock is moved past the stale time (expiry − 15 min); every caller needs a new value; exactly one
///   `AssumeRole` may reach the emulator. Run as is (loopback STS) and with the STS answer delayed, so that every
///   caller certainly arrives while the one call is in flight.
/// * prefetch: a provider with `prefetchBeforeExpiry`, the clock moved into the prefetch window, the STS answer
///   delayed by `prefetchDelayMs`: no caller may wait that long (none waits on the network), and one background
///   `AssumeRole` happens.
struct RefreshStormBenchmark {
    let callers: Int
    static let staleDelayMs = 100
    static let prefetchDelayMs = 250

    func run(world: EmulatorWorld) async throws -> [BenchmarkResult] {
        [
            try await stale(world: world, delayMs: nil),
            try await stale(world: world, delayMs: Self.staleDelayMs),
            try await prefetch(world: world),
        ]
    }

    private func stale(world: EmulatorWorld, delayMs: Int?) async throws -> BenchmarkResult {
        let provider = try world.ramRoleProvider()
        let old = try await provider.credential()
        try moveClock(world, toSecondsBeforeExpiryOf: old, 899)
        if let delayMs { world.emulator.addFault(FaultRule(endpoint: .sts, action: "AssumeRole", times: 1, effect: .delay(milliseconds: delayMs))) }
        let before = world.stsCalls
        let storm = try await storm { try await provider.credential() }
        let stsCalls = world.stsCalls - before
        let renewed = storm.keys.filter { $0 != old.accessKeyId }.count
        let suffix = delayMs.map { ", STS answer delayed \($0) ms" } ?? ", loopback STS"
        return BenchmarkResult(
            id: delayMs == nil ? "storm.stale" : "storm.stale.delayed", title: "\(callers) callers when the credential goes stale\(suffix)",
            BenchmarkResult.latency(Statistics(storm.latencies)) + [
                ("callers", BenchmarkResult.number(callers)), ("sts_calls", BenchmarkResult.number(stsCalls)),
                ("callers_given_new_credential", BenchmarkResult.number(renewed)),
                ("storm_wall_ns", BenchmarkResult.number(storm.wall)),
            ])
    }

    private func prefetch(world: EmulatorWorld) async throws -> BenchmarkResult {
        let policy = RefreshPolicy(prefetchBeforeExpiry: 1200)
        // Each fetch assumes the role once (a fresh RAM role provider has nothing cached).
        let provider = RefreshingCredentialsProvider(providerName: "ram_role_arn", policy: policy, clock: world.context.clock) {
            try await world.ramRoleProvider().credential()
        }
        let old = try await provider.credential()
        try moveClock(world, toSecondsBeforeExpiryOf: old, 1100)
        world.emulator.addFault(FaultRule(endpoint: .sts, action: "AssumeRole", times: 1, effect: .delay(milliseconds: Self.prefetchDelayMs)))
        let before = world.stsCalls
        let storm = try await storm { try await provider.credential() }
        let waitedOnNetwork = storm.latencies.filter { $0 >= Double(Self.prefetchDelayMs) * 1e6 }.count
        let served = storm.keys.filter { $0 == old.accessKeyId }.count
        // The background refresh finishes after the injected delay; then callers get the new credential.
        let deadline = ContinuousClock.now + .seconds(10)
        var renewed = try await provider.credential()
        while renewed.accessKeyId == old.accessKeyId, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
            renewed = try await provider.credential()
        }
        return BenchmarkResult(
            id: "storm.prefetch", title: "\(callers) callers inside the prefetch window, STS answer delayed \(Self.prefetchDelayMs) ms",
            BenchmarkResult.latency(Statistics(storm.latencies)) + [
                ("callers", BenchmarkResult.number(callers)), ("sts_calls", BenchmarkResult.number(world.stsCalls - before)),
                ("callers_waiting_on_network", BenchmarkResult.number(waitedOnNetwork)),
                ("callers_served_cached", BenchmarkResult.number(served)),
                ("renewed_after_prefetch", .bool(renewed.accessKeyId != old.accessKeyId)),
                ("storm_wall_ns", BenchmarkResult.number(storm.wall)),
            ])
    }

    private func moveClock(_ world: EmulatorWorld, toSecondsBeforeExpiryOf credential: Credential, _ seconds: Double) throws {
        guard let expiration = credential.expiration, let clock = world.manualClock else {
            throw CredentialsError(.providerFailed, "the storm needs a manual clock and a credential that expires")
        }
        clock.set(expiration.addingTimeInterval(-seconds))
    }

    private struct Storm {
        var latencies: [Double] = []
        var keys: [String] = []
        var wall: Double = 0
    }

    /// Starts `callers` tasks, holds them at a gate until all are ready, releases them together, and times each call.
    private func storm(_ call: @escaping @Sendable () async throws -> Credential) async throws -> Storm {
        let gate = StartGate()
        let callers = self.callers
        var storm = Storm()
        storm.latencies.reserveCapacity(callers)
        storm.keys.reserveCapacity(callers)
        let wallStart = ContinuousClock.now
        try await withThrowingTaskGroup(of: (Double, String).self) { group in
            for _ in 0..<callers {
                group.addTask {
                    await gate.wait()
                    let start = ContinuousClock.now
                    let credential = try await call()
                    return ((ContinuousClock.now - start).nanoseconds, credential.accessKeyId)
                }
            }
            while gate.waitingCount < callers { await Task.yield() }
            gate.open()
            for try await (latency, key) in group {
                storm.latencies.append(latency)
                storm.keys.append(key)
            }
        }
        storm.wall = (ContinuousClock.now - wallStart).nanoseconds
        return storm
    }
}
