import CredentialsCore

/// Builds the provider for a ``Config``, as the Python `Client.get_credentials(config)` dispatches.
enum ConfigProviders {
    static let supportedTypes = "access_key, sts, bearer, ecs_ram_role, ram_role_arn, rsa_key_pair, oidc_role_arn, credentials_uri"

    static func provider(for config: Config, context: ProviderContext) throws -> any CredentialsProvider {
        let env = context.environment
        switch config.type {
        case "access_key":
            return try StaticAKProvider(accessKeyId: config.accessKeyId, accessKeySecret: config.accessKeySecret, environment: env)
        case "sts":
            return try StaticSTSProvider(
                accessKeyId: config.accessKeyId, accessKeySecret: config.accessKeySecret, securityToken: config.securityToken, environment: env)
        case "bearer":
            return BearerTokenProvider(token: config.bearerToken)
        case "ram_role_arn":
            let source: any CredentialsProvider =
                config.securityToken.nonEmpty != nil
                ? try StaticSTSProvider(
                    accessKeyId: config.accessKeyId, accessKeySecret: config.accessKeySecret, securityToken: config.securityToken, environment: env)
                : try StaticAKProvider(accessKeyId: config.accessKeyId, accessKeySecret: config.accessKeySecret, environment: env)
            return try RAMRoleARNProvider(
                source: source, roleARN: config.roleArn, roleSessionName: config.roleSessionName, durationSeconds: config.roleSessionExpiration,
                policy: config.policy, externalId: config.externalId, stsEndpoint: config.stsEndpoint, httpOptions: config.httpOptions,
                context: context)
        default:
            if let type = config.type, let provider = try extendedType(type, config: config, context: context) { return provider }
            throw CredentialsError.providerFailed("invalid type option, support: \(supportedTypes)")
        }
    }

    /// Types served by providers in their own files (ecs_ram_role, rsa_key_pair, oidc_role_arn, credentials_uri).
    private static func extendedType(_ type: String, config: Config, context: ProviderContext) throws -> (any CredentialsProvider)? {
        switch type {
        case "ecs_ram_role":
            return try ECSRAMRoleProvider(
                roleName: config.roleName, disableIMDSv1: config.disableIMDSv1, httpOptions: config.httpOptions, context: context)
        case "rsa_key_pair":
            return try RSAKeyPairProvider(
                publicKeyId: config.publicKeyId, privateKeyFile: config.privateKeyFile, durationSeconds: config.roleSessionExpiration,
                stsEndpoint: config.stsEndpoint, httpOptions: config.httpOptions, context: context)
        case "oidc_role_arn":
            return try OIDCRoleARNProvider(
                roleARN: config.roleArn, oidcProviderARN: config.oidcProviderArn, oidcTokenFilePath: config.oidcTokenFilePath,
                roleSessionName: config.roleSessionName, durationSeconds: config.roleSessionExpiration, policy: config.policy,
                stsEndpoint: config.stsEndpoint, httpOptions: config.httpOptions, context: context)
        case "credentials_uri":
            return try CredentialsURIProvider(uri: config.credentialsURI, httpOptions: config.httpOptions, context: context)
        default:
            return nil
        }
    }
}

/// A bearer token (`bearer`): no validation, no HTTP, no provider name (as the Python library).
struct BearerTokenProvider: CredentialsProvider {
    let providerName = ""
    let token: String?

    func credential() async throws -> Credential {
        Credential(accessKeyId: "", accessKeySecret: "", bearerToken: token ?? "", providerName: "")
    }
}
