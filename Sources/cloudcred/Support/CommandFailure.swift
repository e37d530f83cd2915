import ArgumentParser
import CredentialsCore

#if canImport(Glibc)
import Glibc
#endif

/// Prints failures the way every cloudcred command does: one line on stderr, then an optional
/// `hint:` line, and exit status 1. Never a stack trace, never a secret.
enum CommandFailure {
    static func report(_ error: any Error) -> ExitCode {
        switch error {
        case let error as CredentialsError:
            printError(error.message, hint: error.hint)
        case let error as ExitCode:
            return error
        default:
            printError("\(error)", hint: nil)
        }
        return ExitCode(1)
    }

    static func printError(_ message: String, hint: String?) {
        let folded = message.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
        var text = "cloudcred: error: \(folded)\n"
        if let hint, !hint.isEmpty { text += "hint: \(hint)\n" }
        StandardStreams.writeError(text)
    }
}

/// Unbuffered writes to stdout and stderr.
enum StandardStreams {
    static func write(_ text: String) {
        writeAll(1, text)
    }

    static func writeError(_ text: String) {
        writeAll(2, text)
    }

    private static func writeAll(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
