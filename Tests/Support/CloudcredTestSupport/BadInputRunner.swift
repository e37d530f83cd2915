import CredentialsCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a built product with raw stdin bytes and a time limit (a hang is a failure, not a stuck suite).
public enum BadInputRunner {
    /// Runs `product` with `arguments`, `stdin` and exactly `environment`; kills it after `timeout` seconds
    /// (the result then has status 137 and `timedOut`).
    public static func run(
        _ product: String, _ arguments: [String], stdin: [UInt8] = [], environment: [String: String], timeout: Double = 60
    ) async throws -> (result: BinaryRunner.Result, timedOut: Bool) {
        // A program that exits before reading all its stdin must not kill the test runner with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        // The wait blocks, so it gets a thread of its own (see OwnThread: a hundred parallel runs on Dispatch's pool
        // starved every in-process emulator).
        return try await OwnThread.run { try runBlocking(product, arguments, stdin: stdin, environment: environment, timeout: timeout) }
    }

    private static func runBlocking(
        _ product: String, _ arguments: [String], stdin: [UInt8], environment: [String: String], timeout: Double
    ) throws -> (result: BinaryRunner.Result, timedOut: Bool) {
        let process = Process()
        process.executableURL = BinaryRunner.productsDirectory.appendingPathComponent(product)
        process.arguments = arguments
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        let error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let timer = DispatchSource.makeTimerSource(queue: .global())
        let killed = UnsafeSendableFlag()
        timer.schedule(deadline: .now() + timeout)
        timer.setEventHandler { killed.set(); kill(process.processIdentifier, SIGKILL) }
        timer.resume()
        // Feed stdin on its own thread: the program may not read it all (or at all) before it answers.
        let writer = Thread {
            if !stdin.isEmpty { try? input.fileHandleForWriting.write(contentsOf: Data(stdin)) }
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let errorData = LockedData()
        let errorReader = Thread { errorData.set(error.fileHandleForReading.readDataToEndOfFile()) }
        errorReader.start()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        while !errorData.isSet { usleep(1000) }
        let result = BinaryRunner.Result(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: errorData.value, as: UTF8.self))
        return (result, killed.isSet)
    }
}

private final class UnsafeSendableFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    func set() { lock.withLock { flag = true } }
    var isSet: Bool { lock.withLock { flag } }
}

private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ value: Data) { lock.withLock { data = value } }
    var isSet: Bool { lock.withLock { data != nil } }
    var value: Data { lock.withLock { data ?? Data() } }
}
