import CredentialsCore

extension CLIProfileModes {
    /// `EcsRamRole`, `OIDC` and `CredentialsURI` profiles; nil for other modes.
    func instanceMode(_ mode: String, profile: CLIProfile) throws -> (any CredentialsProvider)? {
        switch mode {
        case "EcsRamRole":
            return try ECSRAMRoleProvider(roleName: profile.string("ram_role_name"), context: context)
        case "OIDC":
            return try OIDCRoleARNProvider(
                roleARN: profile.string("ram_role_arn"), oidcProviderARN: profile.string("oidc_provider_arn"),
                oidcTokenFilePath: profile.string("oidc_token_file"), roleSessionName: profile.string("role_session_name"),
                durationSeconds: profile.int("expired_seconds"), policy: profile.string("policy"),
                stsRegionId: profile.string("sts_region"), enableVPC: profile.truthy("enable_vpc"), context: context)
        case "CredentialsURI":
            // A deliberate extension: the Python library rejects this mode, but aliyun CLI writes it.
            return try CredentialsURIProvider(uri: profile.string("credentials_uri"), context: context)
        default:
            return nil
        }
    }
}
