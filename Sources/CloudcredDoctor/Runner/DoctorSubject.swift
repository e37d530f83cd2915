import RegistryCredentials

/// What the user asked about: a registry host, an image reference, or something docker would send to Docker Hub.
///
/// References follow docker's rule: the part before the first `/` is a registry host only when it contains a `.` or
/// a `:` or is `localhost`; otherwise the whole reference is a Docker Hub repository (`ns/app` is
/// `docker.io/ns/app`). Tags (`:latest`) and digests (`@sha256:…`) are dropped; a URL (`https://host/v2/`) is a host.
public enum DoctorSubject: Sendable, Hashable {
    /// A registry host (normalized), with the repository (`ns/app`) when a reference named one.
    case registry(host: String, repository: String?)
    /// A reference without a registry host: docker pulls it from Docker Hub.
    case dockerHub(repository: String)
    /// Not a host or reference.
    case invalid(String)

    /// Parses what the user typed.
    public init(_ text: String) {
        let trimmed = text.stripping(" \t\r\n")
        guard !trimmed.isEmpty else {
            self = .invalid(text)
            return
        }
        if trimmed.contains("://") {
            self = RegistryHosts.normalize(trimmed).map { .registry(host: $0, repository: nil) } ?? .invalid(text)
            return
        }
        var withoutDigest = Substring(trimmed)
        if let at = withoutDigest.firstIndex(of: "@") { withoutDigest = withoutDigest[..<at] }
        let parts = withoutDigest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let first = String(parts[0])
        let looksLikeHost = first.contains(".") || first.contains(":") || first == "localhost"
        if parts.count == 1 {
            if looksLikeHost, let host = RegistryHosts.normalize(first) {
                self = .registry(host: host, repository: nil)
            } else if !looksLikeHost, !first.isEmpty {
                self = .dockerHub(repository: "library/" + Self.withoutTag(first))
            } else {
                self = .invalid(text)
            }
            return
        }
        let path = Self.withoutTag(String(parts[1]))
        guard !path.isEmpty, !path.hasPrefix("/") else {
            self = .invalid(text)
            return
        }
        if looksLikeHost {
            self = RegistryHosts.normalize(first).map { .registry(host: $0, repository: path) } ?? .invalid(text)
        } else {
            self = .dockerHub(repository: first + "/" + path)
        }
    }

    /// `ns/app:tag` → `ns/app` (a `:` after the last `/` starts the tag).
    static func withoutTag(_ path: String) -> String {
        guard let colon = path.lastIndex(of: ":") else { return path }
        if let slash = path.lastIndex(of: "/"), slash > colon { return path }
        return String(path[..<colon])
    }

    /// The registry host, when there is one.
    public var host: String? {
        if case .registry(let host, _) = self { return host }
        return nil
    }

    /// The repository, when the reference named one.
    public var repository: String? {
        switch self {
        case .registry(_, let repository): return repository
        case .dockerHub(let repository): return repository
        case .invalid: return nil
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing characters from `set`.
    func stripping(_ set: String) -> String {
        let scalars = String(self).unicodeScalars
        let skip = Set(set.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !skip.contains($0) }), let last = scalars.lastIndex(where: { !skip.contains($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
