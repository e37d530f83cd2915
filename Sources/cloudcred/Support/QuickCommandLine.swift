/// The two command lines other programs run most, recognised without ArgumentParser: `cloudcred credentials`
/// (scripts, SDK wrappers) and `cloudcred registry-helper get` (every cache miss of the Docker credential helper).
///
/// ArgumentParser builds and reflects over the whole command tree on every start: about 9 ms of the ≈ 21 ms of
/// CPU that `cloudcred credentials --json` took (docs/PERFORMANCE.md, benchmark 3). Only exact, unambiguous
/// forms are taken here: each option at most once, values that do not look like options. Anything else — help,
/// `--version`, other commands, unknown or repeated options, `--` — returns nil and goes through ArgumentParser
/// unchanged, so the errors and help people see are the same either way.
enum QuickCommandLine: Equatable {
    /// `credentials [--json] [--reveal] [--profile NAME]`
    case credentials(profile: String?, json: Bool, reveal: Bool)
    /// `registry-helper get --server-url URL [--tool-profile NAME]`
    case registryHelperGet(serverURL: String, toolProfile: String)

    /// The invocation for `arguments` (without the program name), or nil to let ArgumentParser decide.
    static func parse(_ arguments: [String]) -> QuickCommandLine? {
        switch arguments.first {
        case "credentials":
            guard let options = Options(arguments.dropFirst(), flags: ["--json", "--reveal"], valued: ["--profile"]) else { return nil }
            return .credentials(profile: options.values["--profile"], json: options.flags.contains("--json"), reveal: options.flags.contains("--reveal"))
        case "registry-helper":
            guard arguments.count > 1, arguments[1] == "get",
                  let options = Options(arguments.dropFirst(2), flags: [], valued: ["--server-url", "--tool-profile"]),
                  let serverURL = options.values["--server-url"]
            else { return nil }
            return .registryHelperGet(serverURL: serverURL, toolProfile: options.values["--tool-profile"] ?? "default")
        default:
            return nil
        }
    }

    /// Runs the command as its ArgumentParser form would.
    func run() async throws {
        switch self {
        case .credentials(let profile, let json, let reveal):
            try await CredentialsCommand.resolve(profile: profile, json: json, reveal: reveal)
        case .registryHelperGet(let serverURL, let toolProfile):
            try await RegistryHelperCommand.get(serverURL: serverURL, toolProfile: toolProfile)
        }
    }

    /// Long options, each given at most once: flags alone, the others as `--name VALUE` or `--name=VALUE` with a
    /// non-empty value that does not start with `-`. (Arrays, not sets: the first `Set<String>` of a process costs a
    /// conformance lookup over the whole binary, ≈ 1 ms here.)
    private struct Options {
        var flags: [String] = []
        var values: [String: String] = [:]

        init?(_ tokens: ArraySlice<String>, flags allowedFlags: [String], valued: [String]) {
            var tokens = tokens
            while let token = tokens.popFirst() {
                let name = token.split(separator: "=", maxSplits: 1).first.map(String.init) ?? token
                if allowedFlags.contains(token) {
                    guard !flags.contains(token) else { return nil }
                    flags.append(token)
                } else if valued.contains(name), values[name] == nil {
                    let value = name == token ? tokens.popFirst() : String(token.dropFirst(name.count + 1))
                    guard let value, !value.isEmpty, !value.hasPrefix("-") else { return nil }
                    values[name] = value
                } else {
                    return nil
                }
            }
        }
    }
}
