import CredentialsCore

/// Chooses the STS endpoint as the Python library does (`sts_endpoint`, then region and VPC settings).
public enum STSEndpoint {
    /// - Parameters:
    ///   - explicit: `sts_endpoint`; used verbatim when non-empty (it may carry `http://` or `https://`).
    ///   - regionId: `sts_region_id`; else `ALIBABA_CLOUD_STS_REGION`.
    ///   - enableVPC: `enable_vpc`; nil reads `ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED`.
    ///   - globalDefault: the endpoint without a region (`sts.aliyuncs.com`; RSA key pairs use `sts.ap-northeast-1.aliyuncs.com`).
    public static func resolve(
        explicit: String?, regionId: String?, enableVPC: Bool?, environment: Environment,
        globalDefault: String = "sts.aliyuncs.com"
    ) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        let vpc = enableVPC ?? environment.isTrue("ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED")
        let prefix = vpc ? "sts-vpc" : "sts"
        if let regionId, !regionId.isEmpty { return "\(prefix).\(regionId).aliyuncs.com" }
        if let region = environment.nonEmpty("ALIBABA_CLOUD_STS_REGION") { return "\(prefix).\(region).aliyuncs.com" }
        return globalDefault
    }

    /// Splits an endpoint value into scheme, host and port: `sts.aliyuncs.com` → https;
    /// `http://127.0.0.1:8080` → http, 127.0.0.1, 8080.
    static func target(_ endpoint: String) -> (scheme: String, host: String, port: Int?) {
        var scheme = "https"
        var rest = Substring(endpoint)
        if endpoint.lowercased().hasPrefix("http://") {
            scheme = "http"
            rest = rest.dropFirst(7)
        } else if endpoint.lowercased().hasPrefix("https://") {
            rest = rest.dropFirst(8)
        }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        if let colon = rest.lastIndex(of: ":"), let port = Int(rest[rest.index(after: colon)...]) {
            return (scheme, String(rest[..<colon]), port)
        }
        return (scheme, String(rest), nil)
    }
}
