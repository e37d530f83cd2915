import CloudEmulator
import CloudcredTestSupport
import Foundation

/// The AccessKey ids, hosts and files the scenarios use, and the emulator configuration that accepts the canary
/// secrets as real keys (so every signed request is checked for real and the success paths run).
enum LeakIdentities {
    static let cfgAK = "LTAI5tLeakCfgAk00001"
    static let cfgRoleAK = "LTAI5tLeakCfgRole0001"
    static let cfgWrongAK = "LTAI5tLeakCfgWrong001"
    static let iniAK = "LTAI5tLeakIniAk00001"
    static let iniRoleAK = "LTAI5tLeakIniRole0001"
    static let envAK = "LTAI5tLeakEnvAk00001"
    static let huaweiFileAK = "HWLEAKFILE0000000001"
    static let huaweiEnvAK = "HWLEAKENV00000000001"

    static let account = EmulatorConfiguration.standardAccountId
    static let role = "acs:ram::\(account):role/emulator-role"
    static let oidcProvider = "acs:ram::\(account):oidc-provider/emulator-oidc"

    static let acr = "registry.cn-hangzhou.aliyuncs.com"
    static let acrEnterprise = "emulator-registry.cn-hangzhou.cr.aliyuncs.com"
    static let crpi = "crpi-emulatorexample01.cn-hangzhou.personal.cr.aliyuncs.com"
    static let swr = "swr.cn-north-4.myhuaweicloud.com"
    static let storedHost = "images.leak-scan.example"

    /// The standard emulator plus the canary keys (the `wrong` key is known with another secret: signatures fail).
    static func configuration(_ rules: LeakRules) -> EmulatorConfiguration {
        var configuration = EmulatorConfiguration.standard
        configuration.accessKeys += [
            EmulatorAccessKey(id: cfgAK, secret: rules.canary("cfg-ak-secret"), accountId: account),
            EmulatorAccessKey(id: cfgRoleAK, secret: rules.canary("cfg-role-secret"), accountId: account),
            EmulatorAccessKey(id: cfgWrongAK, secret: "TheEmulatorKnowsAnotherSecret01", accountId: account),
            EmulatorAccessKey(id: iniAK, secret: rules.canary("ini-ak-secret"), accountId: account),
            EmulatorAccessKey(id: iniRoleAK, secret: rules.canary("ini-role-secret"), accountId: account),
            EmulatorAccessKey(id: envAK, secret: rules.canary("env-ak-secret"), accountId: account),
        ]
        configuration.huawei.accessKeys += [
            EmulatorHuaweiAccessKey(ak: huaweiFileAK, sk: rules.canary("huawei-file-sk"), domainName: "leak"),
            EmulatorHuaweiAccessKey(ak: huaweiEnvAK, sk: rules.canary("env-huawei-sk"), domainName: "leak"),
        ]
        return configuration
    }

