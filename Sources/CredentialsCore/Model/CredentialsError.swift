/// An error from a credentials provider, a parser or the transport, with a message for humans.
///
/// `message` is what the user sees; where the Python library has a message for the same failure,
/// it is that exact text (users search for it). A message never contains a secret.
public struct CredentialsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is, for code that reacts to it.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A bad parameter or configuration value (Python raises `ValueError` here).
        public static let invalidArgument = Code("invalidArgument")
        /// A provider could not produce credentials (Python's `CredentialException`).
        public static let providerFailed = Code("providerFailed")
        /// A file is missing, unreadable or malformed.
        public static let file = Code("file")
        /// A server answered with an error or with something we cannot read.
        public static let server = Code("server")
        /// The network failed: refused, reset, timed out, TLS.
        public static let network = Code("network")
        /// Every provider of a chain failed.
        public static let chainExhausted = Code("chainExhausted")
        /// A refresh returned credentials that had already expired and nothing was cached.
        public static let noCachedValue = Code("noCachedValue")
        /// An external command failed.
        public static let process = Code("process")
    }

    public let code: Code
    /// The message, one logical line (may quote a server's error text, never a secret).
    public let message: String
    /// A short hint on how to fix it, when known.
    public var hint: String?
    /// True when the source simply is not set up (no variable, no file), as opposed to set up and broken.
    /// A chain shows the hint of a broken source before the hint of a missing one.
    public var isMissingSource = false

    public init(_ code: Code, _ message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }

    public var description: String { message }

    /// The same error, marked as "this source is not set up".
    public func missingSource() -> CredentialsError {
        var copy = self
        copy.isMissingSource = true
        return copy
    }

    /// A bad parameter (Python `ValueError`).
    public static func invalidArgument(_ message: String, hint: String? = nil) -> CredentialsError {
        CredentialsError(.invalidArgument, message, hint: hint)
    }

    /// A provider failure (Python `CredentialException`).
    public static func providerFailed(_ message: String, hint: String? = nil) -> CredentialsError {
        CredentialsError(.providerFailed, message, hint: hint)
    }

    /// `error` itself when it is a ``CredentialsError``; otherwise a provider failure carrying its description.
    public static func wrapping(_ error: any Error) -> CredentialsError {
        (error as? CredentialsError) ?? CredentialsError(.providerFailed, "\(error)")
    }
}
