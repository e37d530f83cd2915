@testable import CredentialsCore
import Foundation
import Testing

/// The fast path's clock may only err on the safe side: it serves only when the exact clock would.
@Suite("Fast path clock")
struct FastPathClockTests {
    @Test("system clock: nothing due within the next second is served by the fast path; later instants are")
    func systemClock() {
        let clock = FastPathClock(SystemClock())
        for _ in 0..<1_000 {
            let exact = Date().timeIntervalSince1970
            #expect(clock.now() >= clock.deadline(for: exact + 1))
            #expect(clock.now() < clock.deadline(for: exact + 4))
        }
    }

    @Test("injected clock: exact to the microsecond at the boundary, equal instants not served")
    func manualClock() {
        let manual = ManualClock()
        let clock = FastPathClock(manual)
        let instant = manual.now().addingTimeInterval(100).timeIntervalSince1970
        #expect(clock.now() < clock.deadline(for: instant))
        manual.advance(by: 100 - 0.000_001)
        #expect(clock.now() < clock.deadline(for: instant))
        manual.advance(by: 0.000_001)
        #expect(clock.now() >= clock.deadline(for: instant))
        manual.advance(by: 1)
        #expect(clock.now() >= clock.deadline(for: instant))
    }

    @Test("far, negative and not-a-number instants saturate instead of trapping", arguments: [false, true])
    func extremes(system: Bool) {
        let clock = FastPathClock(system ? SystemClock() : ManualClock())
        #expect(clock.now() < clock.deadline(for: Date.distantFuture.timeIntervalSince1970))
        #expect(clock.now() < clock.deadline(for: .infinity))
        #expect(clock.now() >= clock.deadline(for: -.infinity))
        #expect(clock.now() >= clock.deadline(for: .nan))
        #expect(clock.now() >= clock.deadline(for: Date.distantPast.timeIntervalSince1970))
    }
}
