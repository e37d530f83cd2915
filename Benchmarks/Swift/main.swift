// cloudcred-benchmarks: the in-process benchmarks of issue 6, run by scripts/bench (see docs/PERFORMANCE.md).
//
//   cloudcred-benchmarks [cached|storm|all] [--quick] [--json FILE]
//
//   cached   benchmark 4: credential() on a warm provider, 1 and 8 tasks: ns per call (median, p99 of batches), allocations
//   storm    benchmark 5: 10 000 callers at refresh time: STS calls, caller latency p50/p99, with and without prefetch
//
// Build it in release (scripts/bench does: same scratch path and flags as the shipped cloudcred).
import CredentialsCore

#if canImport(Glibc)
import Glibc
#endif

var which = "all"
var quick = false
var jsonPath: String?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "cached", "storm", "all": which = argument
    case "--quick": quick = true
    case "--json": jsonPath = arguments.popFirst()
    default:
        print("usage: cloudcred-benchmarks [cached|storm|all] [--quick] [--json FILE]")
        exit(2)
    }
}

/// Runs `body` in a world of its own and stops it afterwards.
func inWorld(manualClock: Bool, _ body: (EmulatorWorld) async throws -> [BenchmarkResult]) async throws -> [BenchmarkResult] {
    let world = try await EmulatorWorld.start(manualClock: manualClock)
    do {
        let results = try await body(world)
        await world.stop()
        return results
    } catch {
        await world.stop()
        throw error
    }
}

var results: [BenchmarkResult] = []
do {
    if which == "cached" || which == "all" {
        let benchmark = quick ? CachedCredentialBenchmark(samples: 20, batch: 10_000) : CachedCredentialBenchmark(samples: 200, batch: 50_000)
        results += try await inWorld(manualClock: false) { try await benchmark.run(world: $0) }
    }
    if which == "storm" || which == "all" {
        results += try await inWorld(manualClock: true) { try await RefreshStormBenchmark(callers: 10_000).run(world: $0) }
    }
} catch {
    print("cloudcred-benchmarks: \(error)")
    exit(1)
}

for result in results { print(result.line) }
if let jsonPath {
    let document = JSONValue.array(results.map(\.json)).serialized(style: .pythonIndented(2)) + "\n"
    do {
        try AtomicFile.write(document, to: jsonPath, permissions: .exactly(0o644))
    } catch {
        print("cloudcred-benchmarks: cannot write \(jsonPath): \(error)")
        exit(1)
    }
}
