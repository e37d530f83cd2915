import CredentialsCore

extension CLIProfileModes {
    /// `CloudSSO`, `OAuth` and `External` profiles; nil for other modes.
    ///
    /// OAuth and External providers get a callback that saves what they obtain back into this file
    /// (``CLIConfigWriteBack``), for the profile named by parameter or `ALIBABA_CLOUD_PROFILE`, else `current`.
    func loginMode(_ mode: String, profile: CLIProfile) throws -> (any CredentialsProvider)? {
        switch mode {
        case "CloudSSO": return try cloudSSO(profile)
        case "OAuth": return try oauth(profile)
        case "External": return try external(profile)
        default: return nil
        }
    }

    /// `cloud_sso_sign_in_url`, `cloud_sso_account_id`, `cloud_sso_access_config`, `access_token`,
    /// `cloud_sso_access_token_expire` (epoch seconds).
    private func cloudSSO(_ profile: CLIProfile) throws -> CloudSSOProvider {
        try CloudSSOProvider(
            signInURL: profile.string("cloud_sso_sign_in_url"), accountId: profile.string("cloud_sso_account_id"),
            accessConfig: profile.string("cloud_sso_access_config"), accessToken: profile.string("access_token"),
            accessTokenExpire: profile.epochSeconds("cloud_sso_access_token_expire"), context: context)
    }

    /// `oauth_site_type` (`CN` when absent, case-insensitive), the OAuth tokens, and STS credentials saved by an
    /// earlier exchange (`access_key_id`, `access_key_secret`, `sts_token`, `sts_expiration`).
    private func oauth(_ profile: CLIProfile) throws -> OAuthProvider {
        let siteType = profile.fields.contains(key: "oauth_site_type") ? profile.string("oauth_site_type") : "CN"
        guard let siteType, let site = OAuthProvider.Site(siteType: siteType) else {
            throw CredentialsError.providerFailed("Invalid OAuth site type, support CN or INTL", hint: "set oauth_site_type to CN or INTL")
        }
        let writeBack = CLIConfigWriteBack(path: file.path, profileName: profileName)
        return try OAuthProvider(
            clientId: site.clientId, signInURL: site.signInURL, accessToken: profile.string("oauth_access_token"),
            accessTokenExpire: profile.epochSeconds("oauth_access_token_expire"), refreshToken: profile.string("oauth_refresh_token"),
            accessKeyId: profile.string("access_key_id"), accessKeySecret: profile.string("access_key_secret"),
            securityToken: profile.string("sts_token"), stsExpiration: profile.epochSeconds("sts_expiration"),
            tokenUpdate: { try await writeBack.save($0) }, context: context)
    }

    /// `process_command`, run with the default 60 s timeout.
    private func external(_ profile: CLIProfile) throws -> ExternalProcessProvider {
        let writeBack = CLIConfigWriteBack(path: file.path, profileName: profileName)
        return try ExternalProcessProvider(
            processCommand: profile.string("process_command"), credentialUpdate: { try await writeBack.save($0) }, context: context)
    }
}

extension CLIProfile {
    /// An epoch-seconds field given as a number (fractions dropped) or a numeric string; nil otherwise.
    func epochSeconds(_ key: String) -> Int64? {
        if let number = fields[key]?.numberValue {
            let value = number.double
            return value.isFinite && abs(value) < 9e15 ? Int64(value.rounded(.towardZero)) : nil
        }
        if let text = fields[key]?.stringValue { return Int64(text) }
        return nil
    }
}
