#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CredentialsCore

/// What an external command returned, handed to the update callback after every successful run
/// (the CLI profile provider saves it into `config.json`).
public struct ExternalCredentialUpdate: Sendable, Hashable {
    public var accessKeyId: String
    public var accessKeySecret: String
    /// The `sts_token` the command printed, nil when it printed none.
    public var securityToken: String?
    /// The expiry in epoch seconds, 0 when the command printed none.
    public var expiration: Int64
}

/// Credentials printed by a program of the user's (`external`, aliyun CLI's `External` mode).
///
/// The command line is split like a POSIX shell would (`ShellWords.split`, Python's `shlex.split`) and run
/// **without** a shell. It must exit 0 within the timeout (default 60 s) and print JSON:
///
/// ```json
/// {"mode": "StsToken", "access_key_id": "…", "access_key_secret": "…", "sts_token": "…", "expiration": "2030-01-01T00:00:00Z"}
/// ```
///
/// Credentials with an `expiration` are reused until 3 minutes before it; without one the command runs on
/// every call (callers that arrive while it runs share its result). Error texts are the Python library's,
/// including the command's standard error after a non-zero exit (it is the user's own program).
///
/// Differences from the Python library, on purpose: a refresh that fails while cached credentials are still
/// valid serves them (stale-if-error); `access_key_id`, `access_key_secret` and `sts_token` must be strings
/// (Python passes other JSON values through); each output is read up to 1 MiB.
public final class ExternalProcessProvider: CredentialsProvider {
    /// Called after each successful run.
    public typealias CredentialUpdate = @Sendable (ExternalCredentialUpdate) async throws -> Void

    /// The default time limit of a run, in seconds.
    public static let defaultTimeoutSeconds: Double = 60

    public let providerName = "external"
    /// The command line as configured.
    public let processCommand: String
    /// The time limit of a run, in seconds.
    public let timeoutSeconds: Double
    private let cache: RefreshingCredentialsProvider

    /// - Parameters:
    ///   - processCommand: the command line (`process_command`).
    ///   - timeoutSeconds: nil or ≤ 0 means ``defaultTimeoutSeconds``.
    ///   - credentialUpdate: receives what each successful run printed.
    /// - Throws: `process_command is empty` (invalid argument) for a nil or empty command.
    public init(
        processCommand: String?, timeoutSeconds: Double? = nil, credentialUpdate: CredentialUpdate? = nil, context: ProviderContext
    ) throws {
        guard let command = processCommand.nonEmpty else { throw CredentialsError.invalidArgument("process_command is empty") }
        let timeout = timeoutSeconds.flatMap { $0 > 0 ? $0 : nil } ?? Self.defaultTimeoutSeconds
        self.processCommand = command
        self.timeoutSeconds = timeout
        let run = ExternalRun(command: command, timeout: timeout, update: credentialUpdate, context: context)
        cache = RefreshingCredentialsProvider(providerName: "external", policy: .external, clock: context.clock) {
            try await run.perform()
        }
    }

    public func credential() async throws -> Credential {
        let value = try await cache.credential()
        // Without an expiry the next call runs the command again (Python: stale time = now).
        if value.expiration == nil { cache.invalidate() }
        return value
    }
}

/// One run of the command and the reading of its output.
private struct ExternalRun: Sendable {
    let command: String
    let timeout: Double
    let update: ExternalProcessProvider.CredentialUpdate?
    let context: ProviderContext

    func perform() async throws -> Credential {
        guard command.unicodeScalars.contains(where: { !Self.isPythonSpace($0) }) else {
            throw CredentialsError.providerFailed("process_command is empty")
        }
        let arguments: [String]
        do {
            arguments = try ShellWords.split(command)
        } catch {
            throw CredentialsError(.process, "failed to execute external command: \(error)", hint: "check the quotes in process_command")
        }
        let output: ExternalProcess.Output
        do throws(ExternalProcess.Failure) {
            output = try await ExternalProcess.run(arguments, environment: context.environment, timeout: timeout)
        } catch .timedOut {
            throw CredentialsError(.process, "command process timed out after \(Self.milliseconds(timeout)) milliseconds")
        } catch .spawnFailed(let code, let program) {
            throw CredentialsError(
                .process, "failed to execute external command: [Errno \(code)] \(String(cString: strerror(code))): \(PythonRepr.string(program))")
        }
        guard output.status == 0 else {
            throw CredentialsError(
                .process, "failed to execute external command: exit status \(output.status)\nstderr: \(Self.text(output.stderr))")
        }
        let (credential, expiration) = try parse(Self.text(output.stdout))
        await report(credential, expiration: expiration)
        return credential
    }

    /// Reads the JSON the command printed, with the Python library's checks and texts.
    private func parse(_ stdout: String) throws -> (Credential, Int64) {
        let document: JSONValue
        do {
            document = try JSONValue.parse(stdout)
        } catch {
            throw CredentialsError(.process, "failed to parse external command output: \(error.description)")
        }
        guard case .object(let data) = document else {
            throw CredentialsError(.process, "'\(PythonTypeName.of(document))' object has no attribute 'get'")
        }
        guard let id = data["access_key_id"]?.stringValue, !id.isEmpty, let secret = data["access_key_secret"]?.stringValue, !secret.isEmpty
        else {
            throw CredentialsError(.process, "invalid credential response: access_key_id or access_key_secret is empty")
        }
        let token = data["sts_token"]?.stringValue
        if data["mode"]?.stringValue == "StsToken" && (token ?? "").isEmpty {
            throw CredentialsError(.process, "invalid StsToken credential response: sts_token is empty")
        }
        let expiration = try Self.expiration(data["expiration"])
        let credential = Credential(
            accessKeyId: id, accessKeySecret: secret, securityToken: token,
            expiration: expiration > 0 ? EpochSeconds.date(expiration) : nil, providerName: "external")
        return (credential, expiration)
    }

    private func report(_ credential: Credential, expiration: Int64) async {
        guard let update else { return }
        let values = ExternalCredentialUpdate(
            accessKeyId: credential.accessKeyId, accessKeySecret: credential.accessKeySecret,
            securityToken: credential.securityToken, expiration: expiration)
        do {
            try await update(values)
        } catch {
            context.logger.warning("failed to update external credentials in config file: \(error)")
        }
    }

    /// Python's `_parse_expiration`: a falsy value is 0, anything else must be `YYYY-MM-DDTHH:MM:SSZ`.
    private static func expiration(_ value: JSONValue?) throws -> Int64 {
        guard let value else { return 0 }
        switch value {
        case .null, .bool(false): return 0
        case .string(let text) where text.isEmpty: return 0
        case .number(let number) where number.double == 0: return 0
        case .array(let items) where items.isEmpty: return 0
        case .object(let members) where members.isEmpty: return 0
        default:
            do {
                return try LoginResponse.expiration(value)
            } catch let error as CredentialsError {
                throw CredentialsError(.process, error.message)
            }
        }
    }

    /// Output as Python's text mode reads it: UTF-8 with universal newlines (`\r\n` and `\r` become `\n`).
    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).replacing("\r\n", with: "\n").replacing("\r", with: "\n")
    }

    /// `timeout * 1000` as Python prints it: `60000` for whole seconds, `1500.0` otherwise.
    private static func milliseconds(_ seconds: Double) -> String {
        let ms = seconds * 1000
        return seconds == seconds.rounded() && seconds < 1e12 ? String(Int(seconds) * 1000) : String(ms)
    }

    /// Python's `str.isspace` for one code point (what `strip()` removes).
    private static func isPythonSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
    }
}
