#if canImport(Glibc)
import Glibc
#endif
import CredentialsCore
import RegistryCredentials

/// A docker `config.json` or containers `auth.json` as the client-config check reads it.
struct AuthConfigFile: Sendable {
    /// The file's path.
    let path: String
    /// The top-level object.
    let document: JSONObject

    /// Why a file could not be used.
    enum Problem: Error, Sendable {
        case missing
        case unreadable(String)
        /// Broken JSON, with the parser's message, line and column.
        case syntax(message: String, line: Int, column: Int)
        case notAnObject
    }

    /// Reads and parses `path`; an empty file is an empty object (as docker takes it).
    static func load(_ path: String) -> Result<AuthConfigFile, Problem> {
        let bytes: [UInt8]
        do {
            bytes = try LocalFile.read(path, limit: 4 << 20)
        } catch .notFound {
            return .failure(.missing)
        } catch {
            return .failure(.unreadable(error.description))
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .success(AuthConfigFile(path: path, document: JSONObject()))
        }
        do {
            guard let object = try JSONValue.parse(bytes).objectValue else { return .failure(.notAnObject) }
            return .success(AuthConfigFile(path: path, document: object))
        } catch {
            return .failure(.syntax(message: error.message, line: error.line, column: error.column))
        }
    }

    /// `credHelpers[host]` (exact key, as docker looks it up).
    func credHelper(for host: String) -> String? {
        document["credHelpers"]?[host]?.stringValue
    }

    /// `credsStore`, when set and not empty.
    var credsStore: String? {
        guard let value = document["credsStore"]?.stringValue, !value.isEmpty else { return nil }
        return value
    }

    /// The `auths` keys that name `host` (any spelling: `https://host`, `host/v2/`, upper case).
    func authsKeys(for host: String) -> [String] {
        guard let auths = document["auths"]?.objectValue else { return [] }
        return auths.keys.filter { RegistryHosts.normalize($0) == host }
    }

    /// Every host named in `credHelpers` and `auths`, normalized.
    var hosts: [String] {
        let helpers = document["credHelpers"]?.objectValue?.keys ?? []
        let auths = document["auths"]?.objectValue?.keys ?? []
        return (helpers + auths).compactMap(RegistryHosts.normalize)
    }
}

/// Where docker and podman look for their files.
enum ClientConfigPaths {
    /// `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`.
    static func docker(_ environment: Environment) -> String {
        CredentialHelperConfigFile.docker(environment: environment).path
    }

    /// The auth files of containers/image (podman, skopeo, buildah) in search order: `REGISTRY_AUTH_FILE`,
    /// `$XDG_RUNTIME_DIR/containers/auth.json`, `${XDG_CONFIG_HOME:-~/.config}/containers/auth.json`, the docker
    /// config, `~/.dockercfg`.
    static func podman(_ environment: Environment) -> [String] {
        var paths: [String] = []
        if let file = environment.nonEmpty("REGISTRY_AUTH_FILE") { paths.append(file) }
        if let runtime = environment.nonEmpty("XDG_RUNTIME_DIR") { paths.append(runtime + "/containers/auth.json") }
        paths.append(CredentialHelperConfigFile.podman(environment: environment).path)
        paths.append(docker(environment))
        paths.append(home(environment) + "/.dockercfg")
        var seen = Set<String>()
        return paths.filter { seen.insert($0).inserted }
    }

    static func home(_ environment: Environment) -> String {
        let home = environment.homeDirectory()
        return home.hasSuffix("/") ? String(home.dropLast()) : home
    }
}

/// Finding programs on `PATH` the way `execvp` does.
enum ExecutableLookup {
    /// The path of `program` on the environment's `PATH`, or nil.
    static func find(_ program: String, environment: Environment) -> String? {
        if program.contains("/") { return isExecutable(program) ? program : nil }
        for directory in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (directory.isEmpty ? "." : String(directory)) + "/" + program
            if isExecutable(candidate) { return candidate }
        }
        return nil
    }

    static func isExecutable(_ path: String) -> Bool {
        LocalFile.isRegularFile(path) && access(path, X_OK) == 0
    }
}
