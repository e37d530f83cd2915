import CredentialsCore
import Foundation
import Testing

@Suite("File lock (flock)")
struct FileLockTests {
    @Test("an exclusive lock held elsewhere times out with an error naming the file")
    func exclusiveTimesOut() throws {
        let directory = try LockTestDirectory()
        let path = directory.file("config.json")
        try Data("{}".utf8).write(to: URL(fileURLWithPath: path))
        let holder = try FileLock.acquire(path: path)
        defer { holder.unlock() }

        let start = Date()
        let error = #expect(throws: FileOperationError.self) { try FileLock.acquire(path: path, timeout: 0.3) }
        let elapsed = Date().timeIntervalSince(start)
        #expect(error?.isLockTimeout == true)
        #expect(error?.description == "timed out after 0.3 s waiting for the lock on \(path) (another process holds it)")
        #expect(elapsed >= 0.25 && elapsed < 5)
    }

    @Test("a timeout of 0 tries exactly once")
    func zeroTimeout() throws {
        let directory = try LockTestDirectory()
        let path = directory.file("lock")
        let holder = try FileLock.acquire(path: path, createMode: 0o600)
        let start = Date()
        #expect(throws: FileOperationError.self) { try FileLock.acquire(path: path, timeout: 0, createMode: 0o600) }
        #expect(Date().timeIntervalSince(start) < 1)
        holder.unlock()
        _ = try FileLock.acquire(path: path, timeout: 0, createMode: 0o600)
    }

    @Test("shared locks coexist and keep an exclusive one out")
    func sharedLocks() throws {
        let directory = try LockTestDirectory()
        let path = directory.file("data")
        let first = try FileLock.acquire(path: path, mode: .shared, timeout: 0, createMode: 0o600)
        let second = try FileLock.acquire(path: path, mode: .shared, timeout: 0, createMode: 0o600)
        #expect(first.mode == .shared && second.path == path)
        let error = #expect(throws: FileOperationError.self) { try FileLock.acquire(path: path, mode: .exclusive, timeout: 0.05) }
        #expect(error?.isLockTimeout == true)
        first.unlock()
        second.unlock()
        second.unlock()  // a second unlock does nothing
        let exclusive = try FileLock.acquire(path: path, mode: .exclusive, timeout: 0)
        #expect(throws: FileOperationError.self) { try FileLock.acquire(path: path, mode: .shared, timeout: 0) }
        exclusive.unlock()
    }

    @Test("releasing the lock object unlocks")
    func deinitUnlocks() throws {
        let directory = try LockTestDirectory()
        let path = directory.file("lock")
        do {
            let scoped = try FileLock.acquire(path: path, createMode: 0o600)
            _ = scoped.path
        }
        _ = try FileLock.acquire(path: path, timeout: 0)
    }

    @Test("a waiter gets the lock when the holder releases it")
    func waitsForRelease() async throws {
        let directory = try LockTestDirectory()
        let path = directory.file("lock")
        let holder = try await FileLock.acquire(path: path, createMode: 0o600)
        let releaser = Task {
            try await Task.sleep(nanoseconds: 200_000_000)
            holder.unlock()
        }
        let start = Date()
        let lock = try await FileLock.acquire(path: path, timeout: 10)
        #expect(Date().timeIntervalSince(start) >= 0.15)
        lock.unlock()
        try await releaser.value
    }

    @Test("the async wait times out too")
    func asyncTimeout() async throws {
        let directory = try LockTestDirectory()
        let path = directory.file("lock")
        let holder = try await FileLock.acquire(path: path, createMode: 0o600)
        defer { holder.unlock() }
        await #expect(throws: FileOperationError.self) { try await FileLock.acquire(path: path, timeout: 0.1) }
    }

    @Test("a missing file is an error unless a create mode is given; a sidecar is created 0600")
    func missingFile() throws {
        let directory = try LockTestDirectory()
        let path = directory.file("absent")
        let error = #expect(throws: FileOperationError.self) { try FileLock.acquire(path: path) }
        #expect(error?.operation == .open)
        #expect(error?.errno == ENOENT)
        #expect(error?.description == "cannot open \(path): No such file or directory")

        let sidecar = directory.file("config.json.lock")
        let lock = try FileLock.acquire(path: sidecar, createMode: 0o600)
        #expect(lockTestMode(sidecar) == 0o600)
        lock.unlock()
    }

    @Test("a file replaced while someone waits is locked anew, so writers still exclude each other")
    func replacedFile() throws {
        let directory = try LockTestDirectory()
        let path = directory.file("config.json")
        try AtomicFile.write("0", to: path)
        let holder = try FileLock.acquire(path: path)
        // The holder replaces the file (new inode) and keeps its lock on the old one.
        try AtomicFile.write("1", to: path)
        // A newcomer locks the new inode: nobody holds it.
        let newcomer = try FileLock.acquire(path: path, timeout: 0)
        // And a third party now has to wait for the newcomer, not for the stale holder.
        #expect(throws: FileOperationError.self) { try FileLock.acquire(path: path, timeout: 0.05) }
        holder.unlock()
        #expect(throws: FileOperationError.self) { try FileLock.acquire(path: path, timeout: 0.05) }
        newcomer.unlock()
        _ = try FileLock.acquire(path: path, timeout: 0)
    }
}

/// A temporary directory removed when the value goes away.
final class LockTestDirectory: Sendable {
    let path: String

    init() throws {
        var template = Array("/tmp/cloudcred-lock-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        path = String(cString: created)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func file(_ name: String) -> String { path + "/" + name }

    /// Names in the directory.
    func listing(_ subdirectory: String? = nil) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: subdirectory.map { path + "/" + $0 } ?? path))?.sorted() ?? []
    }
}

/// The permission bits of `path` (following links).
func lockTestMode(_ path: String) -> UInt32 {
    var info = stat()
    guard stat(path, &info) == 0 else { return 0 }
    return UInt32(info.st_mode) & 0o7777
}
