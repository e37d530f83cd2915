import CredentialsCore
import Foundation
import Testing

@Suite("Atomic file writes")
struct AtomicFileTests {
    @Test("a new file gets 0600 by default, whatever the umask")
    func newFileOwnerOnly() throws {
        let directory = try LockTestDirectory()
        let path = directory.file("token.json")
        try AtomicFile.write(Array("{\"a\": 1}".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"a\": 1}")
        #expect(lockTestMode(path) == 0o600)
        #expect(directory.listing() == ["token.json"])
    }

    @Test("a new file gets the given default; an existing file keeps its permissions")
    func preservedMode() throws {
        let directory = try LockTestDirectory()
        let fresh = directory.file("fresh")
        try AtomicFile.write("x", to: fresh, permissions: .preserving(default: 0o644))
        #expect(lockTestMode(fresh) == 0o644)

        let existing = directory.file("config.json")
        try AtomicFile.write("old", to: existing)
        #expect(chmod(existing, 0o640) == 0)
        try AtomicFile.write("new", to: existing, permissions: .preserving(default: 0o644))
        #expect(lockTestMode(existing) == 0o640)
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "new")

        #expect(chmod(existing, 0o2751) == 0)
        try AtomicFile.write("newer", to: existing)
        #expect(lockTestMode(existing) == 0o2751)
    }

    @Test("exact permissions replace the old ones")
    func exactMode() throws {
        let directory = try LockTestDirectory()
        let path = directory.file("f")
        try AtomicFile.write("a", to: path, permissions: .exactly(0o644))
        try AtomicFile.write("b", to: path, permissions: .exactly(0o400))
        #expect(lockTestMode(path) == 0o400)
    }

    @Test("missing directories are created 0700 when asked")
    func createsDirectories() throws {
        let directory = try LockTestDirectory()
        let path = directory.file("a/b/c/cache.json")
        try AtomicFile.write("{}", to: path, createDirectories: true)
        #expect(lockTestMode(directory.file("a")) == 0o700)
        #expect(lockTestMode(directory.file("a/b/c")) == 0o700)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{}")

        // Existing directories are left alone.
        #expect(chmod(directory.file("a"), 0o755) == 0)
        try AtomicFile.write("{}", to: directory.file("a/other"), createDirectories: true, directoryMode: 0o700)
        #expect(lockTestMode(directory.file("a")) == 0o755)
    }

    @Test("a missing directory without createDirectories is a one-line error naming the path")
    func missingDirectory() throws {
        let directory = try LockTestDirectory()
        let path = directory.file("missing/config.json")
        let error = #expect(throws: FileOperationError.self) { try AtomicFile.write("x", to: path) }
        #expect(error?.description == "cannot write \(path): No such file or directory")
        #expect(error?.description.contains("\n") == false)
        #expect(directory.listing() == [])
    }

    @Test("a failed replace leaves the target as it was and no temporary file behind")
    func noTemporaryAfterFailure() throws {
        let directory = try LockTestDirectory()
        // The target is a non-empty directory: the temporary file is written, the rename fails.
        let path = directory.file("config.json")
        try FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
        let error = #expect(throws: FileOperationError.self) { try AtomicFile.write("x", to: path) }
        #expect(error?.operation == .rename)
        #expect(error?.path == path)
        #expect(error?.description.hasPrefix("cannot replace \(path): ") == true)
        #expect(directory.listing() == ["config.json"])
        #expect(directory.listing("config.json") == ["inside"])
    }

    @Test("a symlink at the target is replaced by a file; the file it pointed to is untouched")
    func symlinkTarget() throws {
        let directory = try LockTestDirectory()
        let real = directory.file("real")
        try AtomicFile.write("real", to: real)
        let link = directory.file("link")
        #expect(symlink(real, link) == 0)
        try AtomicFile.write("replaced", to: link, permissions: .exactly(0o600))
        #expect(try String(contentsOfFile: real, encoding: .utf8) == "real")
        #expect(try String(contentsOfFile: link, encoding: .utf8) == "replaced")
        var info = stat()
        #expect(lstat(link, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG)
    }

    @Test("100 concurrent read-modify-write tasks under the lock lose no update")
    func concurrentWriters() async throws {
        let directory = try LockTestDirectory()
        let path = directory.file("counter")
        try AtomicFile.write("0", to: path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<100 {
                group.addTask {
                    try await AtomicFile.withExclusiveLock(path: path, timeout: 60) {
                        let value = Int(try String(contentsOfFile: path, encoding: .utf8)) ?? -1_000
                        try AtomicFile.write(String(value + 1), to: path)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "100")
        #expect(directory.listing() == ["counter"])
    }

    @Test("threads using the blocking lock lose no update either")
    func concurrentThreads() throws {
        let directory = try LockTestDirectory()
        let path = directory.file("counter")
        try AtomicFile.write("0", to: path)
        let failures = FailureCount()
        let threads = (0..<16).map { _ in
            Thread {
                for _ in 0..<5 {
                    do {
                        try AtomicFile.withExclusiveLock(path: path, timeout: 60) {
                            let value = Int(try String(contentsOfFile: path, encoding: .utf8)) ?? -1_000
                            try AtomicFile.write(String(value + 1), to: path)
                        }
                    } catch {
                        failures.add()
                    }
                }
                failures.finish()
            }
        }
        threads.forEach { $0.start() }
        failures.waitForFinishes(16)
        #expect(failures.count == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "80")
    }

    @Test("a sidecar lock works for a file that does not exist yet")
    func sidecarLock() throws {
        let directory = try LockTestDirectory()
        let path = directory.file("cache/token.json")
        let result = try AtomicFile.withExclusiveLock(path: path, lockFile: directory.file("token.lock")) {
            try AtomicFile.write("{}", to: path, createDirectories: true)
            return 42
        }
        #expect(result == 42)
        #expect(lockTestMode(directory.file("token.lock")) == 0o600)
    }
}

/// Counts failures and finished threads (for the thread test).
final class FailureCount: @unchecked Sendable {
    private let condition = NSCondition()
    private var failures = 0
    private var finished = 0

    func add() {
        condition.lock()
        failures += 1
        condition.unlock()
    }

    func finish() {
        condition.lock()
        finished += 1
        condition.broadcast()
        condition.unlock()
    }

    var count: Int {
        condition.lock()
        defer { condition.unlock() }
        return failures
    }

    func waitForFinishes(_ expected: Int) {
        condition.lock()
        while finished < expected { condition.wait() }
        condition.unlock()
    }
}
