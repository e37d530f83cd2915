import AlibabaCloudCredentials
import CredentialsCore

/// Benchmark 4: `credential()` on a warm provider (a RAM role assumed once on the emulator), from 1 task and
/// from 8 concurrent tasks; nanoseconds per call over batches, and heap allocations per call.
struct CachedCredentialBenchmark {
    /// Batches measured per case.
    let samples: Int
    /// Calls per task in one batch.
    let batch: Int

    func run(world: EmulatorWorld) async throws -> [BenchmarkResult] {
        let provider = try world.ramRoleProvider()
        let client = try world.ramRoleClient()
        _ = try await provider.credential()
        _ = try await client.credential()
        let stsCalls = world.stsCalls
        var results: [BenchmarkResult] = []
        for tasks in [1, 8] {
            results.append(try await measure(
                id: "cached.provider.\(tasks)task", title: "RAMRoleARNProvider.credential(), warm, \(tasks) task(s)", tasks: tasks
            ) { try await Self.callProvider(provider, times: $0) })
            results.append(try await measure(
                id: "cached.client.\(tasks)task", title: "CredentialsClient(config: ram_role_arn).credential(), warm, \(tasks) task(s)", tasks: tasks
            ) { try await Self.callClient(client, times: $0) })
        }
        let floors = CachedFloors(try await provider.credential())
        for floor in CachedFloors.bodies(floors) {
            results.append(try await measure(id: floor.id, title: floor.title, tasks: 1, floor.body))
        }
        // The machine's own scaling: the same work as the async floor, but every task has its own lock and its own
        // credential (nothing shared), from 1 and 8 tasks. What 8 tasks add here is not sharing.
        for tasks in [1, 8] {
            results.append(try await measure(
                id: "floor.unshared.\(tasks)task", title: "floor: Mutex + copy of a Credential, async, nothing shared between tasks, \(tasks) task(s)",
                tasks: tasks
            ) { times in
                try await CachedFloors.ownFloorPerTask(times: times)
            })
        }
        guard world.stsCalls == stsCalls else {
            throw CredentialsError(.providerFailed, "the cached benchmark called STS \(world.stsCalls - stsCalls) more time(s): the value was not cached")
        }
        return results
    }

    private func measure(
        id: String, title: String, tasks: Int, _ body: @escaping @Sendable (Int) async throws -> Int
    ) async throws -> BenchmarkResult {
        _ = try await body(batch)
        let allocationsBefore = allocationCount
        let calls = batch * 10
        blackHole(try await body(calls))
        let allocationsPerCall = Double(allocationCount - allocationsBefore) / Double(calls)

        var perCall: [Double] = []
        var cpuPerCall: [Double] = []
        perCall.reserveCapacity(samples)
        cpuPerCall.reserveCapacity(samples)
        for _ in 0..<samples {
            let start = ContinuousClock.now
            let cpuStart = processCPUTime()
            // Even one task is a child task: both cases measure the same kind of caller.
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<tasks { group.addTask { try await body(batch) } }
                for try await checksum in group { blackHole(checksum) }
            }
            perCall.append((ContinuousClock.now - start).nanoseconds / Double(batch * tasks))
            cpuPerCall.append((processCPUTime() - cpuStart) / Double(batch * tasks))
        }
        var figures = BenchmarkResult.latency(Statistics(perCall))
        let cpu = Statistics(cpuPerCall)
        figures.append(("cpu_median_ns", BenchmarkResult.number(cpu.median)))
        figures.append(("cpu_p99_ns", BenchmarkResult.number(cpu.p99)))
        figures.append(("calls_per_sample", BenchmarkResult.number(batch * tasks)))
        figures.append(("allocations_per_call", BenchmarkResult.number(allocationsPerCall)))
        return BenchmarkResult(id: id, title: title, figures)
    }

    @inline(never)
    static func callProvider(_ provider: RAMRoleARNProvider, times: Int) async throws -> Int {
        var checksum = 0
        for _ in 0..<times { checksum &+= try await provider.credential().accessKeyId.utf8.count }
        return checksum
    }

    @inline(never)
    static func callClient(_ client: CredentialsClient, times: Int) async throws -> Int {
        var checksum = 0
        for _ in 0..<times { checksum &+= try await client.credential().accessKeyId?.utf8.count ?? 0 }
        return checksum
    }
}
