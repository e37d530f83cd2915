#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the refresh engine's fast path reads "now" to decide whether the cached credential may be served.
///
/// With an injected clock (tests, ``ManualClock``) it reads that clock, exactly. With the ``SystemClock`` on
/// Linux it reads the kernel's coarse real-time clock (`CLOCK_REALTIME_COARSE`: the time of the last tick,
/// about 10 ns instead of about 30 ns for `Date()` on a VM) and adds a safety margin larger than that clock's
/// lag, so it serves only when the exact clock would too; the last moment before a stale or prefetch
/// point goes to the exact path. The margin (≥ 1 s) is tiny next to the refresh windows (minutes).
struct FastPathClock: Sendable {
    private let clock: any CredentialsClock
    /// Seconds added to the coarse clock; nil: read `clock` itself.
    private let coarseMargin: Double?

    init(_ clock: any CredentialsClock) {
        self.clock = clock
        coarseMargin = clock is SystemClock ? Self.coarseClockMargin() : nil
    }

    /// Seconds since 1970 that are not earlier than the exact current time (a value may be served if this is
    /// before the point until which it is served).
    func latestPossibleNow() -> Double {
        guard let coarseMargin else { return clock.now().timeIntervalSince1970 }
        return Self.coarseNow() + coarseMargin
    }

    #if os(Linux)
    private static func coarseNow() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME_COARSE, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000
    }

    /// Twice the coarse clock's resolution (a tick, 1–10 ms), and at least a second; nil when it is unavailable.
    private static func coarseClockMargin() -> Double? {
        var resolution = timespec()
        guard clock_getres(CLOCK_REALTIME_COARSE, &resolution) == 0 else { return nil }
        let seconds = Double(resolution.tv_sec) + Double(resolution.tv_nsec) / 1_000_000_000
        guard seconds > 0, seconds < 0.5 else { return nil }
        return max(1, 2 * seconds)
    }
    #else
    private static func coarseNow() -> Double { 0 }
    private static func coarseClockMargin() -> Double? { nil }
    #endif
}
