/// The settings of one credential, as the Python library's `Config` (same fields, Swift names).
///
/// | Python | Swift |
/// |---|---|
/// | `type` | ``type`` |
/// | `access_key_id` / `access_key_secret` / `security_token` | ``accessKeyId`` / ``accessKeySecret`` / ``securityToken`` |
/// | `bearer_token` | ``bearerToken`` |
/// | `role_arn`, `role_session_name`, `role_session_expiration`, `policy`, `external_id` | ``roleArn``, ``roleSessionName``, ``roleSessionExpiration``, ``policy``, ``externalId`` |
/// | `oidc_provider_arn`, `oidc_token_file_path` | ``oidcProviderArn``, ``oidcTokenFilePath`` |
/// | `public_key_id`, `private_key_file` | ``publicKeyId``, ``privateKeyFile`` |
/// | `role_name`, `disable_imds_v1` | ``roleName``, ``disableIMDSv1`` |
/// | `credentials_uri` | ``credentialsURI`` |
/// | `sts_endpoint` | ``stsEndpoint`` |
/// | `timeout` (read, ms), `connect_timeout` (ms), `proxy` | ``timeout``, ``connectTimeout``, ``proxy`` |
public struct Config: Sendable, Hashable {
    /// One of `access_key`, `sts`, `bearer`, `ecs_ram_role`, `ram_role_arn`, `rsa_key_pair`, `oidc_role_arn`, `credentials_uri`.
    public var type: String?
    public var accessKeyId: String?
    public var accessKeySecret: String?
    public var securityToken: String?
    public var bearerToken: String?
    public var roleArn: String?
    public var roleSessionName: String?
    /// Session duration in seconds (Python `role_session_expiration`).
    public var roleSessionExpiration: Int?
    public var policy: String?
    public var externalId: String?
    public var oidcProviderArn: String?
    public var oidcTokenFilePath: String?
    public var publicKeyId: String?
    public var privateKeyFile: String?
    public var roleName: String?
    public var disableIMDSv1: Bool?
    public var credentialsURI: String?
    public var stsEndpoint: String?
    /// Read timeout in milliseconds.
    public var timeout: Int?
    /// Connect timeout in milliseconds.
    public var connectTimeout: Int?
    public var proxy: String?

    public init(
        type: String? = nil, accessKeyId: String? = nil, accessKeySecret: String? = nil, securityToken: String? = nil,
        bearerToken: String? = nil, roleArn: String? = nil, roleSessionName: String? = nil, roleSessionExpiration: Int? = nil,
        policy: String? = nil, externalId: String? = nil, oidcProviderArn: String? = nil, oidcTokenFilePath: String? = nil,
        publicKeyId: String? = nil, privateKeyFile: String? = nil, roleName: String? = nil, disableIMDSv1: Bool? = nil,
        credentialsURI: String? = nil, stsEndpoint: String? = nil, timeout: Int? = nil, connectTimeout: Int? = nil, proxy: String? = nil
    ) {
        self.type = type
        self.accessKeyId = accessKeyId
        self.accessKeySecret = accessKeySecret
        self.securityToken = securityToken
        self.bearerToken = bearerToken
        self.roleArn = roleArn
        self.roleSessionName = roleSessionName
        self.roleSessionExpiration = roleSessionExpiration
        self.policy = policy
        self.externalId = externalId
        self.oidcProviderArn = oidcProviderArn
        self.oidcTokenFilePath = oidcTokenFilePath
        self.publicKeyId = publicKeyId
        self.privateKeyFile = privateKeyFile
        self.roleName = roleName
        self.disableIMDSv1 = disableIMDSv1
        self.credentialsURI = credentialsURI
        self.stsEndpoint = stsEndpoint
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.proxy = proxy
    }

    /// The HTTP options these fields describe.
    public var httpOptions: HTTPOptions {
        HTTPOptions(proxy: proxy, connectTimeoutMs: connectTimeout, readTimeoutMs: timeout)
    }
}
