#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CredentialsCore

/// `credHelpers` entries that send registry hosts to `docker-credential-cloudcred`, in the Docker CLI's
/// `config.json` or containers' `auth.json` (podman, skopeo, buildah).
///
/// Editing keeps every other key and their order, keeps the file's mode (a new file is 0600 in a new 0700
/// directory), follows a symlinked file (as docker does; not into a directory another user controls), writes
/// atomically under locks on the directory and the file, and lays the JSON out
/// with tabs as the Docker CLI does. A file that is not valid JSON is left untouched and reported.
public struct CredentialHelperConfigFile: Sendable, Hashable {
    /// The file as given (it may be a symbolic link).
    public let path: String

    /// The file at `path`.
    public init(path: String) {
        self.path = path
    }

    /// `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`.
    public static func docker(environment: Environment) -> CredentialHelperConfigFile {
        let directory = environment.nonEmpty("DOCKER_CONFIG") ?? CloudcredPaths.inHome(".docker", environment)
        return CredentialHelperConfigFile(path: directory + "/config.json")
    }

    /// `${XDG_CONFIG_HOME:-~/.config}/containers/auth.json`.
    public static func podman(environment: Environment) -> CredentialHelperConfigFile {
        CredentialHelperConfigFile(path: CloudcredPaths.configHome(environment) + "/containers/auth.json")
    }

    /// The `credHelpers` value for a tool-config profile: `cloudcred`, or `cloudcred-<profile>` (which runs
    /// as `docker-credential-cloudcred-<profile>`).
    public static func helperName(profile: String = ToolConfig.defaultProfile) -> String {
        profile == ToolConfig.defaultProfile ? "cloudcred" : "cloudcred-\(profile)"
    }

    /// What an edit did (or, for a dry run, would do).
    public struct Edit: Sendable, Hashable {
        /// The file written (after following symbolic links).
        public var path: String
        /// The complete new text of the file.
        public var text: String
        /// False when the file already said this (nothing written).
        public var changed: Bool
        /// Hosts whose entry was added or changed.
        public var added: [String]
        /// Hosts whose entry was removed.
        public var removed: [String]
    }

    /// Points each host at `helper` (`credHelpers[host] = helper`), replacing another helper for that host.
    ///
    /// - Parameters:
    ///   - hosts: server URLs or hosts (normalized: `https://Host/v2/` → `host`).
    ///   - dryRun: compute the new text without writing.
    /// - Throws: ``CredentialsError`` naming the file: broken JSON, `credHelpers` not an object, a host that is
    ///   not a host name, or a failed write.
    public func configure(hosts: [String], helper: String = CredentialHelperConfigFile.helperName(), dryRun: Bool = false) throws(CredentialsError) -> Edit {
        let normalized = try normalize(hosts)
        return try edit(dryRun: dryRun) { helpers in
            var added: [String] = []
            for host in normalized where helpers[host]?.stringValue != helper {
                helpers[host] = .string(helper)
                added.append(host)
            }
            return (added, [])
        }
    }

    /// Removes the entries that point at our helper: at `helper` when given, else at `cloudcred` or any
    /// `cloudcred-<profile>`; only for `hosts` when given. Other helpers' entries stay. An emptied
    /// `credHelpers` is removed.
    public func undo(hosts: [String]? = nil, helper: String? = nil, dryRun: Bool = false) throws(CredentialsError) -> Edit {
        let only = try hosts.map { hosts throws(CredentialsError) in Set(try normalize(hosts)) }
        return try edit(dryRun: dryRun) { helpers in
            var removed: [String] = []
            for (host, value) in helpers where only?.contains(host) ?? true {
                guard let name = value.stringValue else { continue }
                let ours = helper.map { name == $0 } ?? (name == "cloudcred" || name.hasPrefix("cloudcred-"))
                if ours { removed.append(host) }
            }
            for host in removed { helpers[host] = nil }
            return ([], removed)
        }
    }

    // MARK: - Read, change, write

    /// How long an edit waits for other writers (a command run once, so generous: 100 editors at once must all land).
    static let lockTimeout: Double = 30

