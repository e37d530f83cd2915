import Foundation

/// Carries `scripts/leak-scan`'s log file into the clean environments tests give the built binaries.
///
/// `scripts/leak-scan` exports `CLOUDCRED_LEAK_SCAN_LOG=<file>` around a test run. Tests that start `cloudcred` or
/// `docker-credential-cloudcred` pass their own small environment (``BinaryRunner/cleanEnvironment(home:extra:)``),
/// which drops the scan's `CLOUDCRED_LOG`/`CLOUDCRED_LOG_FILE`; passing that environment through
/// ``carryThrough(_:)`` adds `CLOUDCRED_LOG=debug` and `CLOUDCRED_LOG_FILE=<file>` back, so every binary the test
/// suite starts appends its debug log to the one file the script scans. Logs go to the file, not stderr, so what a
/// test sees does not change. A test that sets `CLOUDCRED_LOG` or `CLOUDCRED_LOG_FILE` itself keeps its values.
public enum LeakScanEnvironment {
    /// The variable `scripts/leak-scan` sets.
    public static let variable = "CLOUDCRED_LEAK_SCAN_LOG"

    /// The scan's log file, or nil when no scan is running.
    public static var logFile: String? {
        guard let path = ProcessInfo.processInfo.environment[variable], !path.isEmpty else { return nil }
        return path
    }

    /// `environment` plus the scan's logging variables (unchanged when no scan is running).
    public static func carryThrough(_ environment: [String: String]) -> [String: String] {
        guard let logFile else { return environment }
        var copy = environment
        if copy["CLOUDCRED_LOG"] == nil, copy["CLOUDCRED_LOG_FILE"] == nil {
            copy["CLOUDCRED_LOG"] = "debug"
            copy["CLOUDCRED_LOG_FILE"] = logFile
        }
        return copy
    }

    /// Appends `text` to the scan's log file (no-op when no scan is running): for tests whose binaries log to files
    /// of their own, so the script scans those lines too.
    public static func contribute(_ text: String) {
        guard let logFile, !text.isEmpty else { return }
        guard let handle = FileHandle(forWritingAtPath: logFile) ?? {
            _ = FileManager.default.createFile(atPath: logFile, contents: nil, attributes: [.posixPermissions: 0o600])
            return FileHandle(forWritingAtPath: logFile)
        }() else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}

extension BinaryRunner {
    /// ``cleanEnvironment(home:extra:)`` through ``LeakScanEnvironment/carryThrough(_:)``.
    public static func scannedEnvironment(home: String, extra: [String: String] = [:]) -> [String: String] {
        LeakScanEnvironment.carryThrough(cleanEnvironment(home: home, extra: extra))
    }
}
