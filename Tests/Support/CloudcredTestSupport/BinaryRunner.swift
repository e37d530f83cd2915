import Foundation

/// Runs a built executable of this package (next to the test bundle in `.build/<config>/`),
/// in the style of swift-argument-parser's example tests: stdin in, stdout/stderr/exit status out.
public struct BinaryRunner {
    /// What a finished run left: exit status and everything it printed.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String

        public init(status: Int32, stdout: String, stderr: String) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }
    }

    /// The folder with this package's built products (`.build/<config>/`).
    public static var productsDirectory: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0])
        var dir = testBinary.deletingLastPathComponent()
        // On Linux the bundle is a plain executable in .build/debug; on macOS it is a .xctest bundle.
        if dir.lastPathComponent == "MacOS" { dir = dir.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
        return dir
    }

    /// Runs the product (on a thread of its own, through ``BadInputRunner``, so a blocking wait never starves the test
    /// runner's cooperative threads and a hung program is killed after two minutes instead of stalling the suite).
    public static func run(_ product: String, _ arguments: [String], stdin: String = "", environment: [String: String]) async throws -> Result {
        try await BadInputRunner.run(product, arguments, stdin: Array(stdin.utf8), environment: environment, timeout: 120).result
    }

    /// A minimal environment: PATH and a fresh, empty HOME.
    public static func cleanEnvironment(home: String, extra: [String: String] = [:]) -> [String: String] {
        var env = ["PATH": "/usr/bin:/bin", "HOME": home, "ALIBABA_CLOUD_ECS_METADATA_DISABLED": "true"]
        env.merge(extra) { _, new in new }
        // Under scripts/leak-scan, the binaries append their debug logs to the file it scans.
        return LeakScanEnvironment.carryThrough(env)
    }

    /// A fresh, empty directory to use as HOME.
    public static func makeHome() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cloudcred-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
