import AlibabaCloudCredentials
import CloudEmulator
import CloudcredTestSupport
import CredentialsCore
import Foundation

/// The Alibaba Cloud credential endpoints, each through its real provider with 1 s connect and read timeouts.
enum AlibabaSubjects {
    static let standard = EmulatorConfiguration.standard
    static let options = HTTPOptions(connectTimeoutMs: Timeouts.configured.connectMs, readTimeoutMs: Timeouts.configured.readMs)

    static func context(_ world: EmulatorWorld) -> ProviderContext {
        ProviderContext(environment: world.environment, homeDirectory: world.home, clock: world.clock, transport: world.transport)
    }

    static func client(_ provider: any CredentialsProvider) -> FaultClient {
        FaultClient { try await provider.credential().obtained }
    }

    /// STS credentials live 3600 s and are refreshed from 15 minutes before expiry: 50 minutes on, they are due.
    static let stsWindow: Double = 50 * 60

    static let all: [FaultSubject] = [assumeRole, assumeRoleWithOIDC, sessionAccessKey, ecsToken, ecsRole, ecsCredentials, credentialsURI, cloudSSO, oauthToken, oauthExchange]

    static let assumeRole = FaultSubject(
        name: "STS AssumeRole (RAM role ARN)", endpoint: .sts, action: "AssumeRole",
        names: ["sts.aliyuncs.com", "AssumeRole"], signed: true, timeouts: .configured,
        missingFields: ["AccessKeyId"], wrongTypeFields: ["Expiration"], refreshWindowSeconds: stsWindow
    ) { world in
        let key = standard.accessKeys[0]
        let source = try StaticAKProvider(accessKeyId: key.id, accessKeySecret: key.secret, environment: world.environment)
        return client(
            try RAMRoleARNProvider(
                source: source, roleARN: standard.roles[0].arn, durationSeconds: 3600, httpOptions: options, context: context(world)))
    }

    static let assumeRoleWithOIDC = FaultSubject(
        name: "STS AssumeRoleWithOIDC", endpoint: .sts, action: "AssumeRoleWithOIDC",
        names: ["sts.aliyuncs.com", "AssumeRoleWithOIDC"], signed: false, timeouts: .configured,
        missingFields: ["AccessKeyId"], wrongTypeFields: ["Expiration"], refreshWindowSeconds: stsWindow
    ) { world in
        let tokenFile = try world.write("oidc/token", "eyJ.fault-matrix-oidc-token.sig\n")
        return client(
            try OIDCRoleARNProvider(
                roleARN: standard.roles[0].arn, oidcProviderARN: standard.oidcProviders[0].arn, oidcTokenFilePath: tokenFile,
                durationSeconds: 3600, httpOptions: options, context: context(world)))
    }

    static let sessionAccessKey = FaultSubject(
        name: "STS GenerateSessionAccessKey (RSA key pair)", endpoint: .sts, action: "GenerateSessionAccessKey",
        names: ["sts.ap-northeast-1.aliyuncs.com", "GenerateSessionAccessKey"], signed: true, timeouts: .configured,
        missingFields: ["SessionAccessKeyId"], wrongTypeFields: ["Expiration"], refreshWindowSeconds: stsWindow
    ) { world in
        let pair = standard.rsaKeyPairs[0]
        let keyFile = try world.write("rsa/private.pem", pair.privateKey)
        return client(
            try RSAKeyPairProvider(
                publicKeyId: pair.publicKeyId, privateKeyFile: keyFile, durationSeconds: 3600, httpOptions: options, context: context(world)))
    }

    /// ECS credentials live 6 h (the emulator's default) and are due 15 minutes before expiry.
    static let ecsWindow: Double = 6 * 3600 - 10 * 60
    static let ecsNames = ["100.100.100.200", "ECS metadata", "ECS Metadata"]
    static let ecsEnvironment = ["ALIBABA_CLOUD_ECS_METADATA_DISABLED": "false"]

    static let ecsToken = FaultSubject(
        name: "ECS metadata IMDSv2 token (IMDSv1 off)", endpoint: .ecsMetadata, path: "/latest/api/token",
        names: ecsNames, signed: false, timeouts: .configured, carriesExpiry: false, refreshWindowSeconds: ecsWindow,
        environment: ecsEnvironment
    ) { world in
        client(try ECSRAMRoleProvider(roleName: nil, disableIMDSv1: true, httpOptions: options, context: context(world)))
    }

