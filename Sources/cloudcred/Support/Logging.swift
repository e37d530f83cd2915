import CredentialsCore
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// The logger of the CLI, as the helper's: `CLOUDCRED_LOG=debug|info|warning|error` turns logs on, to stderr, or
/// appended to `CLOUDCRED_LOG_FILE` (created 0600; setting it alone means `info`). Silent otherwise.
/// Library code never logs a secret, so nothing needs filtering here.
enum Logging {
    static func make(environment: Environment) -> Logger {
        let file = environment.nonEmpty("CLOUDCRED_LOG_FILE")
        let levelName = environment.nonEmpty("CLOUDCRED_LOG")?.lowercased()
        guard levelName != nil || file != nil else {
            return Logger(label: "cloudcred", factory: { _ in SwiftLogNoOpLogHandler() })
        }
        let level = levelName.flatMap { Logger.Level(rawValue: $0 == "warn" ? "warning" : $0) } ?? .info
        var logger: Logger
        if let file {
            logger = Logger(label: "cloudcred", factory: { label in FileLogHandler(label: label, path: file) })
        } else {
            logger = Logger(label: "cloudcred", factory: { StreamLogHandler.standardError(label: $0) })
        }
        logger.logLevel = level
        return logger
    }
}

/// Appends one line per message to a file (opened per line with `O_APPEND`, so the helper and `cloudcred`
/// processes can share it).
struct FileLogHandler: LogHandler {
    let label: String
    let path: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let details = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let text = "\(event.message)\(details)".split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
        let line = "\(TimeFormat.iso8601(SystemClock().now())) cloudcred[\(getpid())] \(event.level): \(text)\n"
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            StandardStreams.writeError(line)
            return
        }
        var bytes = Array(line.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written <= 0 { break }
            bytes = bytes.dropFirst(written)
        }
        _ = close(fd)
    }
}
