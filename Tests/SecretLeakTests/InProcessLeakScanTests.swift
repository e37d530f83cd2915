import AlibabaCloudCredentials
import CloudEmulator
import CloudHTTP
import CloudcredTestSupport
import CredentialsCore
import Foundation
import HuaweiCloudCredentials
import RegistryLogin
import Testing

/// The library side of the scan: providers and registry clients called in-process against emulator faults; every
/// error's `String(describing:)`, `String(reflecting:)`, `localizedDescription` and `hint`, every credential's
/// description, and everything logged at trace level (swift-log, captured) must be free of secrets.
@Suite("Secret-leak scan: library errors, descriptions and logs")
struct InProcessLeakScanTests {
    /// Records what a call left: the value's descriptions, or the error's texts; and the log.
    static func capture<T>(_ world: LeakWorld, _ label: String, log: CapturedLog, _ body: () async throws -> T) async {
        do {
            let value = try await body()
            world.record("\(label) [description]", String(describing: value) + "\n" + String(reflecting: value))
        } catch {
            var texts = [String(describing: error), String(reflecting: error), error.localizedDescription]
            if let hint = (error as? CredentialsError)?.hint { texts.append(hint) }
            world.record("\(label) [error]", texts.joined(separator: "\n"))
        }
        world.record("\(label) [log]", log.text)
    }

    /// The Alibaba chain with each `config.json` profile, healthy and under each fault of its endpoint (one world per
    /// endpoint, side by side).
    @Test("Alibaba providers: errors, hints, descriptions and trace logs hold no secret")
    func alibabaProviders() async throws {
        let rules = try LeakRules.load()
        let byEndpoint: [(EmulatorEndpoint?, [String])] = [
            (nil, LeakIdentities.workingProfiles + LeakIdentities.failingProfiles),
            (.sts, ["role", "chain", "chain-sts", "oidc"]), (.cloudSSO, ["sso"]), (.oauth, ["oauth", "oauth-refresh"]),
            (.credentialsURI, ["uri"]), (.ecsMetadata, ["ecs"]),
        ]
        let (channels, issued) = try await withThrowingTaskGroup(of: ([ScannedChannel], [LeakRules.Canary]).self) { group in
            for (endpoint, profiles) in byEndpoint {
                group.addTask { try await Self.alibabaGroup(endpoint, profiles: profiles, rules: rules) }
            }
            var all: ([ScannedChannel], [LeakRules.Canary]) = ([], [])
            for try await (channels, issued) in group {
                all.0 += channels
                all.1 += issued
            }
            return all
        }
        let (figures, _) = LeakVerdict.judge(channels, rules: rules.adding(issued))
        print("secret-leak scan (in-process, Alibaba): \(figures)")
        #expect(figures.forbiddenChannels >= 100)
        #expect(issued.count >= 5)
    }

    static func alibabaGroup(
        _ endpoint: EmulatorEndpoint?, profiles: [String], rules: LeakRules
    ) async throws -> ([ScannedChannel], [LeakRules.Canary]) {
        let world = try await LeakWorld(
            scenario: "in-process-alibaba-\(endpoint?.id ?? "healthy")", rules: rules, configuration: LeakIdentities.configuration(rules))
        try world.plant(".aliyun/config.json", LeakIdentities.aliyunConfig(world))
        try LeakIdentities.plantExternalPrograms(world)
        try world.plant("oidc/token", world.canary("cfg-oidc-token"))
        world.sealPlanting()
        let echo = "Authorization: Bearer \(world.canary("cfg-sso-access-token")); SecurityToken=\(world.canary("cfg-sts-token"))"
        let stringToSign = "GET&%2F&AccessKeyId%3DSTS.LeakStaticKey0001%26Action%3DAssumeRole%26SecurityToken%3D\(world.canary("cfg-sts-token"))%26SignatureMethod%3DHMAC-SHA1"
        let faults: [(String, FaultEffect?)] = endpoint == nil
            ? [("healthy", nil)] : FaultLeakScenarios.faults(echo: echo, stringToSign: stringToSign).map { ($0.label, Optional($0.effect)) }
        // One HTTP client per world (its trace log is one channel); a provider logger per call.
        let httpLog = CapturedLog()
        let transport = CloudHTTPClient(
            environment: Environment(["HOME": world.home, "CLOUDCRED_CONNECT_TO": world.connectTo]), logger: httpLog.logger("cloudcred.http"))
        for (label, effect) in faults {
            world.emulator.clearFaults()
            if let endpoint, let effect { world.emulator.addFault(FaultRule(endpoint: endpoint, effect: effect)) }
            for profile in profiles {
                let log = CapturedLog()
                let environment = Environment([
                    "HOME": world.home, "CLOUDCRED_CONNECT_TO": world.connectTo, "ALIBABA_CLOUD_PROFILE": profile,
                    "ALIBABA_CLOUD_ECS_METADATA_DISABLED": profile == "ecs" ? "false" : "true",
                ])
                let client = CredentialsClient(context: ProviderContext(
                    environment: environment, homeDirectory: world.home, transport: transport, logger: log.logger()))
                await Self.capture(world, "\(endpoint?.id ?? "no fault") \(label) profile \(profile)", log: log) { try await client.credential() }
            }
        }
        await transport.shutdown()
        world.record("http client [log]", httpLog.text)
        let issued = world.issuedSecrets()
        return (await world.finish(), issued)
    }

