import CredentialsCore

#if canImport(Glibc)
import Glibc
#endif

/// Logs for people debugging a `docker pull`: off unless `CLOUDCRED_LOG=debug|info|warning|error` is set;
/// to stderr, or appended to `CLOUDCRED_LOG_FILE` (created 0600) instead, which alone turns on `info`.
/// Callers pass host names and user names, never a password, token or raw server URL (which may hold userinfo).
struct HelperLog {
    enum Level: Int, Comparable {
        case debug, info, warning, error

        init?(_ text: String) {
            switch text.lowercased() {
            case "debug", "trace": self = .debug
            case "info": self = .info
            case "warning", "warn": self = .warning
            case "error": self = .error
            default: return nil
            }
        }

        var name: String {
            switch self {
            case .debug: return "debug"
            case .info: return "info"
            case .warning: return "warning"
            case .error: return "error"
            }
        }

        static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The lowest level written; nil when logging is off.
    let threshold: Level?
    /// The log file, or nil for stderr.
    let file: String?

    init(environment: Environment) {
        file = environment.nonEmpty("CLOUDCRED_LOG_FILE")
        if let text = environment.nonEmpty("CLOUDCRED_LOG") {
            threshold = Level(text) ?? .info
        } else {
            threshold = file == nil ? nil : .info
        }
    }

    func write(_ level: Level, _ message: @autoclosure () -> String) {
        guard let threshold, level >= threshold else { return }
        let line = "\(TimeFormat.iso8601(SystemClock().now())) docker-credential-cloudcred[\(getpid())] \(level.name): \(HelperIO.oneLine(message()))\n"
        guard let file else { return HelperIO.writeErr(line) }
        let fd = open(file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return HelperIO.writeErr(line) }
        HelperIO.write(line, to: fd)
        _ = close(fd)
    }
}
