import CloudEmulator
import CloudcredDoctor
import CredentialsCore
import Foundation
import RegistryCredentials
import Testing

/// Healthy logins, token API refusals and registry answers, reproduced on the emulator.
@Suite("doctor: token API and registry scenarios")
struct RegistryScenarios {
    static let shared = "registry.cn-hangzhou.aliyuncs.com"
    static let image = shared + "/ns/app:latest"
    static let personal = "crpi-emulatorexample01.cn-hangzhou.personal.cr.aliyuncs.com"
    static let swr = "swr.cn-north-4.myhuaweicloud.com"

    static let all: [Scenario] = [
        Scenario("healthy ACR personal edition login with a repository", image, exitCode: 0, expect: [
            Expectation(.host, .ok, "host.acrShared"), Expectation(.credentials, .ok, "credentials.foundPermanent"),
            Expectation(.clock, .ok, "clock.ok"), Expectation(.tokenAPI, .ok, "tokenAPI.ok"),
            Expectation(.registry, .ok, "registry.ok", argument: "ns/app"), Expectation(.cache, .ok, "cache.empty"),
            Expectation(.helper, .ok, "helper.ok"), Expectation(.clientConfig, .ok, "clientConfig.credHelper"),
            Expectation(.network, .warn, "network.emulator"),
        ]),
        Scenario("healthy ACR Enterprise login found with ListInstance", "emulator-registry.cn-hangzhou.cr.aliyuncs.com/ns/app", exitCode: 0, expect: [
            Expectation(.host, .ok, "host.acrEnterprise"), Expectation(.tokenAPI, .ok, "tokenAPI.ok"), Expectation(.registry, .ok, "registry.ok"),
        ]),
        Scenario("healthy SWR long-term login computed offline", swr + "/ns/app", exitCode: 0, expect: [
            Expectation(.host, .ok, "host.swr"), Expectation(.tokenAPI, .ok, "tokenAPI.ok", argument: "cn-north-4@"),
            Expectation(.registry, .ok, "registry.ok"),
        ]) { world in
            let key = world.emulator.configuration.huawei.accessKeys[0]
            world.update { $0.environment["HUAWEICLOUD_SDK_AK"] = key.ak; $0.environment["HUAWEICLOUD_SDK_SK"] = key.sk }
        },
        Scenario("unknown AccessKey ID: InvalidAccessKeyId.NotFound", image, exitCode: 1, expect: [
            Expectation(.tokenAPI, .fail, "tokenAPI.accessKeyNotFound"), Expectation(.registry, .warn, "registry.noLogin"),
        ]) { world in world.update { $0.environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "LTAI5tNoSuchKeyAnywhere99" } },
        Scenario("wrong AccessKey secret gives SignatureDoesNotMatch", image, exitCode: 1, expect: [
            Expectation(.tokenAPI, .fail, "tokenAPI.signature"),
        ]) { world in world.update { $0.environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "WrongSecretForTheDoctorTest00000000" } },
        Scenario("clock 20 minutes off: InvalidTimeStamp.Expired", image, exitCode: 1, expect: [
            Expectation(.clock, .fail, "clock.skewedTooFar"), Expectation(.tokenAPI, .fail, "tokenAPI.clock"),
        ]) { world in world.emulator.addFault(FaultRule(endpoint: .acr, effect: .clockSkew(seconds: -1200))) },
        Scenario("clock 7 minutes off: a warning, the login still works", image, expect: [
            Expectation(.clock, .warn, "clock.skewed", argument: "+4"), Expectation(.tokenAPI, .ok, "tokenAPI.ok"),
        ]) { world in world.emulator.addFault(FaultRule(endpoint: .acr, effect: .clockSkew(seconds: -420))) },
        Scenario("RAM user without cr:GetAuthorizationToken: NoPrivilege", image, exitCode: 1, expect: [
            Expectation(.tokenAPI, .fail, "tokenAPI.noPrivilege"),
        ]) { world in
            world.emulator.addFault(FaultRule(
                endpoint: .acr, action: "GetAuthorizationToken", effect: .status(403, code: "NoPrivilege", message: "Access denied for this user.")))
        },
        Scenario("namespace denied: denied: requested access to the resource is denied", shared + "/secret/app", exitCode: 1, expect: [
            Expectation(.registry, .fail, "registry.denied", argument: "secret/app"),
        ]) { world in world.emulator.addFault(.deniedRegistryNamespace("secret")) },
        Scenario("repository does not exist yet", shared + "/ns/nothing", expect: [
            Expectation(.registry, .warn, "registry.repositoryMissing", argument: "ns/nothing"),
        ]) { world in world.emulator.addFault(.missingRegistryRepository("ns/nothing")) },
        Scenario("no push right (--push): the realm grants pull only", image, exitCode: 1, expect: [
            Expectation(.registry, .fail, "registry.noPush"),
        ]) { world in
            world.update { $0.options.push = true }
            let token = RegistryScenarios.unsignedToken(access: #"[{"type":"repository","name":"ns/app","actions":["pull"]}]"#)
            world.emulator.addFault(FaultRule(endpoint: .registry, action: "GetToken", effect: .status(200, body: #"{"token":"\#(token)"}"#)))
        },
        Scenario("a stale stored password wins over the working token", image, exitCode: 1, expect: [
            Expectation(.registry, .fail, "registry.staleStoredPassword", argument: "old-user"),
        ]) { world in
            try FileSecretStore(environment: world.environment).store(
                StoredSecret(serverURL: RegistryScenarios.shared, username: "old-user", secret: "OldStoredPasswordNoLongerValid1"))
        },
        Scenario("crpi instance without a stored password", personal + "/ns/app", exitCode: 1, expect: [
            Expectation(.host, .warn, "host.acrPersonal"), Expectation(.tokenAPI, .fail, "tokenAPI.personalNoToken"),
        ]),
        Scenario("crpi instance with the fixed password stored", personal + "/ns/app", exitCode: 0, expect: [
            Expectation(.tokenAPI, .ok, "tokenAPI.personalStored"), Expectation(.registry, .ok, "registry.ok", argument: "stored password"),
        ]) { world in
            try FileSecretStore(environment: world.environment).store(StoredSecret(
                serverURL: RegistryScenarios.personal, username: "emulator@\(EmulatorConfiguration.standardAccountId)",
                secret: "EmulatorFixedPassword01"))
        },
        Scenario("ACR Enterprise instance name unknown to ListInstance", "nothere-registry.cn-hangzhou.cr.aliyuncs.com/ns/app", exitCode: 1, expect: [
            Expectation(.tokenAPI, .fail, "tokenAPI.noInstance", argument: "nothere"),
        ]),
        Scenario("SWR long-term login from a wrong SK: the registry refuses it", swr + "/ns/app", exitCode: 1, expect: [
            Expectation(.tokenAPI, .ok, "tokenAPI.ok"), Expectation(.registry, .fail, "registry.unauthorized"),
        ]) { world in
            let key = world.emulator.configuration.huawei.accessKeys[0]
            world.update { $0.environment["HUAWEICLOUD_SDK_AK"] = key.ak; $0.environment["HUAWEICLOUD_SDK_SK"] = "WrongHuaweiSecretKeyForTheDoctorTest01" }
        },
        Scenario("SWR temporary login with an unknown AK: APIG.0301", swr + "/ns/app", exitCode: 1, expect: [
            Expectation(.tokenAPI, .fail, "tokenAPI.accessKeyNotFound"),
        ]) { world in
            try world.write(".config/cloudcred/config.json", #"{"profiles": {"default": {"registries": [{"match": "swr.cn-north-4.myhuaweicloud.com", "swrLogin": "temporary"}]}}}"#)
            world.update { $0.environment["HUAWEICLOUD_SDK_AK"] = "HWNOSUCHKEY00000000"; $0.environment["HUAWEICLOUD_SDK_SK"] = "AnySecretKeyValue000000000000000000000" }
        },
        Scenario("SWR temporary login with the clock 20 minutes off: signature expired", swr + "/ns/app", exitCode: 1, expect: [
            Expectation(.clock, .fail, "clock.skewedTooFar"), Expectation(.tokenAPI, .fail, "tokenAPI.clock"),
        ]) { world in
            try world.write(".config/cloudcred/config.json", #"{"profiles": {"default": {"registries": [{"match": "swr.cn-north-4.myhuaweicloud.com", "swrLogin": "temporary"}]}}}"#)
            let key = world.emulator.configuration.huawei.accessKeys[0]
            world.update { $0.environment["HUAWEICLOUD_SDK_AK"] = key.ak; $0.environment["HUAWEICLOUD_SDK_SK"] = key.sk }
            world.emulator.addFault(FaultRule(endpoint: .swr, effect: .clockSkew(seconds: 1200)))
        },
        Scenario("image reference without a registry host goes to Docker Hub", "myns/app:1.0", exitCode: 1, expect: [
            Expectation(.host, .fail, "host.dockerHub", argument: "myns/app"), Expectation(.registry, .fail, "registry.dockerHub"),
        ]),
        Scenario("the API endpoint given instead of the registry", "cr.cn-hangzhou.aliyuncs.com", exitCode: 1, expect: [
            Expectation(.host, .fail, "host.didYouMean", argument: "registry.cn-hangzhou.aliyuncs.com"),
        ]),
    ]

    @Test("each scenario names the right check and cause", arguments: all)
    func scenario(_ scenario: Scenario) async throws {
        try await scenario.verify()
    }

    /// A JWT-shaped token (not signed) granting `access`: what a realm hands out when a right is missing.
    static func unsignedToken(access: String) -> String {
        func encode(_ text: String) -> String {
            Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
        return encode(#"{"alg":"none","typ":"JWT"}"#) + "." + encode(#"{"access":\#(access)}"#) + ".c2lnbmF0dXJl"
    }
}