    /// ACR and SWR logins through `RegistryLoginService` under every fault of their APIs, and Huawei profile files
    /// that are broken on the line holding the SK.
    @Test("registry logins and Huawei profiles: errors, hints, descriptions and trace logs hold no secret")
    func registryLogins() async throws {
        let rules = try LeakRules.load()
        let world = try await LeakWorld(scenario: "in-process-registry", rules: rules, configuration: LeakIdentities.configuration(rules))
        try world.plant("config/cloudcred/config.json", """
            {"version": 1, "profiles": {"default": {"registries": [{"match": "\(LeakIdentities.swr)", "swrLogin": "temporary"}]}}}
            """)
        // Huawei profile files broken on the SK's line, and one with the SK but no AK.
        let broken = [
            "[basic]\nak = \(LeakIdentities.huaweiFileAK)\nsk \(world.canary("huawei-file-sk"))\n",
            "[basic]\nak = \(LeakIdentities.huaweiFileAK)\n  sk = \(world.canary("huawei-file-sk"))\n[basic]\n",
            "sk = \(world.canary("huawei-file-sk"))\n[basic]\n",
            "[basic]\nsk = \(world.canary("huawei-file-sk"))\n",
        ]
        let paths = try broken.enumerated().map { index, text in try world.plant(".huaweicloud/broken-\(index)", text) }
        world.sealPlanting()
        let signedEcho = "Authorization: ACS3-HMAC-SHA256 Credential=\(LeakIdentities.envAK),Signature=\(FaultLeakScenarios.fakeSignature)"
        let cases: [(EmulatorEndpoint, String)] = [(.acr, LeakIdentities.acr), (.acr, LeakIdentities.acrEnterprise), (.swr, LeakIdentities.swr)]
        let httpLog = CapturedLog()
        let transport = CloudHTTPClient(
            environment: Environment(["HOME": world.home, "CLOUDCRED_CONNECT_TO": world.connectTo]), logger: httpLog.logger("cloudcred.http"))
        for (endpoint, host) in cases {
            let runs: [(String, FaultEffect?)] = [("healthy", nil)] + FaultLeakScenarios.faults(echo: signedEcho).map { ($0.label, Optional($0.effect)) }
            for (label, effect) in runs {
                world.emulator.clearFaults()
                if let effect { world.emulator.addFault(FaultRule(endpoint: endpoint, effect: effect)) }
                let log = CapturedLog()
                let environment = Environment([
                    "HOME": world.home, "CLOUDCRED_CONNECT_TO": world.connectTo, "XDG_CONFIG_HOME": world.home + "/config",
                    "XDG_CACHE_HOME": "\(world.home)/cache/\(endpoint.id)-\(label)-\(host.prefix(8))", "XDG_DATA_HOME": world.home + "/data",
                    "ALIBABA_CLOUD_ACCESS_KEY_ID": LeakIdentities.envAK, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": world.canary("env-ak-secret"),
                    "ALIBABA_CLOUD_ECS_METADATA_DISABLED": "true", "HUAWEICLOUD_SDK_AK": LeakIdentities.huaweiEnvAK,
                    "HUAWEICLOUD_SDK_SK": world.canary("env-huawei-sk"), "HUAWEICLOUD_SDK_METADATA_DISABLED": "true",
                ])
                do {
                    let service = try RegistryLoginService(environment: environment, transport: transport, logger: log.logger("cloudcred.registry"))
                    await Self.capture(world, "\(endpoint.id) \(label) \(host)", log: log) { try await service.login(for: host) }
                } catch {
                    world.record("\(endpoint.id) \(label) \(host) [setup error]", String(describing: error))
                }
            }
        }
        await transport.shutdown()
        world.record("http client [log]", httpLog.text)
        world.emulator.clearFaults()
        for (index, path) in paths.enumerated() {
            let provider = HuaweiProfileProvider(path: path, environment: Environment(["HOME": world.home]))
            await Self.capture(world, "huawei profile broken-\(index)", log: CapturedLog()) { try await provider.huaweiCredential() }
        }
        let issued = world.issuedSecrets()
        let channels = await world.finish()
        let (figures, _) = LeakVerdict.judge(channels, rules: rules.adding(issued))
        print("secret-leak scan (in-process, registry): \(figures)")
        #expect(figures.forbiddenChannels >= 60)
        #expect(issued.count >= 3)
    }
}
