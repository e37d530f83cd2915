import ArgumentParser
import CredentialsCore
import RegistryCredentials

/// `cloudcred cache list|clear`: the registry token cache.
struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache", abstract: "List or clear cached registry tokens.",
        subcommands: [List.self, Clear.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List cached tokens: host, user name, expiry (never the password).")

        func run() throws {
            let cache = TokenCache(environment: .process)
            let now = SystemClock().now()
            let entries = cache.entries().sorted { $0.host < $1.host }
            if entries.isEmpty {
                StandardStreams.write("no cached registry tokens\(cache.directory.map { " in \($0)" } ?? "")\n")
                return
            }
            for entry in entries {
                StandardStreams.write("\(entry.host)\t\(entry.username)\texpires \(LoginOutput.expiry(entry.expiresAt, now: now))\n")
            }
        }
    }

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clear", abstract: "Remove every cached token (stored passwords stay).")

        func run() throws {
            let removed = TokenCache(environment: .process).clear()
            StandardStreams.write("removed \(removed) cached token\(removed == 1 ? "" : "s")\n")
        }
    }
}
