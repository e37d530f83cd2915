import CloudEmulator
import CloudcredDoctor
import CredentialsCore
import Foundation
import Testing

/// The failures of the credentials FAQ (seed 002), reproduced with local files, variables and the emulator.
@Suite("doctor: credentials scenarios")
struct CredentialScenarios {
    static let image = "registry.cn-hangzhou.aliyuncs.com/ns/app"

    /// Removes the AccessKey variables so the chain goes on to the files and services.
    static func withoutEnvironmentKeys(_ world: DoctorWorld) {
        world.update {
            $0.environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = nil
            $0.environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = nil
        }
    }

    static func ecsConfiguration(_ mode: EmulatorECS.Mode) -> EmulatorConfiguration {
        var configuration = EmulatorConfiguration.standard
        configuration.ecs.mode = mode
        return configuration
    }

    static let all: [Scenario] = [
        Scenario("FAQ Q4: ALIBABA_CLOUD_ACCESS_KEY_ID set but empty", image, exitCode: 1, expect: [
            Expectation(.credentials, .fail, "credentials.envEmpty", argument: "ALIBABA_CLOUD_ACCESS_KEY_ID"),
            Expectation(.credentials, .fail, "credentials.noneFound"),
        ]) { world in world.update { $0.environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "" } },
        Scenario("FAQ Q6: ~/.aliyun/config.json syntax error with line and column", image, exitCode: 1, expect: [
            Expectation(.credentials, .fail, "credentials.cliSyntax", argument: "Expecting ',' delimiter", positions: [1: "4", 2: "24"]),
        ]) { world in
            withoutEnvironmentKeys(world)
            try world.write(".aliyun/config.json", "{\n  \"current\": \"default\",\n  \"profiles\": [\n    {\"name\": \"default\" \"mode\": \"AK\"}\n  ]\n}\n")
        },
        Scenario("FAQ Q7: the current profile is missing from config.json", image, exitCode: 1, expect: [
            Expectation(.credentials, .fail, "credentials.cliProfileMissing", argument: "prod"),
        ]) { world in
            withoutEnvironmentKeys(world)
            try world.write(".aliyun/config.json", #"{"current": "prod", "profiles": [{"name": "default", "mode": "AK", "access_key_id": "LTAI5tEmulatorExample01", "access_key_secret": "x"}]}"#)
        },
        Scenario("FAQ Q15: OIDC variables set in part (the chain skips OIDC)", image, expect: [
            Expectation(.credentials, .warn, "credentials.oidcPartial", argument: "ALIBABA_CLOUD_OIDC_TOKEN_FILE"),
            Expectation(.credentials, .ok, "credentials.foundPermanent"),
        ]) { world in
            world.update {
                $0.environment["ALIBABA_CLOUD_ROLE_ARN"] = "acs:ram::1234567890123456:role/emulator-role"
                $0.environment["ALIBABA_CLOUD_OIDC_PROVIDER_ARN"] = "acs:ram::1234567890123456:oidc-provider/emulator-oidc"
            }
        },
        Scenario("FAQ Q12: RAM role session longer than the role allows", image, exitCode: 1, expect: [
            Expectation(.credentials, .fail, "credentials.roleDuration", argument: "3600"),
        ]) { world in
            withoutEnvironmentKeys(world)
            let key = world.emulator.configuration.accessKeys[0]
            try world.write(".aliyun/config.json", """
                {"current": "default", "profiles": [{"name": "default", "mode": "RamRoleArn", "access_key_id": "\(key.id)",
                 "access_key_secret": "\(key.secret)", "ram_role_arn": "acs:ram::1234567890123456:role/emulator-role",
                 "ram_session_name": "doctor", "expired_seconds": 7200}]}
                """)
        },
        Scenario("FAQ Q8: ECS instance without a RAM role (HttpCode=404)", image, configuration: ecsConfiguration(.noRole), exitCode: 1, expect: [
            Expectation(.credentials, .fail, "credentials.imdsNoRole"),
        ]) { world in
            withoutEnvironmentKeys(world)
            world.update { $0.environment["ALIBABA_CLOUD_ECS_METADATA_DISABLED"] = nil }
        },
        Scenario("FAQ Q9: metadata service in IMDSv2-only mode and the token request fails", image, configuration: ecsConfiguration(.v2Only), exitCode: 1, expect: [
            Expectation(.credentials, .fail, "credentials.imdsV2Only"),
        ]) { world in
            withoutEnvironmentKeys(world)
            world.update { $0.environment["ALIBABA_CLOUD_ECS_METADATA_DISABLED"] = nil }
            world.emulator.addFault(FaultRule(endpoint: .ecsMetadata, path: "/latest/api/token", effect: .status(403)))
        },
        Scenario("FAQ Q9: IMDSv1 disabled and the token request fails", image, exitCode: 1, expect: [
            Expectation(.credentials, .fail, "credentials.imdsToken", argument: "403"),
        ]) { world in
            withoutEnvironmentKeys(world)
            world.update {
                $0.environment["ALIBABA_CLOUD_ECS_METADATA_DISABLED"] = nil
                $0.environment["ALIBABA_CLOUD_IMDSV1_DISABLED"] = "true"
            }
            world.emulator.addFault(FaultRule(endpoint: .ecsMetadata, path: "/latest/api/token", effect: .status(403)))
        },
        Scenario("ECS RAM role answers: temporary credentials with their expiry", image, configuration: ecsConfiguration(.v1AndV2), exitCode: 0, expect: [
            Expectation(.credentials, .ok, "credentials.foundTemporaryAfter", argument: "STS."),
            Expectation(.tokenAPI, .ok, "tokenAPI.ok"),
        ]) { world in
            withoutEnvironmentKeys(world)
            world.update { $0.environment["ALIBABA_CLOUD_ECS_METADATA_DISABLED"] = nil }
        },
        Scenario("FAQ Q8: a role name is set but the metadata service drops the connection", image, exitCode: 1, expect: [
            Expectation(.credentials, .fail, "credentials.imdsUnreachable"),
        ]) { world in
            withoutEnvironmentKeys(world)
            world.update {
                $0.environment["ALIBABA_CLOUD_ECS_METADATA_DISABLED"] = nil
                $0.environment["ALIBABA_CLOUD_ECS_METADATA"] = "EcsEmulatorRole"
            }
            world.emulator.addFault(FaultRule(endpoint: .ecsMetadata, effect: .dropConnection))
        },
        Scenario("FAQ Q17: the credentials URI answers without AccessKeySecret", image, exitCode: 1, expect: [
            Expectation(.credentials, .fail, "credentials.uriShape"),
        ]) { world in
            withoutEnvironmentKeys(world)
            world.update { $0.environment["ALIBABA_CLOUD_CREDENTIALS_URI"] = world.emulator.baseURL + "/credentials" }
            world.emulator.addFault(FaultRule(endpoint: .credentialsURI, effect: .missingFields(["AccessKeySecret"])))
        },
        Scenario("FAQ Q18: the credentials URI answers HTTP 500", image, exitCode: 1, expect: [
            Expectation(.credentials, .fail, "credentials.uriStatus", argument: "500"),
        ]) { world in
            withoutEnvironmentKeys(world)
            world.update { $0.environment["ALIBABA_CLOUD_CREDENTIALS_URI"] = world.emulator.baseURL + "/credentials" }
            world.emulator.addFault(FaultRule(endpoint: .credentialsURI, effect: .status(500)))
        },
        Scenario("FAQ Q2: no source has credentials at all", image, exitCode: 1, expect: [
            Expectation(.credentials, .fail, "credentials.noneFound"), Expectation(.tokenAPI, .warn, "tokenAPI.skipped"),
        ]) { world in withoutEnvironmentKeys(world) },
    ]

    @Test("each scenario names the right check and cause", arguments: all)
    func scenario(_ scenario: Scenario) async throws {
        try await scenario.verify()
    }
}
