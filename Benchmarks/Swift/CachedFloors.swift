#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CredentialsCore
import Synchronization

/// Lower bounds for a cached read, to show where the time of `credential()` goes: the same kind of work as the
/// refresh engine's fast path (an async call, a `Mutex`, a copy of the `Credential` value)
/// with nothing else around it. Not part of the library.
final class CachedFloors: Sendable {
    /// A credential held by reference: a read retains one object instead of each string.
    final class Box: Sendable {
        let credential: Credential
        init(_ credential: Credential) { self.credential = credential }
    }

    private let value: Mutex<Credential>
    private let boxed: Mutex<Box>

    init(_ credential: Credential) {
        value = Mutex(credential)
        boxed = Mutex(Box(credential))
    }

    @inline(never)
    func asyncCopy() async -> Credential { value.withLock { $0 } }

    @inline(never)
    func asyncBox() async -> Box { boxed.withLock { $0 } }

    @inline(never)
    func syncCopy() -> Credential { value.withLock { $0 } }

    /// The floors as benchmark bodies: `times` calls, a checksum of the results.
    static func bodies(_ floors: CachedFloors) -> [(id: String, title: String, body: @Sendable (Int) async throws -> Int)] {
        [
            ("floor.async-mutex-copy", "floor: Mutex + copy of a Credential, async function of the same module", { times in
                var sum = 0
                for _ in 0..<times { sum &+= await floors.asyncCopy().accessKeyId.utf8.count }
                return sum
            }),
            ("floor.async-mutex-box", "floor: Mutex + one class reference to the Credential, async function of the same module", { times in
                var sum = 0
                for _ in 0..<times { sum &+= await floors.asyncBox().credential.accessKeyId.utf8.count }
                return sum
            }),
            ("floor.sync-mutex-copy", "floor: Mutex + copy of a Credential, synchronous", { times in
                var sum = 0
                for _ in 0..<times { sum &+= floors.syncCopy().accessKeyId.utf8.count }
                return sum
            }),
        ]
    }
}
