import CredentialsCore

#if canImport(Glibc)
import Glibc
#endif

/// Replaces this process with `cloudcred registry-helper get --server-url <url> --tool-profile <profile>`,
/// which resolves cloud credentials, fetches (under the cache lock), caches and prints the protocol answer.
struct HandOver {
    let context: HelperContext

    /// Does not return when the exec succeeds.
    func exec(serverURL: String, profile: String) -> Int32 {
        let program: String
        switch locateCloudcred() {
        case .found(let path):
            program = path
        case .badOverride(let path):
            return failLoudly("CLOUDCRED_EXECUTABLE=\(path) is not an executable file; point it at the cloudcred program or unset it")
        case .missing:
            return failLoudly("cannot fetch a registry token: the cloudcred program was found neither next to this helper nor on PATH; install both executables (cloudcred and docker-credential-cloudcred) in the same directory, or set CLOUDCRED_EXECUTABLE")
        }
        context.log.write(.debug, "exec \(program) registry-helper get --tool-profile \(profile)")
        let arguments = ["cloudcred", "registry-helper", "get", "--server-url", serverURL, "--tool-profile", profile]
        let argv = arguments.map { strdup($0) } + [nil]
        execv(program, argv)
        let reason = String(cString: strerror(errno))
        argv.forEach { free($0) }
        return failLoudly("cannot start \(program): \(reason)")
    }

    private enum Location {
        case found(String)
        case badOverride(String)
        case missing
    }

    /// `$CLOUDCRED_EXECUTABLE`, else `cloudcred` next to this program's resolved `/proc/self/exe`, else on `PATH`.
    private func locateCloudcred() -> Location {
        if let override = context.environment.nonEmpty("CLOUDCRED_EXECUTABLE") {
            return isExecutableFile(override) ? .found(override) : .badOverride(override)
        }
        if let me = selfExecutable(), let slash = me.lastIndex(of: "/") {
            let sibling = String(me[..<slash]) + "/cloudcred"
            if isExecutableFile(sibling) { return .found(sibling) }
        }
        for directory in (context.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/cloudcred"
            if isExecutableFile(candidate) { return .found(candidate) }
        }
        return .missing
    }

    private func selfExecutable() -> String? {
        var buffer = [CChar](repeating: 0, count: 4097)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private func isExecutableFile(_ path: String) -> Bool {
        LocalFile.isRegularFile(path) && access(path, X_OK) == 0
    }

    private func failLoudly(_ message: String) -> Int32 {
        HelperIO.writeErr("\(context.programName): \(message)\n")
        return context.fail(message)
    }
}
