import CredentialsCore
import Foundation

/// Runs a program without a shell, feeds it stdin, captures stdout and stderr, and kills it after the timeout.
enum ProcessRunner {
    /// What the program did.
    struct Output: Sendable {
        /// The exit status, or minus the signal that ended it.
        var status: Int32
        var stdout: String
        var stderr: String
        /// True when it was killed for running too long.
        var timedOut: Bool
    }

    /// Runs `path` with `arguments` (after argv[0], which is the file name) on a thread of its own.
    static func run(path: String, arguments: [String], stdin: String, environment: Environment, timeoutSeconds: Double) async -> Result<Output, any Error> {
        await withCheckedContinuation { continuation in
            OwnThread.detach {
                continuation.resume(returning: Result {
                    try runBlocking(path: path, arguments: arguments, stdin: stdin, environment: environment, timeoutSeconds: timeoutSeconds)
                })
            }
        }
    }

    private static func runBlocking(path: String, arguments: [String], stdin: String, environment: Environment, timeoutSeconds: Double) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment.values
        let (input, output, error) = (Pipe(), Pipe(), Pipe())
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let killer = DispatchWorkItem {
            if process.isRunning {
                process.terminate()
                kill(process.processIdentifier, SIGKILL)
            }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + max(0.05, timeoutSeconds), execute: killer)
        if !stdin.isEmpty { try? input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        let stdoutData = output.fileHandleForReading.readDataToEndOfFile()
        let stderrData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        killer.cancel()
        let signalled = process.terminationReason == .uncaughtSignal
        return Output(
            status: signalled ? -process.terminationStatus : process.terminationStatus,
            stdout: String(decoding: stdoutData.prefix(1 << 20), as: UTF8.self),
            stderr: String(decoding: stderrData.prefix(1 << 20), as: UTF8.self),
            timedOut: signalled && (process.terminationStatus == SIGKILL || process.terminationStatus == SIGTERM))
    }
}
