import CloudHTTP
import CredentialsCore
import Logging

/// What every provider is given instead of reading globals: the environment, the home directory,
/// the clock, the HTTP transport and a logger. Tests build one per test, so they run in parallel.
public struct ProviderContext: Sendable {
    public var environment: Environment
    /// The home directory used for `~/.aliyun/config.json` and `~/.alibabacloud/credentials.ini`.
    public var homeDirectory: String
    public var clock: any CredentialsClock
    public var transport: any HTTPTransport
    /// Receives redacted diagnostics; a no-op logger by default.
    public var logger: Logger
    /// Makes the `SignatureNonce` of signed requests (a fresh UUID by default).
    public var makeNonce: @Sendable () -> String

    public init(
        environment: Environment = .process,
        homeDirectory: String? = nil,
        clock: any CredentialsClock = SystemClock(),
        transport: (any HTTPTransport)? = nil,
        logger: Logger = Logger(label: "cloudcred", factory: { _ in SwiftLogNoOpLogHandler() }),
        makeNonce: @escaping @Sendable () -> String = { UUIDString.random() }
    ) {
        self.environment = environment
        self.homeDirectory = homeDirectory ?? environment.homeDirectory()
        self.clock = clock
        self.transport = transport ?? CloudHTTPClient(environment: environment, logger: logger)
        self.logger = logger
        self.makeNonce = makeNonce
    }

    /// `<home>/.aliyun/config.json`.
    public var cliConfigPath: String { homeDirectory.appendingPathComponent(".aliyun/config.json") }
    /// `<home>/.alibabacloud/credentials.ini`.
    public var iniCredentialsPath: String { homeDirectory.appendingPathComponent(".alibabacloud/credentials.ini") }
}

/// Random version-4 UUIDs without Foundation.
public enum UUIDString {
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = bytes.map { byte -> String in
            let s = String(byte, radix: 16)
            return s.count == 1 ? "0" + s : s
        }
        return hex[0..<4].joined() + "-" + hex[4..<6].joined() + "-" + hex[6..<8].joined() + "-" + hex[8..<10].joined() + "-" + hex[10..<16].joined()
    }
}

extension String {
    /// Joins path components with `/` (no Foundation).
    func appendingPathComponent(_ component: String) -> String {
        if hasSuffix("/") { return self + component }
        return self + "/" + component
    }
}
