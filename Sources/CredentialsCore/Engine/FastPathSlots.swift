#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CCurrentCPU
import Synchronization

/// What the refresh engine's fast path reads: the cached credential and the instant before which the state
/// machine would serve it, kept once per CPU core.
///
/// With one shared copy, callers on different cores write the same cache lines on every read (the lock word and
/// the credential's reference counts), and each read pays for moving those lines between cores: with 8 tasks on
/// 2 cores a cached read cost three times the CPU of a single task's. Here each core reads its own slot, a lock and
/// an unshared copy of the credential (``Credential/unsharedCopy()``) on cache lines of their own, so concurrent
/// readers do not touch each other's memory. All slots are written by ``publish(_:servedUntil:)``, with the
/// engine's lock held: a reader sees, in its slot, either the previous pair or the new one, never a mix.
///
/// Where the system cannot tell the current CPU (not Linux), every reader uses the first slot.
///
/// `@unchecked Sendable`: the slots live in memory this object allocates once and frees in `deinit`; every
/// access to a slot's value goes through that slot's `Mutex`.
final class FastPathSlots: @unchecked Sendable {
    /// One published credential and the ``FastPathClock`` tick before which it is served.
    struct Fresh: Sendable {
        let credential: Credential
        let deadline: Int64
    }

    /// A slot's lock and value; slots lie ``slotStride`` bytes apart, so two never share a cache line (nor the
    /// neighbouring line that x86 processors fetch along with one).
    private struct Slot: ~Copyable {
        let fresh = Mutex<Fresh?>(nil)
    }

    private static let lineSize = 128
    private static let slotStride = (MemoryLayout<Slot>.size + lineSize - 1) / lineSize * lineSize

    private let slots: UnsafeMutableRawPointer
    /// `count - 1`; the count is a power of two.
    private let mask: Int
    private let clock: FastPathClock

    /// - Parameters:
    ///   - clock: what decides whether a published value is still served.
    ///   - slotCount: how many copies to keep; default: one per CPU (a power of two, at most 64).
    init(clock: FastPathClock, slotCount: Int = FastPathSlots.defaultSlotCount()) {
        var count = 1
        while count < max(1, min(slotCount, 64)) { count *= 2 }
        mask = count - 1
        self.clock = clock
        // One line of room before the first slot too: nothing else allocated next to them shares their lines.
        slots = UnsafeMutableRawPointer.allocate(byteCount: (count + 1) * Self.slotStride, alignment: Self.lineSize)
            + Self.slotStride
        for index in 0..<count {
            (slots + index * Self.slotStride).initializeMemory(as: Slot.self, to: Slot())
        }
    }

    deinit {
        for index in 0..<count {
            (slots + index * Self.slotStride).assumingMemoryBound(to: Slot.self).deinitialize(count: 1)
        }
        (slots - Self.slotStride).deallocate()
    }

    /// How many slots there are.
    var count: Int { mask + 1 }

    /// The credential published last, if it is still served now; nil when nothing is published or its instant
    /// has passed (or is about to: see ``FastPathClock``).
    @inline(__always)
    func credential() -> Credential? {
        let cpu = Int(cloudcred_current_cpu())
        return credential(inSlot: cpu >= 0 ? cpu & mask : 0)
    }

    /// What ``credential()`` answers on a core whose slot is `index` (`0..<count`).
    @inline(__always)
    func credential(inSlot index: Int) -> Credential? {
        let now = clock.now()
        return (slots + index * Self.slotStride).assumingMemoryBound(to: Slot.self).pointee.fresh.withLock { fresh in
            guard let fresh, now < fresh.deadline else { return nil }
            return fresh.credential
        }
    }

    /// Replaces the pair in every slot (nil: nothing is served by the fast path). Callers serialise publications.
    /// - Parameter servedUntil: seconds since 1970 before which the credential may be served.
    func publish(_ credential: Credential?, servedUntil: Double) {
        let deadline = clock.deadline(for: servedUntil)
        for index in 0..<count {
            let value = credential.map { Fresh(credential: index == 0 ? $0 : $0.unsharedCopy(), deadline: deadline) }
            (slots + index * Self.slotStride).assumingMemoryBound(to: Slot.self).pointee.fresh.withLock { $0 = value }
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
