#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A snapshot of environment variables, injected wherever behaviour depends on them,
/// so tests run in parallel without `setenv`.
public struct Environment: Sendable, Hashable {
    public var values: [String: String]

    public init(_ values: [String: String] = [:]) {
        self.values = values
    }

    /// The current process environment.
    public static var process: Environment {
        var values: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let pair = String(cString: entry)
            if let eq = pair.firstIndex(of: "=") {
                values[String(pair[..<eq])] = String(pair[pair.index(after: eq)...])
            }
            pointer += 1
        }
        return Environment(values)
    }

    public subscript(name: String) -> String? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// The value when set and not empty.
    public func nonEmpty(_ name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    /// True when the value equals `true` ignoring case (the Python library's rule: `1` and `yes` are false).
    public func isTrue(_ name: String) -> Bool {
        values[name]?.lowercased() == "true"
    }

    /// True when the value is `1`, `true` or `yes` (ignoring case): cloudcred's own switches.
    public func isEnabled(_ name: String) -> Bool {
        guard let value = values[name]?.lowercased() else { return false }
        return value == "1" || value == "true" || value == "yes"
    }

    /// The home directory as the Python library resolves it on POSIX systems:
    /// `HOME` when non-empty, else `HOMEPATH` when non-empty, else the fallback (`/` by default).
    /// It never asks the password database, which a static binary cannot do.
    public func homeDirectory(fallback: String = "/") -> String {
        if let home = nonEmpty("HOME") { return home }
        if let home = nonEmpty("HOMEPATH") { return home }
        return fallback
    }

    /// The home directory as the Python library resolves it on Windows:
    /// `HOME`, else `HOMEPATH` (joined to `HOMEDRIVE` unless it starts with a drive letter), else the fallback.
    public func windowsHomeDirectory(fallback: String) -> String {
        if let home = nonEmpty("HOME") { return home }
        if let path = nonEmpty("HOMEPATH") {
            let chars = Array(path)
            if chars.count >= 2, chars[0].isLetter, chars[1] == ":" { return path }
            let drive = values["HOMEDRIVE"] ?? ""
            if drive.isEmpty { return path }
            return drive.hasSuffix("\\") || path.hasPrefix("\\") ? drive + path : drive + "\\" + path
        }
        return fallback
    }
}
