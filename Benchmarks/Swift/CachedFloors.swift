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

    /// `times` calls of the async floor on floors of the caller's own: a new credential (own storage, own strings)
    /// behind a new lock, so concurrent callers share nothing.
    @inline(never)
    static func ownFloorPerTask(times: Int) async throws -> Int {
        let own = CachedFloors(Credential(
            accessKeyId: "STS.floor-\(UInt64.random(in: 1...UInt64.max))", accessKeySecret: "floor-secret-\(UInt64.random(in: 1...UInt64.max))",
            securityToken: "floor-token-\(UInt64.random(in: 1...UInt64.max))", expiration: Date(timeIntervalSinceNow: 3600), providerName: "floor"))
        var sum = 0
        for _ in 0..<times { sum &+= await own.asyncCopy().accessKeyId.utf8.count }
        return sum
    }

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
