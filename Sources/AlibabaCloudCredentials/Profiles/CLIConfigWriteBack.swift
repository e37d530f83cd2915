#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CredentialsCore

/// Saves what the OAuth and External providers obtained back into `~/.aliyun/config.json`, as the Python
/// library's CLI profile provider does, so the next program (or the aliyun CLI) reuses it.
///
/// Under an exclusive `flock` on the file itself (so Python and Swift writers exclude each other), it re-reads
/// the file, starts at the profile (the explicit or `ALIBABA_CLOUD_PROFILE` name, else `current`), follows
/// `source_profile` to the first `OAuth` (or `External`) profile, sets exactly the listed keys (other keys and
/// the key order stay; new keys go last), and replaces the file atomically with Python's
/// `json.dumps(indent=4, ensure_ascii=False)` bytes, keeping the file's permissions.
///
/// Errors carry the Python wrapper texts (`failed to update OAuth tokens in config file: …`,
/// `failed to update External credentials in config file: …`); the providers log them and go on.
/// Differences from the Python library, on purpose: the read happens under the lock (Python reads first, so
/// concurrent writers can lose updates), a `source_profile` cycle is an error instead of a `RecursionError`,
/// and the lock wait is bounded (30 s).
struct CLIConfigWriteBack: Sendable {
    enum Kind: Sendable {
        case oauth, external

        /// The profile mode that receives the values.
        var mode: String {
            switch self {
            case .oauth: "OAuth"
            case .external: "External"
            }
        }

        var failurePrefix: String {
            switch self {
            case .oauth: "failed to update OAuth tokens in config file"
            case .external: "failed to update External credentials in config file"
            }
        }
    }

    let path: String
    /// The explicit or `ALIBABA_CLOUD_PROFILE` profile name; nil uses the file's `current`.
    let profileName: String?
    /// 30 s (Python waits without a limit): many processes refreshing at once queue for the lock, and a write-back
    /// that gives up is lost silently (it is only logged).
    var lockTimeout: Double = 30

    /// Saves new OAuth tokens and STS credentials.
    func save(_ update: OAuthTokenUpdate) async throws {
        try await save(
            .oauth,
            [
                ("oauth_refresh_token", Self.value(update.refreshToken)), ("oauth_access_token", Self.value(update.accessToken)),
                ("oauth_access_token_expire", .number(JSONNumber(update.accessTokenExpire))),
                ("access_key_id", .string(update.accessKeyId)), ("access_key_secret", .string(update.accessKeySecret)),
                ("sts_token", .string(update.securityToken)), ("sts_expiration", .number(JSONNumber(update.stsExpiration))),
            ])
    }

    /// Saves what an external command printed.
    func save(_ update: ExternalCredentialUpdate) async throws {
        try await save(
            .external,
            [
                ("access_key_id", .string(update.accessKeyId)), ("access_key_secret", .string(update.accessKeySecret)),
                ("sts_token", Self.value(update.securityToken)), ("sts_expiration", .number(JSONNumber(update.expiration))),
            ])
    }

    /// Sets `fields` on the `kind` profile reached from the selected profile.
    func save(_ kind: Kind, _ fields: [(String, JSONValue)]) async throws {
        do {
            try await AtomicFile.withExclusiveLock(path: path, timeout: lockTimeout) {
                try rewrite(kind, fields)
            }
        } catch let error as FileOperationError {
            throw CredentialsError(.file, "\(kind.failurePrefix): \(describe(error))")
        } catch let error as CredentialsError {
            throw CredentialsError(.file, "\(kind.failurePrefix): \(error.message)", hint: error.hint)
        }
    }

    // MARK: - Steps, under the lock

    private func rewrite(_ kind: Kind, _ fields: [(String, JSONValue)]) throws {
        var document = try readDocument()
        guard let start = profileName.nonEmpty ?? document["current"]?.stringValue.nonEmpty else {
            throw CredentialsError(.file, "unable to get profile to updated.")
        }
        var profiles = document["profiles"]?.arrayValue ?? []
        let index = try findProfile(kind, from: start, in: profiles)
        guard var profile = profiles[index].objectValue else { return }
        for (key, value) in fields { profile[key] = value }
        profiles[index] = .object(profile)
        document["profiles"] = .array(profiles)
        // Python opens the file for update ('r+') before replacing it: a file the user may not write is left alone.
        guard access(path, W_OK) == 0 else { throw CredentialsError(.file, Self.pythonOSError(errno, path: path)) }
        let text = JSONValue.object(document).serialized(style: .pythonIndented(4))
        do {
            try AtomicFile.write(text, to: path, permissions: .preserving(default: 0o644))
        } catch {
            throw CredentialsError(.file, "Failed to write config file: \(error.description)")
        }
    }

    private func readDocument() throws -> JSONObject {
        let bytes: [UInt8]
        do {
            bytes = try LocalFile.read(path)
        } catch {
            throw CredentialsError(.file, Self.pythonOSError(error, path: path))
        }
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch {
            throw CredentialsError(.file, error.description)
        }
        guard case .object(let document) = value else {
            throw CredentialsError(.file, "'\(PythonTypeName.of(value))' object has no attribute 'get'")
        }
        return document
    }

    /// The index of the first profile of mode `kind.mode` on the `source_profile` path from `start`.
    private func findProfile(_ kind: Kind, from start: String, in profiles: [JSONValue]) throws -> Int {
        var name = start
        var visited: [String] = []
        while true {
            guard let index = profiles.firstIndex(where: { $0["name"]?.stringValue == name }) else {
                throw CredentialsError(.file, "unable to get profile with name '\(name)' from cli credentials file.")
            }
            if profiles[index]["mode"]?.stringValue == kind.mode { return index }
            guard let source = profiles[index]["source_profile"]?.stringValue, !source.isEmpty else {
                throw CredentialsError(.file, "unable to get \(kind.mode) profile with name '\(name)' from cli credentials file.")
            }
            visited.append(name)
            if visited.contains(source) {
                throw CredentialsError(.file, "source_profile cycle in cli credentials file: \((visited + [source]).joined(separator: " -> "))")
            }
            name = source
        }
    }

    // MARK: - Texts

    private func describe(_ error: FileOperationError) -> String {
        if error.operation == .open, let code = error.errno { return Self.pythonOSError(code, path: error.path) }
        return error.description
    }

    /// `[Errno 2] No such file or directory: '/home/u/.aliyun/config.json'`, Python's `OSError` text.
    static func pythonOSError(_ code: Int32, path: String) -> String {
        "[Errno \(code)] \(String(cString: strerror(code))): \(PythonRepr.string(path))"
    }

    static func pythonOSError(_ error: FileReadError, path: String) -> String {
        switch error {
        case .notFound: return pythonOSError(ENOENT, path: path)
        case .permissionDenied: return pythonOSError(EACCES, path: path)
        case .notRegularFile: return pythonOSError(EISDIR, path: path)
        case .other(_, let code): return pythonOSError(code, path: path)
        case .tooLarge: return error.description
        }
    }

    private static func value(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }
}
