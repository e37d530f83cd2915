import Logging
import Synchronization

/// Every log line a library wrote through a ``CapturingLogHandler``, at trace level, metadata included.
final class CapturedLog: Sendable {
    private let lines = Mutex<[String]>([])

    /// A logger at trace level writing here.
    func logger(_ label: String = "cloudcred") -> Logger {
        var logger = Logger(label: label, factory: { label in CapturingLogHandler(label: label, sink: self) })
        logger.logLevel = .trace
        return logger
    }

    func append(_ line: String) { lines.withLock { $0.append(line) } }

    /// The lines so far, one per message.
    var text: String { lines.withLock { $0.joined(separator: "\n") } }
}

/// A swift-log handler that keeps each message with its metadata, as a log file would show it.
struct CapturingLogHandler: LogHandler {
    let label: String
    let sink: CapturedLog
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let details = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        sink.append("\(label) \(event.level): \(event.message) \(details)")
    }
}
