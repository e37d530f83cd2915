#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the file to run for a program name, as `execvp(3)` (and Python's `subprocess`) do.
enum ProgramLookup {
    /// Where `PATH` is unset.
    static let defaultSearchPath = "/bin:/usr/bin"

    /// A name with a `/` is used as it is (it must be executable); any other name is looked up in each
    /// directory of `searchPath` in turn (an empty entry is the current directory), taking the first
    /// executable regular file.
    ///
    /// - Throws: ``ChildProcess/Failure/notFound(program:errno:)`` with `EACCES` when only regular files
    ///   without execute permission were found, `ENOENT` when nothing was; for a path, `access(2)`'s `errno`.
    static func resolve(_ program: String, searchPath: String?) throws(ChildProcess.Failure) -> String {
        if program.contains("/") {
            guard access(program, X_OK) == 0 else { throw .notFound(program: program, errno: errno) }
            return program
        }
        var sawDenied = false
        for directory in (searchPath ?? defaultSearchPath).split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (directory.isEmpty ? "." : String(directory)) + "/" + program
            guard LocalFile.isRegularFile(candidate) else { continue }
            if access(candidate, X_OK) == 0 { return candidate }
            sawDenied = true
        }
        throw .notFound(program: program, errno: sawDenied ? EACCES : ENOENT)
    }
}
