import CredentialsCore
#if canImport(Glibc)
import Glibc
#endif

/// Stored registry passwords kept by another docker credential helper, `docker-credential-<name>`
/// (`pass`, `secretservice`, `osxkeychain`, …), spoken to with the same protocol docker uses.
public struct HelperSecretStore: SecretStore {
    /// The helper's suffix: `pass` for `docker-credential-pass`.
    public let name: String
    /// The environment the helper runs with (its `PATH` finds it).
    public let environment: Environment
    /// Seconds the helper may take (a keyring may ask for a passphrase).
    public let timeout: Double

    private static let notFoundMessage = "credentials not found in native keychain"

    /// The store behind `docker-credential-<name>`.
    public init(name: String, environment: Environment, timeout: Double = 30) {
        self.name = name
        self.environment = environment
        self.timeout = timeout
    }

    /// `docker-credential-<name>`.
    public var program: String { "docker-credential-\(name)" }

    /// The secret stored for the host of `serverURL`, nil when there is none.
    public func get(_ serverURL: String) throws(CredentialsError) -> StoredSecret? {
        guard let host = RegistryHosts.normalize(serverURL) else { return nil }
        let output = try run("get", input: host)
        guard output.status == 0 else {
            if isNotFound(output) { return nil }
            throw failure("get", output)
        }
        guard let object = (try? JSONValue.parse(output.stdout, maximumDepth: 4))?.objectValue,
              let username = object["Username"]?.stringValue, let secret = object["Secret"]?.stringValue
        else {
            throw CredentialsError(.process, "\(program) get for \(host) printed no credentials JSON", hint: "check that \(program) works: echo \(host) | \(program) get")
        }
        return StoredSecret(serverURL: host, username: username, secret: secret)
    }

    /// Stores `secret` for its normalized host, replacing an earlier one.
    public func store(_ secret: StoredSecret) throws(CredentialsError) {
        let host = try SecretStores.key(secret.serverURL)
        let payload: JSONValue = ["ServerURL": .string(host), "Username": .string(secret.username), "Secret": .string(secret.secret)]
        let output = try run("store", input: payload.serialized())
        guard output.status == 0 else { throw failure("store", output) }
    }

    /// Removes the secret for the host of `serverURL`; false when there was none.
    public func erase(_ serverURL: String) throws(CredentialsError) -> Bool {
        guard let host = RegistryHosts.normalize(serverURL) else { return false }
        let output = try run("erase", input: host)
        guard output.status == 0 else {
            if isNotFound(output) { return false }
            throw failure("erase", output)
        }
        return true
    }

    /// Every stored host and its user name.
    public func list() throws(CredentialsError) -> [String: String] {
        let output = try run("list", input: "unused")
        guard output.status == 0 else { throw failure("list", output) }
        guard let object = (try? JSONValue.parse(output.stdout, maximumDepth: 4))?.objectValue else {
            throw CredentialsError(.process, "\(program) list printed no JSON object", hint: "check that \(program) works: \(program) list")
        }
        var result: [String: String] = [:]
        for (serverURL, username) in object {
            guard let username = username.stringValue else { continue }
            result[RegistryHosts.normalize(serverURL) ?? serverURL] = username
        }
        return result
    }

    // MARK: - Running the helper

    private func run(_ verb: String, input: String) throws(CredentialsError) -> ChildProcess.Output {
        do throws(ChildProcess.Failure) {
            return try ChildProcess.run([program, verb], environment: environment, stdin: .bytes(Array(input.utf8)), timeout: timeout)
        } catch {
            switch error {
            case .notFound:
                throw CredentialsError(.process, "the secret store helper \(program) was not found on PATH",
                                       hint: "install \(program), or set \"secretStore\": \"file\" in the cloudcred config")
            case .spawnFailed(_, let code):
                throw CredentialsError(.process, "cannot start the secret store helper \(program): \(String(cString: strerror(code)))")
            case .timedOut(_, let seconds):
                throw CredentialsError(.process, "the secret store helper \(program) \(verb) did not finish within \(Int(seconds)) s and was stopped",
                                       hint: "unlock the keyring \(program) uses, then try again")
            }
        }
    }

    private func isNotFound(_ output: ChildProcess.Output) -> Bool {
        String(decoding: output.stdout, as: UTF8.self).trimmingASCIIWhitespace == Self.notFoundMessage
    }

    /// The helper's own one-line message (its stdout, else its stderr), shortened.
    private func failure(_ verb: String, _ output: ChildProcess.Output) -> CredentialsError {
        let said = [output.stdout, output.stderr].map { String(decoding: $0, as: UTF8.self).trimmingASCIIWhitespace }.first { !$0.isEmpty } ?? "no message"
        let line = String(said.split(separator: "\n").first ?? "").prefix(200)
        return CredentialsError(.process, "the secret store helper \(program) \(verb) failed (exit \(output.status)): \(line)",
                                hint: "check that \(program) works, or set \"secretStore\": \"file\" in the cloudcred config")
    }
}
