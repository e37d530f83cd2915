import CloudcredTestSupport
import CredentialsCore
import Foundation
import Testing

/// The built `docker-credential-cloudcred`, run as docker runs it: a verb, stdin, a clean environment.
struct Helper {
    let home: String
    var environment: [String: String]
    var executable = BinaryRunner.productsDirectory.appendingPathComponent("docker-credential-cloudcred").path

    init(extra: [String: String] = [:]) throws {
        home = try BinaryRunner.makeHome()
        environment = BinaryRunner.cleanEnvironment(home: home, extra: extra)
    }

    func run(_ arguments: [String], stdin: String = "") async throws -> BinaryRunner.Result {
        let (executable, environment) = (executable, environment)
        return try await withCheckedThrowingContinuation { continuation in
            OwnThread.detach {
                continuation.resume(with: Result { try Helper.runBlocking(executable, arguments, stdin: stdin, environment: environment) })
            }
        }
    }

    /// Writes an executable script and returns its path.
    func script(_ name: String, _ body: String) throws -> String {
        let path = home + "/bin/" + name
        try FileManager.default.createDirectory(atPath: home + "/bin", withIntermediateDirectories: true)
        try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    func writeConfig(_ text: String) throws {
        try FileManager.default.createDirectory(atPath: home + "/.config/cloudcred", withIntermediateDirectories: true)
        try text.write(toFile: home + "/.config/cloudcred/config.json", atomically: true, encoding: .utf8)
    }

    private static func runBlocking(_ executable: String, _ arguments: [String], stdin: String, environment: [String: String]) throws -> BinaryRunner.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let (input, output, error) = (Pipe(), Pipe(), Pipe())
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        if !stdin.isEmpty { try? input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return BinaryRunner.Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }
}

@Suite("docker-credential-cloudcred protocol (built binary)")
struct HelperProtocolTests {
    static let notFound = "credentials not found in native keychain\n"

    @Test("get for a host that is not ours: the not-found message, exit 1, nothing on stderr", arguments: [
        "ghcr.io", "https://index.docker.io/v1/", "registry.cn-hangzhou.aliyuncs.com.evil.example",
        "registry.cn-hangzhou.aliyuncs.com:5000", "not a host at all",
    ])
    func notOurs(host: String) async throws {
        let result = try await Helper().run(["get"], stdin: host + "\n")
        #expect(result.status == 1 && result.stdout == Self.notFound && result.stderr.isEmpty)
    }

