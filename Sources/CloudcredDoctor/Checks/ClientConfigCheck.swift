import CredentialsCore
import RegistryCredentials

/// `client-config`: the docker config in effect (`DOCKER_CONFIG`, root's under sudo), its `credHelpers` entry for the
/// host, the helper on `PATH` and its version, `credsStore` and stale `auths` entries, and podman's auth files.
struct ClientConfigCheck: Sendable {
    let context: DoctorContext

    /// The findings, and the helper docker runs for the host (`credHelpers`, else `credsStore`), if any.
    func run(host: String) async -> (findings: [Finding], helper: String?) {
        var findings = environmentNotes()
        let path = ClientConfigPaths.docker(context.environment)
        var helper: String?
        switch AuthConfigFile.load(path) {
        case .failure(.missing):
            findings.append(.keyed(.clientConfig, .fail, "clientConfig.dockerConfigMissing", path, host))
        case .failure(.syntax(let message, let line, let column)):
            findings.append(.keyed(.clientConfig, .fail, "clientConfig.dockerConfigSyntax", path, String(line), String(column), message))
        case .failure(.unreadable(let reason)):
            findings.append(.keyed(.clientConfig, .fail, "clientConfig.dockerConfigUnreadable", path, reason))
        case .failure(.notAnObject):
            findings.append(.keyed(.clientConfig, .fail, "clientConfig.dockerConfigNotObject", path))
        case .success(let file):
            let (dockerFindings, configured) = await docker(file, host: host)
            findings += dockerFindings
            helper = configured
        }
        if let podman = podman(host: host) { findings.append(podman) }
        return (findings, helper)
    }

    /// A broken cloudcred config, sudo and `DOCKER_AUTH_CONFIG`.
    private func environmentNotes() -> [Finding] {
        var findings: [Finding] = []
        do {
            _ = try ToolConfig.load(environment: context.environment)
        } catch {
            findings.append(.keyed(.clientConfig, .fail, "clientConfig.toolConfigBroken", error.message))
        }
        if let user = context.environment.nonEmpty("SUDO_USER") {
            findings.append(.keyed(.clientConfig, .warn, "clientConfig.sudo", user, ClientConfigPaths.docker(context.environment)))
        }
        if context.environment.nonEmpty("DOCKER_AUTH_CONFIG") != nil {
            findings.append(.keyed(.clientConfig, .warn, "clientConfig.dockerAuthConfig"))
        }
        return findings
    }

    // MARK: - Docker

    private func docker(_ file: AuthConfigFile, host: String) async -> ([Finding], String?) {
        var findings: [Finding] = []
        let expected = CredentialHelperConfigFile.helperName(profile: context.options.toolProfile)
        let entry = file.credHelper(for: host)
        if let store = file.credsStore, store == "cloudcred" || store.hasPrefix("cloudcred-") {
            findings.append(.keyed(.clientConfig, .warn, "clientConfig.credsStoreOurs", file.path, store))
        }
        let authsKeys = file.authsKeys(for: host)
        let stale = entry == nil ? authsKeys.filter { $0 != host } : authsKeys
        for key in stale { findings.append(.keyed(.clientConfig, .warn, "clientConfig.staleAuths", file.path, key, host)) }
        guard let helper = entry ?? file.credsStore else {
            if authsKeys.contains(host) {
                findings.append(.keyed(.clientConfig, .fail, "clientConfig.authsOnly", file.path, host, expected))
            } else {
                findings.append(.keyed(.clientConfig, .fail, "clientConfig.noCredHelper", file.path, host, expected))
            }
            return (findings, nil)
        }
        if entry == nil {
            findings.append(.keyed(.clientConfig, .fail, "clientConfig.credsStoreInstead", file.path, host, helper, expected))
        } else if helper != expected {
            let ours = helper == "cloudcred" || helper.hasPrefix("cloudcred-")
            findings.append(.keyed(.clientConfig, ours ? .warn : .fail, ours ? "clientConfig.otherProfile" : "clientConfig.otherHelper", file.path, host, helper, expected))
        }
        findings.append(await helperOnPath(helper, host: host, configPath: file.path, entryIsOurs: entry == expected))
        return (findings, helper)
    }

    /// `docker-credential-<helper>` on `PATH`, and for ours, its version.
    private func helperOnPath(_ helper: String, host: String, configPath: String, entryIsOurs: Bool) async -> Finding {
        let program = "docker-credential-" + helper
        guard let path = ExecutableLookup.find(program, environment: context.environment) else {
            return .keyed(.clientConfig, .fail, "clientConfig.helperMissing", program, context.environment["PATH"] ?? "")
        }
        guard helper == "cloudcred" || helper.hasPrefix("cloudcred-") else {
            return .keyed(.clientConfig, .ok, "clientConfig.helperFound", program, path)
        }
        let environment = context.environment
        let output = await context.timeBox.run(limit: .seconds(3)) {
            await ProcessRunner.run(path: path, arguments: ["version"], stdin: "", environment: environment, timeoutSeconds: 3)
        }
        let version = Self.version(in: (try? output?.get())?.stdout ?? "")
        if let version, version != CloudcredVersion.version {
            return .keyed(.clientConfig, .warn, "clientConfig.helperVersion", path, version, CloudcredVersion.version)
        }
        let status: FindingStatus = entryIsOurs ? .ok : .warn
        return .keyed(.clientConfig, status, "clientConfig.credHelper", configPath, host, program, path)
    }

    /// `docker-credential-cloudcred 0.1.0 (commit …)` → `0.1.0`.
    static func version(in text: String) -> String? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard words.count >= 2, words[0].hasPrefix("docker-credential-cloudcred") else { return nil }
        return String(words[1])
    }

    // MARK: - Podman

    /// The auth file containers/image would use for the host, when podman is installed or has auth files.
    private func podman(host: String) -> Finding? {
        let paths = ClientConfigPaths.podman(context.environment)
        let dockerPath = ClientConfigPaths.docker(context.environment)
        let installed = ExecutableLookup.find("podman", environment: context.environment) != nil
        let files = paths.compactMap { path -> AuthConfigFile? in try? AuthConfigFile.load(path).get() }
        guard installed || files.contains(where: { $0.path != dockerPath && !$0.path.hasSuffix("/.dockercfg") }) else { return nil }
        for file in files {
            if let helper = file.credHelper(for: host) {
                return .keyed(.clientConfig, .ok, "clientConfig.podmanHelper", file.path, host, "docker-credential-" + helper)
            }
            if !file.authsKeys(for: host).isEmpty {
                return .keyed(.clientConfig, .warn, "clientConfig.podmanAuths", file.path, host)
            }
        }
        return .keyed(.clientConfig, .warn, "clientConfig.podmanNone", host, paths.joined(separator: ", "))
    }
}
