#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CredentialsCore

/// Session-duration, role and session-name rules shared by the STS providers (RAM role, OIDC, RSA key pair).
enum STSDuration {
    /// nil or 0 → 3600; below 900 is an error.
    ///
    /// 0 is what aliyun CLI writes as `expired_seconds`; Python rejects it, cloudcred reads it as the
    /// default, as ``RAMRoleARNProvider`` does (a deliberate difference).
    static func validated(_ seconds: Int?) throws -> Int {
        let duration = seconds.flatMap { $0 == 0 ? nil : $0 } ?? 3600
        guard duration >= 900 else {
            throw CredentialsError.invalidArgument(
                "session duration should be in the range of 900s - max session duration", hint: "set a duration of at least 900 seconds")
        }
        return duration
    }

    /// The role ARN given, else `ALIBABA_CLOUD_ROLE_ARN`; the Python library's error when neither is set.
    static func roleARN(_ given: String?, environment: Environment) throws -> String {
        guard let arn = given.nonEmpty ?? environment.nonEmpty("ALIBABA_CLOUD_ROLE_ARN") else {
            throw CredentialsError.invalidArgument("role_arn or environment variable ALIBABA_CLOUD_ROLE_ARN cannot be empty")
        }
        return arn
    }

    /// The session name given, else `ALIBABA_CLOUD_ROLE_SESSION_NAME`, else ``defaultSessionName(_:)``.
    static func sessionName(_ given: String?, context: ProviderContext) -> String {
        given.nonEmpty ?? context.environment.nonEmpty("ALIBABA_CLOUD_ROLE_SESSION_NAME") ?? defaultSessionName(context)
    }

    /// `credentials-swift-<epoch seconds>` (Python: `credentials-python-<epoch seconds>`).
    static func defaultSessionName(_ context: ProviderContext) -> String {
        "credentials-swift-\(Int(context.clock.now().timeIntervalSince1970))"
    }
}

/// File reads that fail with the text of the Python `OSError` the Python library lets through
/// (`[Errno 2] No such file or directory: '/path'`), so chain messages read the same.
enum PythonFileError {
    /// The whole file as UTF-8 text.
    static func readText(_ path: String) throws -> String {
        do {
            return try LocalFile.readText(path)
        } catch {
            throw CredentialsError(.file, message(for: error, path: path))
        }
    }

    static func message(for error: FileReadError, path: String) -> String {
        let quoted = PythonRepr.string(path)
        switch error {
        case .notFound: return "[Errno 2] No such file or directory: \(quoted)"
        case .permissionDenied: return "[Errno 13] Permission denied: \(quoted)"
        case .notRegularFile: return "[Errno 21] Is a directory: \(quoted)"
        case .tooLarge: return error.description
        case .other(_, let code): return "[Errno \(code)] \(String(cString: strerror(code))): \(quoted)"
        }
    }
}