    @Test("bad stdin: the standard messages")
    func badInput() async throws {
        let helper = try Helper()
        let emptyGet = try await helper.run(["get"], stdin: "  \n")
        #expect(emptyGet.status == 1 && emptyGet.stdout == "no credentials server URL\n")
        let emptyErase = try await helper.run(["erase"], stdin: "")
        #expect(emptyErase.status == 1 && emptyErase.stdout == "no credentials server URL\n")
        let noURL = try await helper.run(["store"], stdin: #"{"Username": "u", "Secret": "s"}"#)
        #expect(noURL.status == 1 && noURL.stdout == "no credentials server URL\n")
        let noUser = try await helper.run(["store"], stdin: #"{"ServerURL": "images.example.com", "Username": "", "Secret": "s"}"#)
        #expect(noUser.status == 1 && noUser.stdout == "no credentials username\n")
        let notJSON = try await helper.run(["store"], stdin: "ServerURL=x")
        #expect(notJSON.status == 1 && notJSON.stdout.split(separator: "\n").count == 1 && notJSON.stdout.contains("not a JSON object"))
    }

    @Test("version, --version, -v, --help, list, usage and unknown verbs")
    func verbs() async throws {
        let helper = try Helper()
        for flag in ["version", "--version", "-v"] {
            let version = try await helper.run([flag])
            #expect(version.status == 0 && version.stdout == "docker-credential-cloudcred \(CloudcredVersion.version) (commit \(CloudcredVersion.gitCommit))\n")
        }
        let help = try await helper.run(["--help"])
        #expect(help.status == 0 && help.stdout == "Usage: docker-credential-cloudcred <store|get|erase|list|version>\n")
        let list = try await helper.run(["list"], stdin: "unused")
        #expect(list.status == 0 && list.stdout == "{}\n")
        let usage = try await helper.run([])
        #expect(usage.status == 1 && usage.stdout == "Usage: docker-credential-cloudcred <store|get|erase|list|version>\n")
        let twoVerbs = try await helper.run(["get", "list"])
        #expect(twoVerbs.status == 1 && twoVerbs.stdout.hasPrefix("Usage: "))
        let bogus = try await helper.run(["bogus"])
        #expect(bogus.status == 1 && bogus.stdout == "docker-credential-cloudcred: unknown action: bogus\n")
    }

    @Test("docker login path: store keeps the password (0600), get returns it for any spelling of the host, list shows it, erase forgets it")
    func storedPassword() async throws {
        let helper = try Helper()
        let host = "crpi-abc123.cn-hangzhou.personal.cr.aliyuncs.com"
        let store = try await helper.run(["store"], stdin: #"{"ServerURL":"https://\#(host)/v2/","Username":"me@example.com","Secret":"Fixed-Pass_1"}"#)
        #expect(store.status == 0 && store.stdout.isEmpty && store.stderr.isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: helper.home + "/.local/share/cloudcred/secrets")
        #expect(files.count == 1 && !files[0].contains("crpi"))

        let get = try await helper.run(["get"], stdin: "HTTPS://\(host.uppercased())\n")
        #expect(get.status == 0)
        #expect(get.stdout == #"{"ServerURL":"HTTPS://\#(host.uppercased())","Username":"me@example.com","Secret":"Fixed-Pass_1"}"# + "\n")
        let list = try await helper.run(["list"])
        #expect(list.stdout == #"{"\#(host)":"me@example.com"}"# + "\n")

        let erase = try await helper.run(["erase"], stdin: host)
        #expect(erase.status == 0 && erase.stdout.isEmpty)
        #expect(try await helper.run(["list"]).stdout == "{}\n")
        let unknown = try await helper.run(["erase"], stdin: "never-stored.example.com")
        #expect(unknown.status == 0)
    }

    @Test("an identity token (<token>) is accepted but never kept or returned")
    func identityToken() async throws {
        let helper = try Helper()
        let store = try await helper.run(["store"], stdin: #"{"ServerURL":"images.example.com","Username":"<token>","Secret":"refresh"}"#)
        #expect(store.status == 0 && store.stderr.contains("identity token"))
        let get = try await helper.run(["get"], stdin: "images.example.com")
        #expect(get.stdout == Self.notFound)
    }

    @Test("a cache miss for our host execs `cloudcred registry-helper get` with the URL and profile; its answer is the answer")
    func handOver() async throws {
        var helper = try Helper()
        let fake = try helper.script("fake-cloudcred", """
            printf '%s\\n' "$0" "$@" > "$HOME/args"
            echo '{"ServerURL":"from-fake","Username":"cr_temp_user","Secret":"tok"}'
            """)
        helper.environment["CLOUDCRED_EXECUTABLE"] = fake
        let result = try await helper.run(["get"], stdin: "https://registry-vpc.cn-beijing.aliyuncs.com/v2/\n")
        #expect(result.status == 0)
        #expect(result.stdout == #"{"ServerURL":"from-fake","Username":"cr_temp_user","Secret":"tok"}"# + "\n")
        let arguments = try String(contentsOfFile: helper.home + "/args", encoding: .utf8).split(separator: "\n")
        #expect(arguments.dropFirst() == ["registry-helper", "get", "--server-url", "https://registry-vpc.cn-beijing.aliyuncs.com/v2/", "--tool-profile", "default"])

        _ = try await helper.run(["get"], stdin: "https://me:UrlPass@registry-vpc.cn-beijing.aliyuncs.com/v2/")
        let withUserinfo = try String(contentsOfFile: helper.home + "/args", encoding: .utf8)
        #expect(withUserinfo.contains("\nregistry-vpc.cn-beijing.aliyuncs.com\n") && !withUserinfo.contains("UrlPass"))
    }

    @Test("no cloudcred anywhere (or a bad CLOUDCRED_EXECUTABLE): one line saying to install both executables")
    func noCloudcred() async throws {
        var helper = try Helper()
        helper.executable = helper.home + "/docker-credential-cloudcred"
        try FileManager.default.copyItem(atPath: Helper(extra: [:]).executable, toPath: helper.executable)
        let missing = try await helper.run(["get"], stdin: "swr.cn-north-4.myhuaweicloud.com")
        #expect(missing.status == 1 && missing.stdout.split(separator: "\n").count == 1)
        #expect(missing.stdout.contains("install both executables (cloudcred and docker-credential-cloudcred)"))
        #expect(missing.stderr.contains("install both executables"))

        helper.environment["CLOUDCRED_EXECUTABLE"] = helper.home + "/nope"
        let bad = try await helper.run(["get"], stdin: "swr.cn-north-4.myhuaweicloud.com")
        #expect(bad.status == 1 && bad.stdout.contains("CLOUDCRED_EXECUTABLE=\(helper.home)/nope is not an executable file"))
    }

    @Test("argv[0] suffix selects the profile: docker-credential-cloudcred-prod; an unknown suffix acts as the plain helper")
    func profileSuffix() async throws {
        var helper = try Helper()
        try helper.writeConfig(#"{"profiles": {"prod": {"registries": [{"match": "images.example.com", "kind": "acr-enterprise", "region": "cn-hangzhou", "instanceId": "cri-1"}]}}}"#)
        helper.environment["CLOUDCRED_EXECUTABLE"] = try helper.script("fake-cloudcred", #"echo "$@" > "$HOME/args"; echo '{}'"#)
        let real = helper.executable
        for suffix in ["prod", "staging"] {
            helper.executable = helper.home + "/bin/docker-credential-cloudcred-\(suffix)"
            try FileManager.default.createSymbolicLink(atPath: helper.executable, withDestinationPath: real)
        }
        helper.executable = helper.home + "/bin/docker-credential-cloudcred-prod"
        let prod = try await helper.run(["get"], stdin: "images.example.com")
        #expect(prod.status == 0)
        #expect(try String(contentsOfFile: helper.home + "/args", encoding: .utf8) == "registry-helper get --server-url images.example.com --tool-profile prod\n")

        helper.executable = helper.home + "/bin/docker-credential-cloudcred-staging"
        #expect(try await helper.run(["get"], stdin: "images.example.com").stdout == Self.notFound)
        let usage = try await helper.run([])
        #expect(usage.stdout.hasPrefix("Usage: docker-credential-cloudcred-staging "))
        helper.executable = real
        #expect(try await helper.run(["get"], stdin: "images.example.com").stdout == Self.notFound)
    }

    @Test("a broken tool config: hosts not ours still answer not found; ours get one line naming the file")
    func brokenConfig() async throws {
        let helper = try Helper()
        try helper.writeConfig(#"{"profiles": {"default": {"registries": [{"match": 1}]}}}"#)
        #expect(try await helper.run(["get"], stdin: "ghcr.io").stdout == Self.notFound)
        let ours = try await helper.run(["get"], stdin: "registry.cn-hangzhou.aliyuncs.com")
        #expect(ours.status == 1 && ours.stdout.contains(helper.home + "/.config/cloudcred/config.json: profiles.default.registries[0].match"))
        #expect(ours.stdout.split(separator: "\n").count == 1)
    }

    @Test("logs: CLOUDCRED_LOG to stderr, CLOUDCRED_LOG_FILE to a file; never a password; stdout unchanged")
    func logging() async throws {
        var helper = try Helper(extra: ["CLOUDCRED_LOG": "debug"])
        let host = "images.example.com"
        _ = try await helper.run(["store"], stdin: #"{"ServerURL":"https://user:UrlPass@\#(host)","Username":"bob","Secret":"SuperSecret-42"}"#)
        let logged = try await helper.run(["get"], stdin: "https://user:UrlPass@\(host)/v2/")
        #expect(logged.stdout.contains("SuperSecret-42"))
        #expect(logged.stderr.contains("debug") || logged.stderr.contains("info"))
        #expect(logged.stderr.contains("get \(host): stored password for user bob"))
        #expect(!logged.stderr.contains("SuperSecret-42") && !logged.stderr.contains("UrlPass"))

        helper.environment["CLOUDCRED_LOG_FILE"] = helper.home + "/helper.log"
        let toFile = try await helper.run(["get"], stdin: host)
        #expect(toFile.stderr.isEmpty && toFile.status == 0)
        let log = try String(contentsOfFile: helper.home + "/helper.log", encoding: .utf8)
        #expect(log.contains("stored password for user bob") && !log.contains("SuperSecret-42"))

        helper.environment["CLOUDCRED_LOG"] = nil
        helper.environment["CLOUDCRED_LOG_FILE"] = nil
        #expect(try await helper.run(["get"], stdin: host).stderr.isEmpty)
    }
}
