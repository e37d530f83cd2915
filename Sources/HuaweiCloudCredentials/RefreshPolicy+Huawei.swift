import CredentialsCore

extension RefreshPolicy {
    /// Huawei ECS metadata credentials: stale 40 minutes before they expire (when `huaweicloudsdkcore` refreshes
    /// them); a failed refresh keeps serving the cached credentials until they expire, retrying with backoff.
    public static let huaweiMetadata = RefreshPolicy(staleBeforeExpiry: 2400, failureBehavior: .serveUntilExpired, retryMaxDelay: 300)
}
