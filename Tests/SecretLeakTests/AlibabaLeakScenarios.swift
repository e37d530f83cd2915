import CloudcredTestSupport
import Foundation

/// `cloudcred credentials` with secrets planted in every place the Alibaba chain reads them: each mode of
/// `~/.aliyun/config.json`, `credentials.ini` sections, environment variables; success and failure paths.
enum AlibabaLeakScenarios {
    static var all: [LeakScenario] { [cliProfiles, iniFile, environment] }

    /// Every `config.json` profile: summary, JSON, JSON with --reveal; a doctor run for some.
    static let cliProfiles = LeakScenario(name: "aliyun-config-profiles") { world in
        try world.plant(".aliyun/config.json", LeakIdentities.aliyunConfig(world))
        try LeakIdentities.plantExternalPrograms(world)
        try world.plant("oidc/token", world.canary("cfg-oidc-token") + "\n")
        world.sealPlanting()
        for profile in LeakIdentities.workingProfiles + LeakIdentities.failingProfiles {
            // The ECS profile reads the instance metadata, which the clean environment turns off for the chain.
            let environment = profile == "ecs" ? ["ALIBABA_CLOUD_ECS_METADATA_DISABLED": "false"] : [:]
            let summary = try await world.cloudcred(["credentials", "--profile", profile], environment: environment)
            let working = LeakIdentities.workingProfiles.contains(profile)
            // ECS metadata answers within short timeouts that a loaded machine can miss: not an expectation here.
            if profile != "ecs" { world.expect(summary.status == (working ? 0 : 1), "credentials --profile \(profile) exited \(summary.status)") }
            guard working else { continue }  // a failing profile fails the same way in every output form
            try await world.cloudcred(["credentials", "--profile", profile, "--json"], environment: environment)
            let revealed = try await world.cloudcred(["credentials", "--profile", profile, "--json", "--reveal"], environment: environment)
            if profile != "ecs" { world.expect(revealed.stdout.contains("\"access_key_secret\""), "--reveal printed no secret for \(profile)") }
        }
        // The profile chosen by ALIBABA_CLOUD_PROFILE, and the doctor's credential check on a good and a bad key.
        try await world.cloudcred(["credentials"], environment: ["ALIBABA_CLOUD_PROFILE": "role"])
        try await world.cloudcred(["doctor", LeakIdentities.acr, "--profile", "role", "--json", "--timeout", "20"])
        try await world.cloudcred(["doctor", LeakIdentities.acr, "--profile", "wrong", "--timeout", "20"])
    }

    /// `~/.alibabacloud/credentials.ini`: access_key, ram_role_arn, a section without its secret, a bad type.
    static let iniFile = LeakScenario(name: "credentials-ini") { world in
        let path = try world.plant(".alibabacloud/credentials.ini", """
            [default]
            type = access_key
            access_key_id = \(LeakIdentities.iniAK)
            access_key_secret = \(world.canary("ini-ak-secret"))

            [role]
            type = ram_role_arn
            access_key_id = \(LeakIdentities.iniRoleAK)
            access_key_secret = \(world.canary("ini-role-secret"))
            role_arn = \(LeakIdentities.role)
            role_session_name = leak

            [norole]
            type = ram_role_arn
            access_key_id = \(LeakIdentities.iniRoleAK)
            access_key_secret = \(world.canary("ini-role-secret"))
            role_arn = acs:ram::\(LeakIdentities.account):role/no-such-role
            role_session_name = leak

            [nosecret]
            type = access_key
            access_key_id = \(LeakIdentities.iniAK)

            [badtype]
            type = not_a_type
            access_key_secret = \(world.canary("ini-ak-secret"))

            """)
        world.setEnvironment(["ALIBABA_CLOUD_CREDENTIALS_FILE": path])
        world.sealPlanting()
        for section in ["default", "role", "norole", "nosecret", "badtype", "missing"] {
            let environment = ["ALIBABA_CLOUD_PROFILE": section]
            let summary = try await world.cloudcred(["credentials"], environment: environment)
            world.expect(summary.status == (["default", "role"].contains(section) ? 0 : 1), "ini [\(section)] exited \(summary.status)")
            try await world.cloudcred(["credentials", "--json"], environment: environment)
            try await world.cloudcred(["credentials", "--json", "--reveal"], environment: environment)
        }
        try await world.cloudcred(["get-login", LeakIdentities.acr], environment: ["ALIBABA_CLOUD_PROFILE": "role"])
        // Files broken on the line that holds the secret: parse errors must not quote it.
        let secret = world.canary("ini-ak-secret")
        for broken in ["[default]\ntype = access_key\naccess_key_secret \(secret)\n", "access_key_secret = \(secret)\n[default]\n",
                       "[default]\ntype = access_key\n  access_key_secret = \(secret)\n[default]\n"] {
            try world.plant(".alibabacloud/credentials.ini", broken)
            try await world.cloudcred(["credentials"], environment: ["ALIBABA_CLOUD_PROFILE": "default"])
        }
        for broken in [#"{"current": "ak", "profiles": [{"name": "ak", "mode": "AK", "access_key_secret": "\#(secret)"#,
                       #"{"current": "ak", "profiles": [{"name": "ak", "mode": "AK", "access_key_secret": \#(secret)}]}"#,
                       #"{"current": "ak", "profiles": [{"name": "ak", "mode": "AK", "access_key_id": 12, "access_key_secret": "\#(secret)"}]}"#] {
            try world.plant(".aliyun/config.json", broken)
            try await world.cloudcred(["credentials", "--profile", "ak"])
        }
    }

    /// `ALIBABA_CLOUD_ACCESS_KEY_*` and `ALIBABA_CLOUD_SECURITY_TOKEN`; an OIDC role from the environment.
    static let environment = LeakScenario(name: "environment") { world in
        try world.plant("oidc/token", world.canary("cfg-oidc-token"))
        world.sealPlanting()
        let ak = ["ALIBABA_CLOUD_ACCESS_KEY_ID": LeakIdentities.envAK, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": world.canary("env-ak-secret")]
        var sts = ak
        sts["ALIBABA_CLOUD_SECURITY_TOKEN"] = world.canary("env-sts-token")
        let oidc = [
            "ALIBABA_CLOUD_ROLE_ARN": LeakIdentities.role, "ALIBABA_CLOUD_OIDC_PROVIDER_ARN": LeakIdentities.oidcProvider,
            "ALIBABA_CLOUD_OIDC_TOKEN_FILE": world.home + "/oidc/token",
        ]
        let secretOnly = ["ALIBABA_CLOUD_ACCESS_KEY_SECRET": world.canary("env-ak-secret")]
        for (label, environment) in [("ak", ak), ("sts", sts), ("oidc", oidc), ("secret-only", secretOnly)] {
            let summary = try await world.cloudcred(["credentials"], environment: environment)
            world.expect(summary.status == (label == "secret-only" ? 1 : 0), "environment \(label) exited \(summary.status)")
            try await world.cloudcred(["credentials", "--json"], environment: environment)
            try await world.cloudcred(["credentials", "--json", "--reveal"], environment: environment)
        }
        // A token request signed with STS credentials the emulator never issued: refused, the token sent along.
        try await world.cloudcred(["get-login", LeakIdentities.acr, "--json"], environment: sts)
        try await world.helper("get", stdin: LeakIdentities.acr, environment: sts)
    }
}
