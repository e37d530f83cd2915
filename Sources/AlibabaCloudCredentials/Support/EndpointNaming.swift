import CloudHTTP
import CredentialsCore

/// Adds the endpoint to errors that do not name it.
///
/// Several failure texts are the Python library's, kept word for word (users search for them, and the parity test
/// compares them): `No cached value was found.`, `strptime() argument 1 must be str, not int`, `error retrieving
/// credentials from ram_role_arn result: …`. None says which server answered. The message stays; the hint, when
/// there is none, names the endpoint.
enum EndpointNaming {
    /// `error`, with a hint naming `endpoint` when it is a server failure or an already-expired answer without one
    /// (e.g. `STS AssumeRole at https://sts.aliyuncs.com/`). Providers call it only in their `catch`, so the cached
    /// path of `credential()` pays nothing for it.
    static func named(_ error: any Error, endpoint: @autoclosure () -> String) -> any Error {
        guard var named = error as? CredentialsError, named.hint == nil else { return error }
        switch named.code {
        case .noCachedValue:
            named.hint = "\(endpoint()) answered with credentials that had already expired: check the clock of this machine"
        case .server:
            named.hint = "the answer came from \(endpoint())"
        default:
            return error
        }
        return named
    }

    /// `STS AssumeRole at https://sts.aliyuncs.com/`.
    static func sts(_ action: String, endpoint: String) -> String {
        let (scheme, host, port) = STSEndpoint.target(endpoint)
        return "STS \(action) at \(scheme)://\(host)\(port.map { ":\($0)" } ?? "")/"
    }

    /// `CloudSSO at https://signin…/cloud-credentials`, `OAuth at https://oauth.aliyun.com`.
    static func signIn(_ service: String, url: String, path: String = "") -> String {
        guard let parts = URLParts(url) else { return service }
        return "\(service) at \(parts.scheme)://\(parts.host)\(parts.port.map { ":\($0)" } ?? "")\(path)"
    }
}
