import Foundation
#if canImport(Glibc)
import Glibc
import CredentialsCore
#endif

/// The payloads `cloudcred-file-probe` writes (`Tests/Support/FileProbe/main.swift` makes them the same way):
/// `<tag>|<one letter × a length>|<tag>`, where the letter and the length (base + 0…4095) follow from the tag.
/// A torn or mixed file cannot pass ``isComplete(_:base:)``.
public enum FileProbePayload {
    /// The payload for `tag`.
    public static func make(tag: String, base: Int) -> String {
        let hash = fnv1a(tag)
        let letter = Character(Unicode.Scalar(UInt8(97 + hash % 26)))
        return "\(tag)|\(String(repeating: letter, count: base + Int(hash % 4096)))|\(tag)"
    }

    /// The tag of a complete payload, nil for anything else.
    public static func tag(of payload: String, base: Int) -> String? {
        guard let bar = payload.firstIndex(of: "|") else { return nil }
        let tag = String(payload[..<bar])
        return make(tag: tag, base: base) == payload ? tag : nil
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}

/// Starting, killing and waiting for `cloudcred-file-probe` processes (posix_spawn, so many can run at once
/// without Foundation's Process bookkeeping).
public enum FileProbeProcess {
    /// The built probe.
    public static var path: String { BinaryRunner.productsDirectory.appendingPathComponent("cloudcred-file-probe").path }

    /// Starts the probe with `arguments`, stdout and stderr to `log` (appended); returns its pid.
    /// With `umask`, the probe runs under that umask (through `/bin/sh -c 'umask …; exec …'`).
    public static func start(_ arguments: [String], log: String = "/dev/null", environment: [String: String] = [:], umask: String? = nil) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let command = umask.map { ["/bin/sh", "-c", "umask \($0) && exec \"$0\" \"$@\"", path] } ?? [path]
        let argv = (command + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, umask == nil ? path : "/bin/sh", &actions, nil, argv, envp)
        guard code == 0 else { throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO) }
        return pid
    }

    /// Waits for `pid`; its exit status, or 128 + signal when a signal ended it.
    public static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Waits for `pid` off the cooperative pool.
    public static func waitAsync(_ pid: pid_t) async -> Int32 {
        await withCheckedContinuation { continuation in
            OwnThread.detach { continuation.resume(returning: wait(pid)) }
        }
    }

    /// Runs the probe to its end; its exit status and output.
    public static func run(_ arguments: [String], environment: [String: String] = [:], umask: String? = nil) async throws -> (status: Int32, output: String) {
        let log = NSTemporaryDirectory() + "cloudcred-probe-\(UUID().uuidString).log"
        defer { unlink(log) }
        let pid = try start(arguments, log: log, environment: environment, umask: umask)
        let status = await waitAsync(pid)
        return (status, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }

    /// Starts the probe in a writing loop, waits for its first completed write (it prints `w` after each), lets it
    /// run `delay` seconds more, then SIGKILLs it and reaps it. Returns the exit status (137 after the kill; 0 or 1
    /// if it ended by itself) and how many writes it reported.
    public static func killAfterFirstWrite(_ delay: Double, _ arguments: [String]) async throws -> (status: Int32, writes: Int) {
        let log = NSTemporaryDirectory() + "cloudcred-probe-\(UUID().uuidString).log"
        defer { unlink(log) }
        let pid = try start(arguments, log: log)
        let deadline = Date().addingTimeInterval(30)
        // A probe that fails prints its error instead, which ends the wait too.
        while (FileTestSupport.size(log) ?? 0) == 0 && Date() < deadline {
            try await Task.sleep(nanoseconds: 2_000_000)
        }
        try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
        kill(pid, SIGKILL)
        let status = await waitAsync(pid)
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return (status, output.split(separator: "\n").filter { $0 == "w" }.count)
    }
}

/// Small file-system helpers for the file-safety and bad-input tests.
public enum FileTestSupport {
    /// A fresh directory under the temporary directory.
    public static func makeDirectory(_ label: String) throws -> String {
        let path = NSTemporaryDirectory() + "cloudcred-\(label)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The permission bits of `path` (not following a final symlink when `following` is false).
    public static func mode(_ path: String, following: Bool = true) -> UInt32? {
        var info = stat()
        let code = following ? stat(path, &info) : lstat(path, &info)
        return code == 0 ? UInt32(info.st_mode) & 0o7777 : nil
    }

    /// The size of a file, nil when it is missing.
    public static func size(_ path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : nil
    }

    /// True when `path` is a symbolic link.
    public static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// The names in `directory`, sorted.
    public static func names(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    /// Every regular file under `directory` with its bytes (relative path → bytes), for before/after comparisons.
    public static func snapshot(_ directory: String) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return result }
        while let relative = walker.nextObject() as? String {
            let full = directory + "/" + relative
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG: result[relative] = FileManager.default.contents(atPath: full) ?? Data()
            case S_IFLNK: result[relative] = Data("-> \((try? FileManager.default.destinationOfSymbolicLink(atPath: full)) ?? "?")".utf8)
            case S_IFDIR: result[relative + "/"] = Data()
            default: result[relative] = Data("special".utf8)
            }
        }
        return result
    }
}
