import ArgumentParser
import CredentialsCore
import RegistryCredentials

/// `cloudcred configure-docker` / `configure-podman`: route ACR/SWR hosts to `docker-credential-cloudcred`.
struct ConfigureOptions: ParsableArguments {
    @Option(name: .long, help: "Comma-separated registry hosts (default: the exact hosts of the cloudcred config).")
    var registries: String?

    @Flag(name: .long, help: "Print the file as it would be written, and change nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Remove the entries that point at cloudcred instead.")
    var undo = false

    @Option(name: .long, help: "The cloudcred config profile (the helper is then docker-credential-cloudcred-<profile>).")
    var toolProfile = ToolConfig.defaultProfile

    /// Applies the edit to `file` and reports it.
    func apply(to file: CredentialHelperConfigFile, tool: String) throws {
        do {
            let helper = CredentialHelperConfigFile.helperName(profile: toolProfile)
            let edit: CredentialHelperConfigFile.Edit
            if undo {
                edit = try file.undo(hosts: try explicitHosts(), helper: helper, dryRun: dryRun)
            } else {
                edit = try file.configure(hosts: try hostsToConfigure(), helper: helper, dryRun: dryRun)
            }
            if dryRun {
                StandardStreams.write(edit.text.hasSuffix("\n") ? edit.text : edit.text + "\n")
                return
            }
            guard edit.changed else {
                StandardStreams.write("\(edit.path): already up to date\n")
                return
            }
            for host in edit.added { StandardStreams.write("\(edit.path): \(host) → docker-credential-\(helper)\n") }
            for host in edit.removed { StandardStreams.write("\(edit.path): \(host) removed\n") }
            if !undo { StandardStreams.write("\(tool) now gets ACR/SWR passwords from docker-credential-\(helper); make sure it is on PATH.\n") }
        } catch {
            throw CommandFailure.report(error)
        }
    }

    private func explicitHosts() throws -> [String]? {
        guard let registries else { return nil }
        return try registries.split(separator: ",").map { raw in
            // Spaces around a host are dropped; spaces inside one make it invalid (not a different host).
            let trimmed = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard let host = RegistryHosts.normalize(trimmed) else {
                throw CredentialsError(.invalidArgument, "--registries: \"\(trimmed)\" is not a registry host name")
            }
            return host
        }
    }

    private func hostsToConfigure() throws -> [String] {
        if let hosts = try explicitHosts(), !hosts.isEmpty { return hosts }
        let config = try ToolConfig.load(environment: .process)
        let hosts = config.exactHosts(profile: toolProfile)
        guard !hosts.isEmpty else {
            throw CredentialsError(
                .invalidArgument, "no registry hosts to configure: none given and the cloudcred config (\(config.path)) names none",
                hint: "pass --registries registry.cn-hangzhou.aliyuncs.com,swr.cn-north-4.myhuaweicloud.com")
        }
        return hosts
    }
}

struct ConfigureDockerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "configure-docker",
        abstract: "Add credHelpers entries for ACR/SWR hosts to $DOCKER_CONFIG/config.json or ~/.docker/config.json.")

    @OptionGroup var options: ConfigureOptions

    func run() throws {
        try options.apply(to: .docker(environment: .process), tool: "docker")
    }
}

struct ConfigurePodmanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "configure-podman",
        abstract: "Add credHelpers entries for ACR/SWR hosts to ${XDG_CONFIG_HOME:-~/.config}/containers/auth.json.")

    @OptionGroup var options: ConfigureOptions

    func run() throws {
        try options.apply(to: .podman(environment: .process), tool: "podman, skopeo and buildah")
    }
}
