#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CCurrentCPU
import Synchronization

/// What the refresh engine's fast path reads: the cached credential and the instant (seconds since 1970) before
/// which the state machine would serve it, kept once per CPU core.
///
/// With one shared copy, callers on different cores write the same cache lines on every read (the lock word and
/// the credential's reference counts), and each read pays for moving those lines between cores: with 8 tasks on
/// 2 cores a cached read cost three times the CPU of a single task's. Here each core reads its own slot, a lock and
/// an unshared copy of the credential (``Credential/unsharedCopy()``) on cache lines of their own, so concurrent
/// readers do not touch each other's memory. All slots are written by ``publish(_:)``, with the engine's lock
/// held: a reader sees, in its slot, either the previous pair or the new one, never a mix.
///
/// Where the system cannot tell the current CPU (not Linux), every reader uses the first slot.
///
/// Everything a read needs (the slots, the clock) is in this object, padded so that no other allocation shares
/// its cache lines; the provider holding it only contributes the one pointer to it.
final class FastPathSlots: Sendable {
    /// One published (credential, served-until) pair.
    struct Fresh: Sendable {
        let credential: Credential
        let servedUntil: Double
    }

    /// A slot: its lock and value, with room around them so that two slots never share a cache line (nor the
    /// neighbouring line that x86 processors fetch along with it).
    private final class Slot: Sendable {
        private let paddingBefore = CacheLinePair()
        let fresh = Mutex<Fresh?>(nil)
        private let paddingAfter = CacheLinePair()
    }

    /// 128 bytes that are never read.
    private struct CacheLinePair: Sendable {
        let words: (Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64,
                    Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    }

    private let slots: [Slot]
    /// `slots.count - 1`; the count is a power of two.
    private let mask: Int
    private let clock: FastPathClock
    private let paddingAfter = CacheLinePair()

    /// - Parameters:
    ///   - clock: what decides whether a published value is still served.
    ///   - slotCount: how many copies to keep; default: one per CPU (a power of two, at most 64).
    init(clock: FastPathClock, slotCount: Int = FastPathSlots.defaultSlotCount()) {
        var count = 1
        while count < max(1, min(slotCount, 64)) { count *= 2 }
        slots = (0..<count).map { _ in Slot() }
        mask = count - 1
        self.clock = clock
    }

    /// How many slots there are.
    var count: Int { slots.count }

    /// The credential published last, if it is still served now; nil when nothing is published or the instant
    /// has passed (by the clock's latest possible reading of now).
    @inline(__always)
    func credential() -> Credential? {
        let cpu = Int(cloudcred_current_cpu())
        return credential(inSlot: cpu >= 0 ? cpu & mask : 0)
    }

    /// What ``credential()`` answers on a core whose slot is `index` (`0..<count`).
    @inline(__always)
    func credential(inSlot index: Int) -> Credential? {
        let now = clock.latestPossibleNow()
        return slots[index].fresh.withLock { fresh in
            guard let fresh, now < fresh.servedUntil else { return nil }
            return fresh.credential
        }
    }

    /// Replaces the pair in every slot (nil: nothing is served by the fast path). Callers serialise publications.
    func publish(_ credential: Credential?, servedUntil: Double) {
        for (index, slot) in slots.enumerated() {
            let value = credential.map { Fresh(credential: index == 0 ? $0 : $0.unsharedCopy(), servedUntil: servedUntil) }
            slot.fresh.withLock { $0 = value }
        }
    }

    /// One slot per CPU the system has configured (CPU numbers run up to it, even when a container may use only
    /// some of them); `init` rounds it up to a power of two.
    static func defaultSlotCount() -> Int {
        #if os(Linux)
        let configured = sysconf(Int32(_SC_NPROCESSORS_CONF))
        return configured > 0 ? Int(configured) : 1
        #else
        return 1
        #endif
    }
}
