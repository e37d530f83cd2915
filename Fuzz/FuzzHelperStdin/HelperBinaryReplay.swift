#if !CLOUDCRED_FUZZING
#if canImport(Glibc)
import Glibc
#endif
import CredentialsCore
import FuzzSupport

/// Pipes corpus files into the real `docker-credential-cloudcred` (found next to this runner, as a plain
/// `swift build` puts it) for `get`, `erase` and `store`, with a throw-away home and `CLOUDCRED_EXECUTABLE=/bin/false`
/// so a cache miss never reaches the network.
///
/// Each run must exit 0 or 1, by itself (no signal), with at most one line on stdout, and the `Secret` given to
/// `store` must not appear on stdout or stderr.
enum HelperBinaryReplay {
    static func run(_ files: [String]) {
        guard let helper = sibling("docker-credential-cloudcred") else {
            print("FuzzHelperStdin: docker-credential-cloudcred is not next to this runner; the binary replay is skipped")
            return
        }
        var runs = 0
        for file in files {
            guard let payload = try? LocalFile.read(file) else { continue }
            let secrets = SecretLeaks.candidates(in: payload)
            for verb in ["get", "erase", "store"] {
                let home = Scratch.emptyDirectory("helper-home")
                let result = spawn(helper, verb, stdin: payload, home: home)
                runs += 1
                let what = "\(verb) < \(file)"
                Invariant.check(result.status == 0 || result.status == 1, "\(what): exit status \(result.status) (\(Quoted(result.stderr)))")
                Invariant.check(result.stdout.utf8.count(where: { $0 == 0x0A }) <= 1, "\(what): more than one line: \(Quoted(result.stdout))")
                let output = result.stdout + result.stderr
                for secret in secrets where verb == "store" && output.contains(secret.value) {
                    Invariant.check(false, "\(what): echoes the value of \(secret.key): \(Quoted(output))")
                }
            }
        }
        Scratch.removeTree(Scratch.directory + "/helper-home")
        print("FuzzHelperStdin: \(runs) runs of \(helper)")
    }

    /// The executable `name` in this program's directory.
    private static func sibling(_ name: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4097)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let me = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = me.lastIndex(of: "/") else { return nil }
        let path = String(me[..<slash]) + "/" + name
        return access(path, X_OK) == 0 ? path : nil
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `helper verb` with `stdin`; stdout and stderr go through files, so nothing can block.
    private static func spawn(_ helper: String, _ verb: String, stdin: [UInt8], home: String) -> Result {
        let input = Scratch.write(stdin, to: "helper-stdin")
        let output = home + "/stdout", errors = home + "/stderr"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let environment = [
            "HOME=\(home)", "PATH=/usr/bin:/bin", "XDG_CONFIG_HOME=\(home)/config", "XDG_DATA_HOME=\(home)/data",
            "XDG_CACHE_HOME=\(home)/cache", "CLOUDCRED_EXECUTABLE=/bin/false",
        ]
        let arguments: [String] = [helper, verb]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, helper, &actions, nil, argv, envp) == 0 else {
            Invariant.check(false, "cannot start \(helper)")
            return Result(status: -1, stdout: "", stderr: "")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7F
        let code = signal == 0 ? (status >> 8) & 0xFF : -signal
        return Result(
            status: code, stdout: (try? LocalFile.readText(output)) ?? "", stderr: (try? LocalFile.readText(errors)) ?? "")
    }
}
#endif