    /// `~/.aliyun/config.json` with one profile per mode that holds or fetches a secret, and some broken ones.
    static func aliyunConfig(_ world: LeakWorld) -> String {
        let now = Int(Date().timeIntervalSince1970)
        let c = world.canary
        let profiles: [String] = [
            #"{"name": "ak", "mode": "AK", "access_key_id": "\#(cfgAK)", "access_key_secret": "\#(c("cfg-ak-secret"))", "region_id": "cn-hangzhou"}"#,
            #"{"name": "sts", "mode": "StsToken", "access_key_id": "STS.LeakStaticKey0001", "access_key_secret": "\#(c("cfg-sts-secret"))", "sts_token": "\#(c("cfg-sts-token"))"}"#,
            #"{"name": "role", "mode": "RamRoleArn", "access_key_id": "\#(cfgRoleAK)", "access_key_secret": "\#(c("cfg-role-secret"))", "ram_role_arn": "\#(role)", "ram_session_name": "leak"}"#,
            #"{"name": "chain", "mode": "ChainableRamRoleArn", "source_profile": "ak", "ram_role_arn": "\#(role)", "ram_session_name": "leak-chain"}"#,
            #"{"name": "chain-sts", "mode": "ChainableRamRoleArn", "source_profile": "sts", "ram_role_arn": "\#(role)", "ram_session_name": "leak-chain"}"#,
            #"{"name": "wrong", "mode": "RamRoleArn", "access_key_id": "\#(cfgWrongAK)", "access_key_secret": "\#(c("cfg-wrong-secret"))", "ram_role_arn": "\#(role)"}"#,
            #"{"name": "norole", "mode": "RamRoleArn", "access_key_id": "\#(cfgRoleAK)", "access_key_secret": "\#(c("cfg-role-secret"))", "ram_role_arn": "acs:ram::\#(account):role/no-such-role"}"#,
            #"{"name": "oauth", "mode": "OAuth", "oauth_site_type": "CN", "oauth_access_token": "\#(c("cfg-oauth-access-token"))", "oauth_access_token_expire": \#(now + 3600), "oauth_refresh_token": "\#(c("cfg-oauth-refresh-token"))", "access_key_id": "STS.LeakOAuthKey0001", "access_key_secret": "\#(c("cfg-oauth-sts-secret"))", "sts_token": "\#(c("cfg-sts-token"))", "sts_expiration": \#(now - 60)}"#,
            #"{"name": "oauth-refresh", "mode": "OAuth", "oauth_site_type": "CN", "oauth_access_token": "\#(c("cfg-oauth-access-token"))", "oauth_access_token_expire": \#(now - 60), "oauth_refresh_token": "\#(c("cfg-oauth-refresh-token"))"}"#,
            #"{"name": "oauth-revoked", "mode": "OAuth", "oauth_site_type": "CN", "oauth_access_token": "\#(c("cfg-oauth-access-token"))", "oauth_access_token_expire": \#(now - 60), "oauth_refresh_token": "\#(c("cfg-revoked-refresh-token"))"}"#,
            #"{"name": "sso", "mode": "CloudSSO", "cloud_sso_sign_in_url": "https://signin-cn-hangzhou.alibabacloudsso.com/device/login", "cloud_sso_account_id": "\#(account)", "cloud_sso_access_config": "ac-leak0001", "access_token": "\#(c("cfg-sso-access-token"))", "cloud_sso_access_token_expire": \#(now + 3600)}"#,
            #"{"name": "sso-expired", "mode": "CloudSSO", "cloud_sso_sign_in_url": "https://signin-cn-hangzhou.alibabacloudsso.com/device/login", "cloud_sso_account_id": "\#(account)", "cloud_sso_access_config": "ac-leak0001", "access_token": "\#(c("cfg-expired-sso-token"))", "cloud_sso_access_token_expire": \#(now + 3600)}"#,
            #"{"name": "external", "mode": "External", "process_command": "\#(world.home)/bin/external"}"#,
            #"{"name": "external-broken", "mode": "External", "process_command": "\#(world.home)/bin/external-broken"}"#,
            #"{"name": "external-failing", "mode": "External", "process_command": "\#(world.home)/bin/external-failing"}"#,
            #"{"name": "uri", "mode": "CredentialsURI", "credentials_uri": "http://leak:\#(c("cfg-uri-password"))@\#(world.connectTo)/credentials"}"#,
            #"{"name": "oidc", "mode": "OIDC", "ram_role_arn": "\#(role)", "oidc_provider_arn": "\#(oidcProvider)", "oidc_token_file": "\#(world.home)/oidc/token", "role_session_name": "leak"}"#,
            #"{"name": "ecs", "mode": "EcsRamRole", "ram_role_name": "EcsEmulatorRole"}"#,
        ]
        return "{\"current\": \"ak\", \"profiles\": [\n" + profiles.joined(separator: ",\n") + "\n]}\n"
    }

    /// The profiles of ``aliyunConfig(_:)`` whose `credentials` run succeeds against a healthy emulator.
    static let workingProfiles = ["ak", "sts", "role", "chain", "oauth", "oauth-refresh", "sso", "external", "uri", "oidc", "ecs"]
    /// Those that fail (bad key, missing role, refused tokens, broken External programs, no such profile).
    static let failingProfiles = ["chain-sts", "wrong", "norole", "oauth-revoked", "sso-expired", "external-broken", "external-failing", "nope"]

    /// The External programs: one prints credentials, one prints a cut-off document, one prints them and fails.
    static func plantExternalPrograms(_ world: LeakWorld) throws {
        let document = #"{"mode": "StsToken", "access_key_id": "STS.LeakExternal0001", "access_key_secret": "\#(world.canary("cfg-external-secret"))", "sts_token": "\#(world.canary("cfg-sts-token"))"}"#
        try world.plant("bin/external", "#!/bin/sh\necho '\(document)'\n", executable: true)
        try world.plant("bin/external-broken", "#!/bin/sh\nprintf '%s' '\(document.prefix(120))'\n", executable: true)
        try world.plant("bin/external-failing", "#!/bin/sh\necho '\(document)'\necho 'cannot sign in' >&2\nexit 3\n", executable: true)
    }
}
