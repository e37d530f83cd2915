import CredentialsCore
import Logging

/// The logger of the CLI: `CLOUDCRED_LOG=debug|info|warning|error` sends logs to stderr; silent otherwise.
/// Library code never logs a secret, so nothing needs filtering here.
enum Logging {
    static func make(environment: Environment) -> Logger {
        guard let levelName = environment.nonEmpty("CLOUDCRED_LOG")?.lowercased(), let level = Logger.Level(rawValue: levelName == "warn" ? "warning" : levelName) else {
            return Logger(label: "cloudcred", factory: { _ in SwiftLogNoOpLogHandler() })
        }
        var logger = Logger(label: "cloudcred", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = level
        return logger
    }
}
