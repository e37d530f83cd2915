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

/// How the refresh engine's fast path tells whether the cached credential may still be served, in whole "ticks"
/// compared as integers.
///
/// The fast path may only err on the safe side: it serves when ``now()`` is below an instant's ``deadline(for:)``,
/// and that must imply that the exact time is before the instant. Past that point (or near it) the full path
/// decides with the exact clock.
///
/// * With the ``SystemClock`` on Linux a tick is a second: ``now()`` is `time()` (the kernel's coarse clock,
///   read from the vDSO in a few nanoseconds; it lags the exact time by at most a timer tick) plus 2, so it is
///   always above the exact time's whole seconds, and a deadline is the instant's whole seconds. The last two
///   seconds before a stale or prefetch point go to the full path, which is nothing next to refresh windows of
///   minutes.
/// * With an injected clock (``ManualClock`` in tests) a tick is a nanosecond of that clock, rounded down on both
///   sides: the order of the readings is kept, and equal ticks do not serve.
struct FastPathClock: Sendable {
    private let clock: any CredentialsClock
    private let wholeSeconds: Bool

    init(_ clock: any CredentialsClock) {
        self.clock = clock
        wholeSeconds = clock is SystemClock && Self.coarseClockIsUsable()
    }

    /// Now, as an upper bound in ticks.
    @inline(__always)
    func now() -> Int64 {
        #if os(Linux)
        if wholeSeconds { return Int64(time(nil)) &+ 2 }
        #endif
        return Self.nanoseconds(clock.now().timeIntervalSince1970)
    }

    /// The tick before which an instant (seconds since 1970) has not come.
    func deadline(for instant: Double) -> Int64 {
        wholeSeconds ? Self.clamped(instant.rounded(.down)) : Self.nanoseconds(instant)
    }

    private static func nanoseconds(_ seconds: Double) -> Int64 {
        clamped((seconds * 1_000_000_000).rounded(.down))
    }

    /// A whole number of ticks as an `Int64`; out-of-range values saturate, NaN counts as the earliest tick.
    private static func clamped(_ value: Double) -> Int64 {
        guard !value.isNaN else { return .min }
        if value >= 9.2e18 { return .max }
        if value <= -9.2e18 { return .min }
        return Int64(value)
    }

    /// True when the kernel's coarse real-time clock (which `time()` reads) has a resolution below half a second.
    private static func coarseClockIsUsable() -> Bool {
        #if os(Linux)
        var resolution = timespec()
        guard clock_getres(CLOCK_REALTIME_COARSE, &resolution) == 0 else { return false }
        return resolution.tv_sec == 0 && resolution.tv_nsec > 0 && resolution.tv_nsec < 500_000_000
        #else
        return false
        #endif
    }
}
