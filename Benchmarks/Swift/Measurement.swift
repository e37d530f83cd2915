import BenchmarkAllocations

#if canImport(Glibc)
import Glibc
#endif

/// Order statistics of a set of measurements (nanoseconds).
struct Statistics {
    let count: Int
    let median: Double
    let p99: Double
    let min: Double
    let max: Double

    init(_ values: [Double]) {
        let sorted = values.sorted()
        count = sorted.count
        median = Statistics.percentile(sorted, 50)
        p99 = Statistics.percentile(sorted, 99)
        min = sorted.first ?? 0
        max = sorted.last ?? 0
    }

    /// Nearest-rank percentile of sorted values.
    static func percentile(_ sorted: [Double], _ percent: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((percent / 100 * Double(sorted.count)).rounded(.up))
        return sorted[Swift.min(Swift.max(rank, 1), sorted.count) - 1]
    }
}

extension Duration {
    /// The duration in nanoseconds.
    var nanoseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1e9 + Double(attoseconds) / 1e9
    }
}

/// CPU time used by the whole process so far (all threads), in nanoseconds: unlike wall time, it does not grow
/// when other processes compete for the cores.
func processCPUTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1e9 + Double(time.tv_nsec)
}

/// Heap allocations made by the whole process so far (see Benchmarks/AllocationCounter).
var allocationCount: UInt { UInt(cloudcred_allocation_count()) }

/// Keeps a value alive and opaque to the optimizer.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
