import CredentialsCore

/// Builds the provider for each `mode` of a `config.json` profile.
struct CLIProfileModes {
    let file: CLIConfigFile
    let context: ProviderContext
    /// The profile name given by parameter or `ALIBABA_CLOUD_PROFILE` (write-back uses it).
    let profileName: String?
    /// Profiles visited while following `source_profile`, to stop cycles.
    private var visiting: [String] = []

    init(file: CLIConfigFile, context: ProviderContext, profileName: String?) {
        self.file = file
        self.context = context
        self.profileName = profileName
    }

    mutating func provider(forProfile name: String) throws -> any CredentialsProvider {
        guard !name.isEmpty else { throw CredentialsError.providerFailed("invalid profile name") }
        if visiting.contains(name) {
            let cycle = (visiting + [name]).joined(separator: " -> ")
            throw CredentialsError.providerFailed(
                "source_profile cycle in cli credentials file: \(cycle)", hint: "make one profile in the cycle use credentials of its own")
        }
        visiting.append(name)
        defer { visiting.removeLast() }
        let profile = try file.profile(named: name)
        let env = context.environment
        let mode = profile.mode ?? ""
        switch mode {
        case "AK":
            return try StaticAKProvider(accessKeyId: profile.string("access_key_id"), accessKeySecret: profile.string("access_key_secret"), environment: env)
        case "StsToken":
            return try StaticSTSProvider(
                accessKeyId: profile.string("access_key_id"), accessKeySecret: profile.string("access_key_secret"),
                securityToken: profile.string("sts_token"), environment: env)
        case "RamRoleArn":
            let source = try StaticAKProvider(
                accessKeyId: profile.string("access_key_id"), accessKeySecret: profile.string("access_key_secret"), environment: env)
            return try ramRole(profile, source: source)
        case "ChainableRamRoleArn":
            guard let sourceName = profile.string("source_profile"), !sourceName.isEmpty else {
                throw CredentialsError.providerFailed("invalid profile name")
            }
            let source = try provider(forProfile: sourceName)
            return try ramRole(profile, source: source)
        default:
            if let provider = try extendedMode(mode, profile: profile) { return provider }
            throw CredentialsError.providerFailed("unsupported profile mode '\(profile.mode ?? "None")' form cli credentials file.")
        }
    }

    private func ramRole(_ profile: CLIProfile, source: any CredentialsProvider) throws -> RAMRoleARNProvider {
        try RAMRoleARNProvider(
            source: source, roleARN: profile.string("ram_role_arn"), roleSessionName: profile.string("ram_session_name"),
            durationSeconds: profile.int("expired_seconds"), policy: profile.string("policy"), externalId: profile.string("external_id"),
            stsRegionId: profile.string("sts_region"), enableVPC: profile.truthy("enable_vpc"), context: context)
    }

    /// Modes served by other providers (EcsRamRole, OIDC, CloudSSO, OAuth, External, CredentialsURI);
    /// nil for a mode nobody knows.
    private func extendedMode(_ mode: String, profile: CLIProfile) throws -> (any CredentialsProvider)? {
        if let provider = try instanceMode(mode, profile: profile) { return provider }
        return try loginMode(mode, profile: profile)
    }
}
