import CloudcredTestSupport
import Foundation
import Testing

/// kill -9 at random moments while the probe rewrites a file in a loop: afterwards the file is always exactly one
/// complete version, and the next writer succeeds whatever temporary files the kills left.
@Suite("File safety: kill -9 mid-write")
struct KillTortureTests {
    /// Rounds per file kind; the four kinds run at the same time.
    static let rounds = 50

    @Test("kill -9 at a random moment leaves the old or the new file, never a torn one", arguments: ProbeFile.allCases)
    func killedWriter(kind: ProbeFile) async throws {
        let root = try FileTestSupport.makeDirectory("kill-\(kind)")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try kind.prepare(in: root)
        let target = kind.target(in: root)
        let first = try await FileProbeProcess.run([kind.rawValue, target, "1"])
        try #require(first.status == 0, "the first write failed: \(first.output)")
        var previous = try kind.version(in: root).get()
        var writes = 0
        var generator = SystemRandomNumberGenerator()

        for round in 1...Self.rounds {
            // After the probe's first write: a random moment of its loop (a write takes a few to tens of ms).
            let delay = Double.random(in: 0...0.03, using: &generator)
            let (status, written) = try await FileProbeProcess.killAfterFirstWrite(delay, [kind.rawValue, target, "0"])
            #expect(status == 128 + SIGKILL, "round \(round): the probe ended by itself with \(status)")
            #expect(written >= 1, "round \(round): killed before any write")
            writes += written
            switch kind.version(in: root) {
            case .success(let tag):
                #expect(tag != previous || written == 0, "round \(round): the file did not change")
                previous = tag
            case .failure(let problem):
                Issue.record("round \(round), killed \(Int(delay * 1000)) ms after the first write: \(problem)")
                return
            }
        }

        // Leftover temporary files are never reused (O_EXCL, random names) and no reader lists them: the next
        // writer succeeds and the file is a complete version again. The token cache also removes them once they
        // are a minute old (its writes and evictions hold one lock, so no live writer owns them): aged here.
        let leftovers = kind.leftovers(in: root)
        if kind == .tokenCache {
            for name in leftovers {
                try FileManager.default.setAttributes(
                    [.modificationDate: Date(timeIntervalSinceNow: -120)], ofItemAtPath: kind.directory(in: root) + "/" + name)
            }
        }
        let next = try await FileProbeProcess.run([kind.rawValue, target, "1"])
        #expect(next.status == 0, "the writer after the kills failed: \(next.output)")
        #expect(throws: Never.self) { try kind.version(in: root).get() }
        if kind == .tokenCache {
            #expect(kind.leftovers(in: root).isEmpty, "the cache kept \(kind.leftovers(in: root).count) abandoned temporary files")
        } else {
            #expect(kind.leftovers(in: root).count == leftovers.count, "the next write added or removed temporary files")
        }
        if kind == .dockerConfig || kind == .configWriteBack {
            #expect(FileTestSupport.mode(target) == (kind == .dockerConfig ? 0o644 : 0o600), "the file's mode changed")
        }
        print("kill -9 \(kind): \(Self.rounds) rounds, \(writes) completed writes, \(leftovers.count) temporary files left by the kills")
    }
}
