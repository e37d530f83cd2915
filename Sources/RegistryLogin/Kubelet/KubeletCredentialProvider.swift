#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CredentialsCore

/// The kubelet image credential provider protocol (`credentialprovider.kubelet.k8s.io/v1`): the kubelet
/// writes a `CredentialProviderRequest` naming an image to the plugin's stdin and reads a
/// `CredentialProviderResponse` from its stdout.
public enum KubeletCredentialProvider {
    /// The protocol versions understood; the response uses the request's.
    public static let apiVersions = [
        "credentialprovider.kubelet.k8s.io/v1", "credentialprovider.kubelet.k8s.io/v1beta1",
        "credentialprovider.kubelet.k8s.io/v1alpha1",
    ]

    /// A parsed request.
    public struct Request: Sendable, Equatable {
        public var apiVersion: String
        public var image: String
        /// The registry host of the image (`docker.io` when the image names none).
        public var registryHost: String
    }

    /// Parses the request, or explains in one line what is wrong with it.
    public static func parseRequest(_ bytes: [UInt8]) throws -> Request {
        let document: JSONValue
        do { document = try JSONValue.parse(bytes) } catch {
            throw CredentialsError(.invalidArgument, "the CredentialProviderRequest on stdin is not JSON: \(error)")
        }
        guard let apiVersion = document["apiVersion"]?.stringValue, apiVersions.contains(apiVersion) else {
            throw CredentialsError(
                .invalidArgument, "unsupported CredentialProviderRequest apiVersion \(document["apiVersion"].map { $0.serialized(style: .compact) } ?? "(none)")",
                hint: "set apiVersion: credentialprovider.kubelet.k8s.io/v1 in the kubelet's CredentialProviderConfig")
        }
        guard document["kind"]?.stringValue == "CredentialProviderRequest" else {
            throw CredentialsError(.invalidArgument, "the request on stdin is not a CredentialProviderRequest (kind is missing or different)")
        }
        guard let image = document["image"]?.stringValue, !image.isEmpty else {
            throw CredentialsError(.invalidArgument, "the CredentialProviderRequest has no image")
        }
        return Request(apiVersion: apiVersion, image: image, registryHost: registryHost(ofImage: image))
    }

    /// The registry part of an image reference, as container runtimes read it: the first path component when it
    /// has a dot or a port or is `localhost`, else Docker Hub.
    public static func registryHost(ofImage image: String) -> String {
        guard let slash = image.firstIndex(of: "/") else { return "docker.io" }
        let first = image[..<slash]
        if first.contains(".") || first.contains(":") || first == "localhost" { return first.lowercased() }
        return "docker.io"
    }

    /// The response JSON: `cacheKeyType: Registry`, `auth` keyed by the exact host, and `cacheDuration` until
    /// cloudcred's own refresh point of the password (half its remaining life when it has none, 12 h when it does
    /// not expire); no login = an empty `auth`.
    public static func response(
        apiVersion: String, host: String, login: RegistryPassword?, now: Date
    ) -> String {
        var object = JSONObject()
        object["apiVersion"] = .string(apiVersion)
        object["kind"] = "CredentialProviderResponse"
        object["cacheKeyType"] = "Registry"
        var auth = JSONObject()
        if let login {
            object["cacheDuration"] = .string(goDuration(seconds: cacheSeconds(login, now: now)))
            auth[host] = ["username": .string(login.username), "password": .string(login.password)]
        }
        object["auth"] = .object(auth)
        return JSONValue.object(object).serialized(style: .compact)
    }

    /// Until the refresh point, else half the remaining life, or 12 h for passwords that do not expire: the
    /// kubelet asks again when cloudcred would fetch a new password anyway, so a fleet's kubelets ask spread out
    /// as the refresh points are (``CachedLogin/refreshPoint``).
    static func cacheSeconds(_ login: RegistryPassword, now: Date) -> Int {
        guard let expiresAt = login.expiresAt else { return 12 * 3600 }
        if let refreshAt = login.refreshAt, refreshAt < expiresAt { return max(0, Int(refreshAt.timeIntervalSince(now))) }
        return max(0, Int(expiresAt.timeIntervalSince(now) / 2))
    }

    /// A Go `time.Duration` string: `5h30m0s`, `29m59s`, `0s`.
    public static func goDuration(seconds: Int) -> String {
        let hours = seconds / 3600, minutes = seconds % 3600 / 60, rest = seconds % 60
        if hours > 0 { return "\(hours)h\(minutes)m\(rest)s" }
        if minutes > 0 { return "\(minutes)m\(rest)s" }
        return "\(rest)s"
    }
}