    /// Read-modify-write under two locks, always in this order: the file's directory (so writers that find no file
    /// yet exclude each other too: without it, two first writers both create the file and one's entries are lost),
    /// then the file itself when it exists (other programs that `flock` it are excluded).
    private func edit(dryRun: Bool, _ change: (inout JSONObject) -> (added: [String], removed: [String])) throws(CredentialsError) -> Edit {
        let target = SymbolicLinks.finalTarget(of: path)
        if target != path { try refuseUnsafeLinkTarget(target) }
        guard !dryRun else { return try apply(change, to: target, dryRun: true) }
        let directory = DirectoryFiles.parent(of: target)
        guard DirectoryFiles.make(directory) else {
            throw CredentialsError(.file, "cannot create the directory of \(target)", hint: "check the permissions of \(DirectoryFiles.parent(of: directory))")
        }
        let locks: [FileLock]
        do throws(FileOperationError) {
            let directoryLock = try FileLock.acquire(path: directory, timeout: Self.lockTimeout)
            locks = [directoryLock] + (LocalFile.exists(target) ? [try FileLock.acquire(path: target, timeout: Self.lockTimeout)] : [])
        } catch {
            throw CredentialsError(.file, "\(error)", hint: "try again when no other program is writing \(target)")
        }
        defer { for lock in locks.reversed() { lock.unlock() } }
        return try apply(change, to: target, dryRun: false)
    }

    /// Docker follows a symlinked `config.json` (dotfiles repositories do this), and so do we, but not into a place
    /// someone else controls: the link's final target must be in a directory of this user (or root) that others
    /// cannot write, and an existing target must be this user's.
    private func refuseUnsafeLinkTarget(_ target: String) throws(CredentialsError) {
        let directory = DirectoryFiles.parent(of: target)
        var info = stat()
        var reason: String?
        if stat(directory, &info) == 0 {
            if info.st_uid != geteuid() && info.st_uid != 0 {
                reason = "in a directory of another user (uid \(info.st_uid))"
            } else if info.st_mode & 0o022 != 0 {
                reason = "in a directory other users can write"
            } else if lstat(target, &info) == 0 && info.st_uid != geteuid() {
                reason = "owned by another user (uid \(info.st_uid))"
            }
        }
        guard let reason else { return }
        throw CredentialsError(
            .file, "\(path) is a symbolic link to \(target), \(reason); the file is left as it was",
            hint: "point the link into a directory of your own, or replace it with a regular file")
    }

    private func apply(_ change: (inout JSONObject) -> (added: [String], removed: [String]), to target: String, dryRun: Bool) throws(CredentialsError) -> Edit {
        let original = try readDocument(target)
        var document = original.object
        var helpers: JSONObject
        switch document["credHelpers"] {
        case nil: helpers = JSONObject()
        case .object(let existing)?: helpers = existing
        case _?: throw CredentialsError(.file, "\(target): \"credHelpers\" is not an object; the file is left as it was", hint: "fix \"credHelpers\" in \(target) by hand")
        }
        let (added, removed) = change(&helpers)
        guard !added.isEmpty || !removed.isEmpty else {
            return Edit(path: target, text: original.text, changed: false, added: [], removed: [])
        }
        document["credHelpers"] = helpers.isEmpty ? nil : .object(helpers)
        let text = JSONValue.object(document).serialized(style: .dockerCLI) + "\n"
        if !dryRun { try write(text, to: target) }
        return Edit(path: target, text: text, changed: true, added: added, removed: removed)
    }

    private func readDocument(_ target: String) throws(CredentialsError) -> (object: JSONObject, text: String) {
        let bytes: [UInt8]
        do {
            bytes = try LocalFile.read(target)
        } catch .notFound {
            return (JSONObject(), "")
        } catch {
            throw CredentialsError(.file, "cannot read \(error)", hint: "check the permissions of \(target)")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard !text.trimmingASCIIWhitespace.isEmpty else { return (JSONObject(), text) }
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch {
            throw CredentialsError(.file, "\(target) is not valid JSON (\(error)); the file is left as it was", hint: "fix or move \(target), then run the command again")
        }
        guard let object = value.objectValue else {
            throw CredentialsError(.file, "\(target) does not hold a JSON object; the file is left as it was", hint: "fix or move \(target), then run the command again")
        }
        return (object, text)
    }

    private func write(_ text: String, to target: String) throws(CredentialsError) {
        do {
            try AtomicFile.write(text, to: target, permissions: .preservingOrOwnerOnly, createDirectories: true, directoryMode: 0o700)
        } catch {
            throw CredentialsError(.file, "\(error)", hint: "check the permissions of \(DirectoryFiles.parent(of: target))")
        }
    }

    private func normalize(_ hosts: [String]) throws(CredentialsError) -> [String] {
        var result: [String] = []
        for host in hosts {
            guard let normalized = RegistryHosts.normalize(host) else {
                throw CredentialsError.invalidArgument("\(RegistryHosts.quoted(host)) is not a registry host name", hint: "give hosts such as registry.cn-hangzhou.aliyuncs.com")
            }
            if !result.contains(normalized) { result.append(normalized) }
        }
        return result
    }
}
