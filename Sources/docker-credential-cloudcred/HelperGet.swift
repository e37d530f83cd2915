import CredentialsCore
import RegistryCredentials

/// `get`: answers by itself when it can (stored password, not ours, remembered failure, fresh cached token)
/// and otherwise hands over to `cloudcred registry-helper get`, which fetches, caches and answers.
struct HelperGet {
    let context: HelperContext

    func run(payload: String) -> Int32 {
        let serverURL = payload.trimmingWhitespace
        guard !serverURL.isEmpty else { return context.fail("no credentials server URL") }
        guard let host = RegistryHosts.normalize(serverURL) else {
            context.log.write(.info, "get: a server URL that is no host name (\(serverURL.utf8.count) bytes): not ours")
            return notFound()
        }
        if let stored = storedSecret(host) {
            context.log.write(.info, "get \(host): stored password for user \(stored.username)")
            HelperIO.writeOut(HelperIO.credentialsJSON(serverURL: serverURL, username: stored.username, secret: stored.secret))
            return 0
        }
        guard let target = context.config.target(for: host, profile: context.profile) else {
            context.log.write(.debug, "get \(host): not an ACR or SWR host, not in the cloudcred config (profile \(context.profile))")
            return notFound()
        }
        if let configError = context.configError {
            return failOwned(target, configError.message)
        }
        let cache = context.cache
        let source = CredentialSource.identity(for: target, environment: context.environment)
        let fingerprint = SourceFingerprint.current(environment: context.environment, toolConfigPath: context.config.path)
        if let message = cache.rememberedFailure(host: target.host, source: source, fingerprint: fingerprint) {
            context.log.write(.info, "get \(host): failed less than \(Int(TokenCache.failureMemorySeconds)) s ago, not retrying yet")
            return failOwned(target, message)
        }
        if let login = cache.fresh(host: target.host, source: source), login.username != "<token>" {
            context.log.write(.info, "get \(host): cached token for user \(login.username), valid until \(login.expiresAt.map(TimeFormat.iso8601) ?? "-")")
            HelperIO.writeOut(HelperIO.credentialsJSON(serverURL: serverURL, username: login.username, secret: login.password))
            return 0
        }
        context.log.write(.info, "get \(host): \(target.kind.rawValue) in \(target.region), no fresh token cached; handing over to cloudcred")
        // argv is visible to other users (ps): a URL with userinfo is passed as its bare host.
        return HandOver(context: context).exec(serverURL: serverURL.contains("@") ? host : serverURL, profile: context.profile)
    }

    /// The password a person stored for the host (never an identity token); a store that fails is logged and skipped.
    private func storedSecret(_ host: String) -> StoredSecret? {
        do {
            guard let stored = try context.secretStore.get(host), stored.username != "<token>" else { return nil }
            return stored
        } catch {
            context.log.write(.warning, "get \(host): the secret store failed: \(error.message)")
            return nil
        }
    }

    private func notFound() -> Int32 {
        HelperIO.writeOut(HelperMain.notFound + "\n")
        return 1
    }

    /// An owned host that cannot be served: a real error (one line on stdout and on stderr, which docker shows),
    /// or "not found" when the target's `onError` is `not-found`.
    private func failOwned(_ target: RegistryTarget, _ message: String) -> Int32 {
        // ACR Personal (crpi-) instances without a stored password: "not found" keeps `docker login`/`podman login`
        // (which ask `get` first) working, and they are exactly how such a password gets stored; stderr says why.
        if target.kind == .acrPersonal {
            HelperIO.writeErr("\(context.programName): \(target.host): \(HelperIO.oneLine(message))\n")
            return notFound()
        }
        switch target.onError {
        case .notFound:
            context.log.write(.info, "get \(target.host): \(message) (answering not found: onError is not-found)")
            return notFound()
        case .fail:
            let line = "\(target.host): \(HelperIO.oneLine(message))"
            HelperIO.writeErr("\(context.programName): \(line)\n")
            return context.fail(line)
        }
    }
}