    static let ecsRole = FaultSubject(
        name: "ECS metadata role name", endpoint: .ecsMetadata, path: "/latest/meta-data/ram/security-credentials/",
        names: ecsNames, signed: false, timeouts: .configured, carriesExpiry: false, refreshWindowSeconds: ecsWindow,
        environment: ecsEnvironment
    ) { world in
        client(try ECSRAMRoleProvider(roleName: nil, httpOptions: options, context: context(world)))
    }

    static let ecsCredentials = FaultSubject(
        name: "ECS metadata credentials", endpoint: .ecsMetadata,
        path: "/latest/meta-data/ram/security-credentials/" + standard.ecs.roleName,
        names: ecsNames, signed: false, timeouts: .configured,
        missingFields: ["AccessKeyId"], wrongTypeFields: ["Expiration"], refreshWindowSeconds: ecsWindow,
        environment: ecsEnvironment
    ) { world in
        client(try ECSRAMRoleProvider(roleName: standard.ecs.roleName, httpOptions: options, context: context(world)))
    }

    static let credentialsURI = FaultSubject(
        name: "credentials URI", endpoint: .credentialsURI, path: standard.credentialsURIPath,
        names: ["/credentials"], signed: false, timeouts: .configured,
        missingFields: ["AccessKeyId"], wrongTypeFields: ["Expiration"], refreshWindowSeconds: stsWindow
    ) { world in
        client(try CredentialsURIProvider(uri: world.emulator.baseURL + standard.credentialsURIPath, httpOptions: options, context: context(world)))
    }

    static let ssoAccessToken = "sso-fault-matrix-access-token-0001"

    static let cloudSSO = FaultSubject(
        name: "CloudSSO cloud-credentials", endpoint: .cloudSSO,
        names: ["signin-cn-shanghai.alibabacloudsso.com", "cloud-credentials", "sso"], signed: false, timeouts: .configured,
        missingFields: ["AccessKeyId"], wrongTypeFields: ["Expiration"], refreshWindowSeconds: stsWindow
    ) { world in
        client(
            try CloudSSOProvider(
                signInURL: "https://signin-cn-shanghai.alibabacloudsso.com", accountId: standard.accessKeys[0].accountId ?? "1",
                accessConfig: "ac-fault-matrix", accessToken: ssoAccessToken,
                accessTokenExpire: Int64(world.clock.now().timeIntervalSince1970) + 7 * 86400, httpOptions: options, context: context(world)))
    }

    static let oauthRefreshToken = "oauth-fault-matrix-refresh-token-0001"
    static let oauthAccessToken = "oauth-fault-matrix-access-token-0001"
    /// OAuth credentials are used until their exact expiry (the Python library's policy): there is no window in
    /// which a still-valid cached value could be served after a failed refresh.
    static let oauthNoWindow: Double? = nil

    static let oauthToken = FaultSubject(
        name: "OAuth /v1/token (refresh grant)", endpoint: .oauth, path: "/v1/token",
        names: ["oauth.aliyun.com", "/v1/token", "OAuth"], signed: false, timeouts: .configured,
        missingFields: ["access_token"], wrongTypeFields: ["access_token"], carriesExpiry: false, refreshWindowSeconds: oauthNoWindow
    ) { world in
        client(
            try OAuthProvider(
                clientId: OAuthProvider.Site.cn.clientId, signInURL: OAuthProvider.Site.cn.signInURL, refreshToken: oauthRefreshToken,
                httpOptions: options, context: context(world)))
    }

    static let oauthExchange = FaultSubject(
        name: "OAuth /v1/exchange", endpoint: .oauth, path: "/v1/exchange",
        names: ["oauth.aliyun.com", "/v1/exchange", "OAuth"], signed: false, timeouts: .configured,
        missingFields: ["AccessKeyId"], wrongTypeFields: ["Expiration"], refreshWindowSeconds: oauthNoWindow
    ) { world in
        client(
            try OAuthProvider(
                clientId: OAuthProvider.Site.cn.clientId, signInURL: OAuthProvider.Site.cn.signInURL, accessToken: oauthAccessToken,
                accessTokenExpire: Int64(world.clock.now().timeIntervalSince1970) + 7 * 86400, httpOptions: options, context: context(world)))
    }

    /// Secrets the matrix gives the clients (beyond the emulator's): none may show in an error.
    static let clientSecrets = [ssoAccessToken, oauthRefreshToken, oauthAccessToken, "fault-matrix-oidc-token"]
}
