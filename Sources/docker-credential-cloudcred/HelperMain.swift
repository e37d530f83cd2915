import CredentialsCore
import RegistryCredentials

/// The docker-credential-helpers protocol: one verb in argv[1], the payload on stdin, the answer on stdout,
/// errors as one line on stdout with exit status 1. Nothing else ever goes to stdout.
enum HelperMain {
    static let notFound = "credentials not found in native keychain"
    static let baseName = "docker-credential-cloudcred"

    static func run(arguments: [String], environment: Environment) -> Int32 {
        let name = programName(arguments)
        guard arguments.count == 2 else {
            HelperIO.writeOut("Usage: \(name) <store|get|erase|list|version>\n")
            return 1
        }
        switch arguments[1] {
        case "version", "--version", "-v":
            HelperIO.writeOut("\(baseName) \(CloudcredVersion.version) (commit \(CloudcredVersion.gitCommit))\n")
            return 0
        case "--help", "-h":
            HelperIO.writeOut("Usage: \(name) <store|get|erase|list|version>\n")
            return 0
        case "get":
            return HelperGet(context: HelperContext(programName: name, environment: environment)).run(payload: HelperIO.readStdin())
        case "store":
            return HelperStorage(context: HelperContext(programName: name, environment: environment)).store(payload: HelperIO.readStdin())
        case "erase":
            return HelperStorage(context: HelperContext(programName: name, environment: environment)).erase(payload: HelperIO.readStdin())
        case "list":
            return HelperStorage(context: HelperContext(programName: name, environment: environment)).list()
        default:
            HelperIO.writeOut("\(name): unknown action: \(arguments[1])\n")
            return 1
        }
    }

    /// The last path component of argv[0].
    static func programName(_ arguments: [String]) -> String {
        guard let first = arguments.first, !first.isEmpty else { return baseName }
        return String(first.split(separator: "/").last ?? Substring(first))
    }
}

/// What every verb needs: the environment, the tool config and profile, the log.
struct HelperContext {
    let environment: Environment
    let programName: String
    let log: HelperLog
    /// The tool config; empty (built-in patterns only) when it could not be read.
    let config: ToolConfig
    /// Why the tool config could not be read.
    let configError: CredentialsError?
    /// The tool-config profile: the argv[0] suffix (`docker-credential-cloudcred-prod` → `prod`) when the
    /// config has that profile, else `default`.
    let profile: String

    init(programName: String, environment: Environment) {
        self.environment = environment
        self.programName = programName
        log = HelperLog(environment: environment)
        do {
            config = try ToolConfig.load(environment: environment)
            configError = nil
        } catch {
            config = ToolConfig(path: ToolConfig.path(environment: environment))
            configError = error
            log.write(.warning, "the cloudcred config cannot be used: \(error.message)")
        }
        let prefix = HelperMain.baseName + "-"
        if programName.hasPrefix(prefix), config.hasProfile(String(programName.dropFirst(prefix.count))) {
            profile = String(programName.dropFirst(prefix.count))
        } else {
            profile = ToolConfig.defaultProfile
        }
    }

    /// The configured secret store (the file store when the config is broken).
    var secretStore: any SecretStore {
        SecretStores.configured(config: config, environment: environment)
    }

    /// The token cache.
    var cache: TokenCache { TokenCache(environment: environment) }

    /// Reports an error the protocol way: one line on stdout, exit status 1.
    func fail(_ message: String) -> Int32 {
        HelperIO.writeOut(HelperIO.oneLine(message) + "\n")
        return 1
    }
}
