import CredentialsCore

/// Which cloud credentials a target would be served with, named without resolving them: a cheap, stable
/// string for cache keys (the token cache hashes it; it is never a file name as is).
public enum CredentialSource {
    /// The identity of the credentials the full program would use for `target`.
    ///
    /// * Alibaba (ACR): the target's `alibabaProfile` if set; else the AccessKey ID in
    ///   `ALIBABA_CLOUD_ACCESS_KEY_ID`; else the role in `ALIBABA_CLOUD_ROLE_ARN` (OIDC / RRSA); else the
    ///   profile named by `ALIBABA_CLOUD_PROFILE`, or `default`.
    /// * Huawei (SWR): the AK in `HUAWEICLOUD_SDK_AK`; else `profile` when a credentials file exists
    ///   (`HUAWEICLOUD_SDK_CREDENTIALS_FILE` or `~/.huaweicloud/credentials`), else `metadata`.
    /// * Plus the kind, and for SWR the project and the login mode.
    ///
    /// Never contains a secret or a security token; AccessKey IDs and role ARNs are identifiers, not secrets.
    public static func identity(for target: RegistryTarget, environment: Environment) -> String {
        var parts = ["kind=\(target.kind.rawValue)"]
        switch target.kind {
        case .acrShared, .acrEnterprise, .acrPersonal:
            parts.append(alibaba(target, environment))
            if let instanceId = target.instanceId { parts.append("instance=\(instanceId)") }
        case .swr:
            parts.append(huawei(environment))
            parts.append("project=\(target.effectiveSWRProject)")
            parts.append("login=\(target.swrLogin.rawValue)")
        }
        return parts.joined(separator: ";")
    }

    private static func alibaba(_ target: RegistryTarget, _ environment: Environment) -> String {
        if let profile = target.alibabaProfile { return "alibaba-profile=\(profile)" }
        if let keyId = environment.nonEmpty("ALIBABA_CLOUD_ACCESS_KEY_ID") { return "alibaba-ak=\(keyId)" }
        if let role = environment.nonEmpty("ALIBABA_CLOUD_ROLE_ARN") { return "alibaba-role=\(role)" }
        return "alibaba-profile=\(environment.nonEmpty("ALIBABA_CLOUD_PROFILE") ?? "default")"
    }

    private static func huawei(_ environment: Environment) -> String {
        if let ak = environment.nonEmpty("HUAWEICLOUD_SDK_AK") { return "huawei-ak=\(ak)" }
        return LocalFile.exists(huaweiCredentialsFile(environment)) ? "huawei=profile" : "huawei=metadata"
    }

    /// `HUAWEICLOUD_SDK_CREDENTIALS_FILE`, else `~/.huaweicloud/credentials`.
    static func huaweiCredentialsFile(_ environment: Environment) -> String {
        environment.nonEmpty("HUAWEICLOUD_SDK_CREDENTIALS_FILE") ?? CloudcredPaths.inHome(".huaweicloud/credentials", environment)
    }

    /// `ALIBABA_CLOUD_CREDENTIALS_FILE`, else `~/.alibabacloud/credentials`.
    static func alibabaCredentialsFile(_ environment: Environment) -> String {
        environment.nonEmpty("ALIBABA_CLOUD_CREDENTIALS_FILE") ?? CloudcredPaths.inHome(".alibabacloud/credentials", environment)
    }
}
