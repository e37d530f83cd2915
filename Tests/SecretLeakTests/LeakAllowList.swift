/// The channels allowed to hold a secret: the outputs whose purpose is to hand one over and the files meant to hold
/// them (SECURITY.md). Everything else (every stderr, the log, every other stdout and file) is scanned.
///
/// Kept explicit and minimal: an output is allowed only when the command succeeded, and only its stdout.
enum LeakAllowList {
    /// `cloudcred` subcommands whose stdout hands over a secret, with the flag that must be present (nil: always).
    static let handOverCommands: [(command: [String], requiredFlag: String?)] = [
        (["credentials"], "--reveal"),
        (["get-login"], "--reveal"),
        (["get-login-password"], nil),
        (["kubelet-credential-provider"], nil),
        (["kubernetes-secret"], nil),
        (["registry-helper", "get"], nil),  // the helper's cache-miss path: its stdout is the helper's `get` answer
    ]

    /// Whether the stdout of this run may hold a secret.
    static func stdoutMayHoldSecrets(tool: String, arguments: [String], status: Int32) -> Bool {
        guard status == 0 else { return false }
        if tool == "docker-credential-cloudcred" { return arguments == ["get"] }
        guard tool == "cloudcred" else { return false }
        // write-docker-config prints the file on stdout only without --output; with it, the file holds the secrets.
        if arguments.first == "write-docker-config" { return !arguments.contains("--output") }
        return handOverCommands.contains { entry in
            arguments.starts(with: entry.command) && (entry.requiredFlag.map(arguments.contains) ?? true)
        }
    }

    /// Whether a file written under HOME may hold a secret: a `--output` of `write-docker-config`, a token cache entry
    /// (`<sha256>.json` in the cache directory), the stored-password store, or the aliyun CLI `config.json`
    /// written back (OAuth, External). Not the failure memory, the ACR instance list, the log, or docker/podman
    /// config edits.
    static func fileMayHoldSecrets(relative: String, absolute: String, outputs: Set<String>) -> Bool {
        if outputs.contains(absolute) { return true }
        if relative == ".aliyun/config.json" { return true }
        if relative.hasPrefix("data/cloudcred/secrets/") { return true }
        let parts = relative.split(separator: "/")
        if parts.first == "cache", parts.count >= 3, parts[parts.count - 2] == "cloudcred", let name = parts.last {
            // `cache[/<fault>]/cloudcred/<sha256>.json`: a token cache entry (not `.failure.json`, locks or the instance list).
            return name.count == 64 + ".json".count && name.hasSuffix(".json") && name.dropLast(5).allSatisfy(\.isHexDigit)
        }
        return false
    }
}
