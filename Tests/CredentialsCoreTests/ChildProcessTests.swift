import CredentialsCore
import Foundation
import Synchronization
import Testing

@Suite("Child process runner")
struct ChildProcessTests {
    static let environment = Environment(["PATH": "/usr/bin:/bin"])

    static func sh(_ script: String, stdin: ChildProcess.Input = .inherit, timeout: Double = 20, cap: Int = ChildProcess.defaultMaxOutputBytes)
        throws(ChildProcess.Failure) -> ChildProcess.Output
    {
        try ChildProcess.run(["sh", "-c", script], environment: environment, stdin: stdin, timeout: timeout, maxOutputBytes: cap)
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Input

    @Test("bytes are fed through a pipe that then closes; empty bytes are end of file at once")
    func stdinBytes() throws {
        let echoed = try Self.sh("cat; echo end", stdin: .bytes(Array("hello\n".utf8)))
        #expect(Self.text(echoed.stdout) == "hello\nend\n" && echoed.status == 0)
        #expect(Self.text(try Self.sh("wc -c", stdin: .bytes([])).stdout).trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        let big = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 % 251) }
        let roundTrip = try ChildProcess.run(["cat"], environment: Self.environment, stdin: .bytes(big), timeout: 20, maxOutputBytes: big.count)
        #expect(roundTrip.stdout == big)
    }

    @Test("inherit: the child reads our standard input, not a pipe of ours")
    func stdinInherited() throws {
        let ours = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/0")) ?? ""
        #expect(Self.text(try Self.sh("readlink /proc/self/fd/0").stdout) == (ours.isEmpty ? "" : ours + "\n"))
        #expect(Self.text(try Self.sh("readlink /proc/self/fd/0", stdin: .bytes([])).stdout).hasPrefix("pipe:"))
    }

    // MARK: Output

    @Test("outputs are read together and each is capped; the rest is drained so the child finishes")
    func capped() throws {
        let output = try Self.sh("head -c 2000000 /dev/zero >&2; head -c 3000000 /dev/zero; echo done >&2", cap: 1000)
        #expect(output.status == 0 && output.stdout.count == 1000 && output.stderr.count == 1000)
        let full = try Self.sh("head -c 3000000 /dev/zero | tr '\\0' x")
        #expect(full.stdout.count == ChildProcess.defaultMaxOutputBytes && full.stdout.allSatisfy { $0 == UInt8(ascii: "x") })
    }

    @Test("exit status, and minus the signal that ended the child")
    func status() throws {
        #expect(try Self.sh("exit 7").status == 7)
        #expect(try Self.sh("echo out; echo err >&2").status == 0)
        #expect(try Self.sh("kill -TERM $$").status == -SIGTERM)
        #expect(try Self.sh("kill -9 $$").status == -9)
    }

    // MARK: Timeout

    @Test("a child past the timeout is killed and reaped, also after closing its outputs")
    func timeout() throws {
        let directory = try LockTestDirectory()
        let pidFile = directory.file("pid")
        let started = ContinuousClock.now
        let error = #expect(throws: ChildProcess.Failure.self) { try Self.sh("echo $$ > '\(pidFile)'; exec sleep 5", timeout: 1) }
        #expect(error == .timedOut(program: "sh", seconds: 1))
        #expect(ContinuousClock.now - started < .seconds(3))
        let pid = try #require(pid_t(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, 0) == -1 && errno == ESRCH)  // gone, not a zombie

        let closed = #expect(throws: ChildProcess.Failure.self) { try Self.sh("exec >/dev/null 2>&1; sleep 5", timeout: 0.5) }
        #expect(closed == .timedOut(program: "sh", seconds: 0.5))
        #expect(ContinuousClock.now - started < .seconds(7))
    }

    // MARK: Finding and starting

    @Test("not found (ENOENT) vs only non-executable files (EACCES); PATH order; spawn errors")
    func lookup() throws {
        let directory = try LockTestDirectory()
        try AtomicFile.write("#!/bin/sh\necho first\n", to: directory.file("a/tool"), permissions: .exactly(0o644), createDirectories: true)
        try AtomicFile.write("#!/bin/sh\necho second\n", to: directory.file("b/tool"), permissions: .exactly(0o755), createDirectories: true)
        let onlyA = Environment(["PATH": directory.file("a")])
        let both = Environment(["PATH": directory.file("a") + ":" + directory.file("b")])
        func failure(_ arguments: [String], _ environment: Environment) -> ChildProcess.Failure? {
            #expect(throws: ChildProcess.Failure.self) { try ChildProcess.run(arguments, environment: environment, timeout: 10) }
        }
        #expect(Self.text(try ChildProcess.run(["tool"], environment: both, timeout: 10).stdout) == "second\n")
        #expect(failure(["tool"], onlyA) == .notFound(program: "tool", errno: EACCES))
        #expect(failure(["no-such-tool"], both) == .notFound(program: "no-such-tool", errno: ENOENT))
        #expect(failure([directory.file("a/tool")], both) == .notFound(program: directory.file("a/tool"), errno: EACCES))
        #expect(failure(["/nonexistent/tool"], both) == .notFound(program: "/nonexistent/tool", errno: ENOENT))
        #expect(failure([], both) == .notFound(program: "", errno: ENOENT))
        #expect(failure([directory.file("b")], both) == .spawnFailed(program: directory.file("b"), errno: EACCES))  // a directory
    }

    @Test("the child gets its environment and no descriptor of ours beyond standard input, output and error")
    func isolation() throws {
        let directory = try LockTestDirectory()
        let leaked = open(directory.file("open"), O_WRONLY | O_CREAT, 0o600)  // no O_CLOEXEC on purpose
        #expect(leaked > 2)
        defer { close(leaked) }
        let probe = "for fd in 0 1 2 \(leaked); do [ -e /proc/self/fd/$fd ] && printf '%s ' $fd; done; printf '%s' \"$MARK\""
        let output = try ChildProcess.run(
            ["sh", "-c", probe], environment: Environment(["PATH": "/usr/bin:/bin", "MARK": "m"]), stdin: .bytes([1]), timeout: 10)
        #expect(Self.text(output.stdout) == "0 1 2 m")
    }

    // MARK: SIGPIPE

    @Test("SIGPIPE: ours is blocked while writing to a child that does not read; the child's is default")
    func sigpipe() throws {
        var saved = sigaction()
        sigaction(SIGPIPE, nil, &saved)
        defer { sigaction(SIGPIPE, &saved, nil) }

        // Ignored here, the child still gets the default: `yes` dies quietly instead of reporting EPIPE.
        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigaction(SIGPIPE, &ignore, nil)
        let quiet = try Self.sh("yes | head -c 1 >/dev/null", stdin: .bytes([]))
        #expect(quiet.status == 0 && Self.text(quiet.stderr) == "")

        // Counted on this thread: our writes raise none (blocked, then consumed); the mask is restored.
        watchedThread.store(UInt(pthread_self()), ordering: .relaxed)
        sigpipesOnWatchedThread.store(0, ordering: .relaxed)
        var counting = sigaction()
        counting.__sigaction_handler.sa_handler = { _ in
            if UInt(pthread_self()) == watchedThread.load(ordering: .relaxed) { sigpipesOnWatchedThread.add(1, ordering: .relaxed) }
        }
        sigaction(SIGPIPE, &counting, nil)
        var maskBefore = sigset_t()
        pthread_sigmask(SIG_SETMASK, nil, &maskBefore)
        let output = try Self.sh("exit 3", stdin: .bytes([UInt8](repeating: 0x61, count: 4_000_000)))
        #expect(output.status == 3)
        #expect(sigpipesOnWatchedThread.load(ordering: .relaxed) == 0)
        var maskAfter = sigset_t()
        pthread_sigmask(SIG_SETMASK, nil, &maskAfter)
        #expect(sigismember(&maskAfter, SIGPIPE) == sigismember(&maskBefore, SIGPIPE))
        var pending = sigset_t()
        sigpending(&pending)
        #expect(sigismember(&pending, SIGPIPE) == 0)
    }
}

private let watchedThread = Atomic<UInt>(0)
private let sigpipesOnWatchedThread = Atomic<Int>(0)
