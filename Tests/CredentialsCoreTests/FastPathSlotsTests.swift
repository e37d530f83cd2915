@testable import CredentialsCore
import Foundation
import Testing

/// The core-local copies the refresh engine's fast path reads (one per CPU).
@Suite("Fast path slots")
struct FastPathSlotsTests {
    let clock = ManualClock()

    func credential(_ id: String = "STS.a-temporary-key-id-longer-than-15") -> Credential {
        Credential(
            accessKeyId: id, accessKeySecret: "a-secret-long-enough-to-live-on-the-heap",
            securityToken: "a-token-long-enough-to-live-on-the-heap", expiration: clock.now().addingTimeInterval(3600),
            providerName: "ram_role_arn")
    }

    @Test("the slot count is a power of two between 1 and 64", arguments: [(0, 1), (1, 1), (2, 2), (3, 4), (6, 8), (64, 64), (1000, 64)])
    func slotCount(requested: Int, expected: Int) {
        #expect(FastPathSlots(clock: FastPathClock(clock), slotCount: requested).count == expected)
    }

    @Test("the default is at least one slot per online CPU")
    func defaultSlotCount() {
        let slots = FastPathSlots(clock: FastPathClock(clock))
        #expect(slots.count >= min(64, ProcessInfo.processInfo.activeProcessorCount))
    }

    @Test("every slot serves the published credential until its instant, and nothing after")
    func servedUntil() {
        let slots = FastPathSlots(clock: FastPathClock(clock), slotCount: 4)
        for index in 0..<4 { #expect(slots.credential(inSlot: index) == nil) }
        let value = credential()
        slots.publish(value, servedUntil: clock.now().addingTimeInterval(100).timeIntervalSince1970)
        for index in 0..<4 { #expect(slots.credential(inSlot: index) == value) }
        #expect(slots.credential() == value)
        clock.advance(by: 99.5)
        for index in 0..<4 { #expect(slots.credential(inSlot: index) == value) }
        clock.advance(by: 0.5)
        for index in 0..<4 { #expect(slots.credential(inSlot: index) == nil) }
        #expect(slots.credential() == nil)
    }

    @Test("publishing nil empties every slot; a new publication replaces the old one in every slot")
    func republish() {
        let slots = FastPathSlots(clock: FastPathClock(clock), slotCount: 8)
        let until = clock.now().addingTimeInterval(100).timeIntervalSince1970
        slots.publish(credential("STS.first-key-id-0000000000"), servedUntil: until)
        slots.publish(nil, servedUntil: 0)
        for index in 0..<8 { #expect(slots.credential(inSlot: index) == nil) }
        slots.publish(credential("STS.second-key-id-000000000"), servedUntil: until)
        for index in 0..<8 { #expect(slots.credential(inSlot: index)?.accessKeyId == "STS.second-key-id-000000000") }
    }

    @Test("the copies in other slots share no object or string buffer with the published one")
    func copiesAreUnshared() throws {
        let slots = FastPathSlots(clock: FastPathClock(clock), slotCount: 2)
        let value = credential()
        slots.publish(value, servedUntil: clock.now().addingTimeInterval(100).timeIntervalSince1970)
        let first = try #require(slots.credential(inSlot: 0))
        let second = try #require(slots.credential(inSlot: 1))
        #expect(first.storage === value.storage)
        #expect(second.storage !== value.storage)
        #expect(second == value)
        #expect(second.hashValue == value.hashValue)
        for field in [\Credential.accessKeyId, \.accessKeySecret, \.providerName] where value[keyPath: field].utf8.count > 15 {
            #expect(bufferAddress(first[keyPath: field]) != bufferAddress(second[keyPath: field]))
        }
        #expect(bufferAddress(first.securityToken!) != bufferAddress(second.securityToken!))
    }

    @Test("an unshared copy keeps every field, short strings and nil fields included")
    func unsharedCopyKeepsFields() {
        let value = Credential(accessKeyId: "LTAIshort", accessKeySecret: "s", providerName: "")
        let copy = value.unsharedCopy()
        #expect(copy == value)
        #expect(copy.securityToken == nil && copy.bearerToken == nil && copy.expiration == nil)
        let bearer = Credential(accessKeyId: "", accessKeySecret: "", bearerToken: "a-bearer-token-of-some-length", providerName: "bearer")
        #expect(bearer.unsharedCopy() == bearer)
    }

    @Test("threads on any core read the same published value while it is served")
    func concurrentReaders() async {
        let slots = FastPathSlots(clock: FastPathClock(clock))
        let value = credential()
        slots.publish(value, servedUntil: clock.now().addingTimeInterval(100).timeIntervalSince1970)
        let wrong = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var wrong = 0
                    for _ in 0..<20_000 where slots.credential() != value { wrong += 1 }
                    return wrong
                }
            }
            return await group.reduce(0, +)
        }
        #expect(wrong == 0)
    }

    private func bufferAddress(_ text: String) -> UnsafeRawPointer? {
        var text = text
        return text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }
}
