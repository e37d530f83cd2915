#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser
import CredentialsCore
import RegistryCredentials
import RegistryLogin

/// Logins for several hosts, for the commands that write them out.
enum LoginExport {
    static func logins(hosts: [String], toolProfile: String) async throws -> [(host: String, username: String, password: String)] {
        try await RegistryRuntime.withService { service in
            var logins: [(host: String, username: String, password: String)] = []
            for host in hosts {
                let (login, _) = try await RegistryRuntime.requireLogin(service, host: host, toolProfile: toolProfile)
                logins.append((RegistryHosts.normalize(host) ?? host, login.username, login.password))
            }
            return logins
        }
    }
}

/// `cloudcred write-docker-config`: a docker config with plain `auths` entries, for tools that cannot run a helper.
struct WriteDockerConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write-docker-config",
        abstract: "Write a docker config.json with auths entries for the hosts (kaniko, CI images); stdout by default.",
        discussion: "The passwords expire like the tokens they are: write the file again before then. With --output the file is written atomically with mode 0600.")

    @Argument(help: "Registry hosts.")
    var hosts: [String]

    @Option(name: .long, help: "The file to write (e.g. /kaniko/.docker/config.json).")
    var output: String?

    @Option(name: .long, help: "The cloudcred config profile.")
    var toolProfile = ToolConfig.defaultProfile

    func run() async throws {
        let text = DockerAuthsFile.render(logins: try await LoginExport.logins(hosts: hosts, toolProfile: toolProfile))
        guard let output else {
            StandardStreams.write(text.hasSuffix("\n") ? text : text + "\n")
            return
        }
        do {
            try AtomicFile.write(text, to: output, permissions: .exactly(0o600), createDirectories: true)
        } catch {
            throw CommandFailure.report(CredentialsError(.file, "cannot write \(output): \(error)"))
        }
        StandardStreams.write("wrote \(hosts.count) login\(hosts.count == 1 ? "" : "s") to \(output)\n")
    }
}

/// `cloudcred kubernetes-secret`: a `kubernetes.io/dockerconfigjson` Secret manifest.
struct KubernetesSecretCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubernetes-secret",
        abstract: "Print a kubernetes.io/dockerconfigjson Secret for the hosts (pipe it to kubectl apply -f -).")

    @Argument(help: "Registry hosts.")
    var hosts: [String]

    @Option(name: .long, help: "The Secret's name.")
    var name: String

    @Option(name: .long, help: "The Secret's namespace.")
    var namespace: String?

    @Option(name: .long, help: "The cloudcred config profile.")
    var toolProfile = ToolConfig.defaultProfile

    func validate() throws {
        guard KubernetesName.isValid(name) else { throw ValidationError("--name must be a DNS-1123 subdomain (lower-case letters, digits, '-', '.'), got \"\(name)\"") }
        if let namespace, !KubernetesName.isValid(namespace) || namespace.contains(".") {
            throw ValidationError("--namespace must be a DNS-1123 label, got \"\(namespace)\"")
        }
    }

    func run() async throws {
        let config = DockerAuthsFile.render(logins: try await LoginExport.logins(hosts: hosts, toolProfile: toolProfile))
        let encoded = Data(config.utf8).base64EncodedString()
        var lines = ["apiVersion: v1", "kind: Secret", "metadata:", "  name: \(name)"]
        if let namespace { lines.append("  namespace: \(namespace)") }
        lines += [
            "  labels:", "    app.kubernetes.io/managed-by: cloudcred", "type: kubernetes.io/dockerconfigjson", "data:",
            "  .dockerconfigjson: \(encoded)",
        ]
        StandardStreams.write(lines.joined(separator: "\n") + "\n")
    }
}

/// Kubernetes object names.
enum KubernetesName {
    static func isValid(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= 253, let first = name.first, let last = name.last,
              first.isLetter || first.isNumber, last.isLetter || last.isNumber
        else { return false }
        return name.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" || $0 == "." }
    }
}
