import CloudcredTestSupport
import CloudEmulator
import CloudHTTP
import CredentialsCore
import Foundation
import RegistryCredentials
import Testing

@testable import RegistryLogin

/// A login service over the emulator with its own home (cache, secret store, tool config) and a manual clock.
struct ServiceWorld {
    let world: SWRWorld
    let home: String

    static let acrShared = "registry.cn-hangzhou.aliyuncs.com"
    static let acrEnterprise = "emulator-registry.cn-hangzhou.cr.aliyuncs.com"
    static let crpi = "crpi-emulatorexample01.cn-hangzhou.personal.cr.aliyuncs.com"
    static let swr = "swr.cn-north-4.myhuaweicloud.com"

    var environment: Environment {
        var values: [String: String] = [
            "HOME": home, "XDG_CACHE_HOME": home + "/cache", "XDG_DATA_HOME": home + "/data", "XDG_CONFIG_HOME": home + "/config",
            "CLOUDCRED_CONNECT_TO": world.emulator.connectTo,
            "ALIBABA_CLOUD_ECS_METADATA_DISABLED": "true", "HUAWEICLOUD_SDK_METADATA_DISABLED": "true",
        ]
        for (name, value) in extra { values[name] = value }
        return Environment(values)
    }

    var extra: [String: String] = [
        "ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAI5tEmulatorExample01",
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "EmulatorExampleSecretNotForProduction01",
        "HUAWEICLOUD_SDK_AK": "HWEMULATOREXAMPLE0001", "HUAWEICLOUD_SDK_SK": "HuaweiEmulatorSecretNotForProduction000001",
    ]

    func service() throws -> RegistryLoginService {
        try RegistryLoginService(environment: environment, clock: world.clock, transport: world.transport)
    }

    func writeToolConfig(_ json: String) throws {
        try FileManager.default.createDirectory(atPath: home + "/config/cloudcred", withIntermediateDirectories: true)
        try json.write(toFile: home + "/config/cloudcred/config.json", atomically: true, encoding: .utf8)
    }

    func acrActions() -> [String] {
        world.emulator.recordedRequests(.acr).compactMap { record in
            record.headers.first { $0.name.lowercased() == "x-acs-action" }?.value
        }
    }
}

func withServiceWorld<T>(_ body: (inout ServiceWorld) async throws -> T) async throws -> T {
    let home = NSTemporaryDirectory() + "cloudcred-service-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: home) }
    return try await withSWRWorld { world in
        var serviceWorld = ServiceWorld(world: world, home: home)
        return try await body(&serviceWorld)
    }
}

extension RegistryLoginOutcome {
    var password: RegistryPassword? {
        if case .login(let password, _) = self { return password }
        return nil
    }
}

@Suite("Registry login service: stored, cached, fetched once")
struct RegistryLoginServiceTests {
    @Test("ACR shared: the first login calls the token API, the next ones come from the cache")
    func cachesTokens() async throws {
        try await withServiceWorld { world in
            let first = try #require(try await world.service().login(for: "https://\(ServiceWorld.acrShared)/v2/").password)
            #expect(first.source.contains("GetAuthorizationToken"))
            let second = try #require(try await world.service().login(for: ServiceWorld.acrShared).password)
            #expect(second.password == first.password)
            #expect(second.source == "cache")
            #expect(world.world.emulator.requestCount(.acr) == 1)
        }
    }

    @Test("hosts that are not ours are reported as such, without network")
    func notOurs() async throws {
        try await withServiceWorld { world in
            guard case .notOurs(let host) = try await world.service().login(for: "https://GHCR.io:443/x") else {
                Issue.record("expected notOurs")
                return
            }
            #expect(host == "ghcr.io")
            #expect(world.world.emulator.requestCount(.acr) == 0)
        }
    }

    @Test("a stored password wins over the token API until it is erased")
    func storedWins() async throws {
        try await withServiceWorld { world in
            let store = FileSecretStore(environment: world.environment)
            try store.store(StoredSecret(serverURL: ServiceWorld.acrShared, username: "me", secret: "stored-password-1"))
            let stored = try #require(try await world.service().login(for: ServiceWorld.acrShared).password)
            #expect(stored.username == "me" && stored.password == "stored-password-1" && stored.source == "stored password")
            #expect(world.world.emulator.requestCount(.acr) == 0)
            _ = try store.erase(ServiceWorld.acrShared)
            #expect(try await world.service().login(for: ServiceWorld.acrShared).password?.username == "cr_temp_user")
        }
    }

    @Test("32 concurrent logins with a cold cache make one token API call")
    func singleFlight() async throws {
        try await withServiceWorld { world in
            let service = try world.service()
            let passwords = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<32 { group.addTask { try await service.login(for: ServiceWorld.acrShared).password?.password ?? "" } }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(passwords.count == 1)
            #expect(world.world.emulator.requestCount(.acr) == 1)
        }
    }

    @Test("stale-if-error until expiry, then the failure, remembered without calling again")
    func staleIfError() async throws {
        try await withServiceWorld { world in
            let fetched = try #require(try await world.service().login(for: ServiceWorld.acrShared).password)
            world.world.clock.advance(by: 40 * 60)  // past half-life (1 h token)
            world.world.emulator.addFault(FaultRule(endpoint: .acr, effect: .status(500)))
            let stale = try #require(try await world.service().login(for: ServiceWorld.acrShared).password)
            #expect(stale.password == fetched.password)
            world.world.clock.advance(by: 30 * 60)  // past expiry
            let error = await failure { try await world.service().login(for: ServiceWorld.acrShared) }
            #expect(error?.message.contains("HTTP 500") == true)
            let calls = world.world.emulator.requestCount(.acr)
            let remembered = await failure { try await world.service().login(for: ServiceWorld.acrShared) }
            #expect(remembered?.message.contains("HTTP 500") == true)
            #expect(remembered?.hint?.contains("remembered") == true)
            #expect(world.world.emulator.requestCount(.acr) == calls)
        }
    }

    @Test("after a failed refresh the cached token is retried 30 s later (refreshAt), its issue time kept")
    func retryLater() throws {
        let issued = Date(timeIntervalSince1970: 1_800_000_000)
        let login = CachedLogin(host: ServiceWorld.acrShared, username: "u", password: "p", issuedAt: issued, expiresAt: issued.addingTimeInterval(3600))
        let now = issued.addingTimeInterval(2000)
        let retry = try #require(RegistryLoginService.retryingLater(login, now: now))
        #expect(retry.issuedAt == issued && retry.expiresAt == login.expiresAt)
        #expect(retry.refreshAt == now.addingTimeInterval(30))
        #expect(retry.isFresh(at: now.addingTimeInterval(29)) && !retry.isFresh(at: now.addingTimeInterval(31)))
        // Never past the last usable moment (a minute before expiry); nothing when that has passed.
        let late = try #require(RegistryLoginService.retryingLater(login, now: issued.addingTimeInterval(3600 - 70)))
        #expect(late.refreshAt == issued.addingTimeInterval(3600 - 60))
        #expect(RegistryLoginService.retryingLater(login, now: issued.addingTimeInterval(3600 - 60)) == nil)
    }

    @Test("a fetched or cached token carries the refresh point; the kubelet keeps it until then")
    func refreshPointReachesKubelet() async throws {
        try await withServiceWorld { world in
            let fetched = try #require(try await world.service().login(for: ServiceWorld.acrShared).password)
            let cached = try #require(try await world.service().login(for: ServiceWorld.acrShared).password)
            let refreshAt = try #require(fetched.refreshAt)
            #expect(cached.refreshAt == refreshAt)
            let now = world.world.clock.now()
            let life = try #require(fetched.expiresAt).timeIntervalSince(now)
            #expect((0.4 * life - 1...0.5 * life + 1).contains(refreshAt.timeIntervalSince(now)))
            let response = KubeletCredentialProvider.response(apiVersion: "credentialprovider.kubelet.k8s.io/v1", host: ServiceWorld.acrShared, login: fetched, now: now)
            let expected = KubeletCredentialProvider.goDuration(seconds: Int(refreshAt.timeIntervalSince(now)))
            #expect(response.contains(#""cacheDuration":"\#(expected)""#), "\(response.replacingOccurrences(of: fetched.password, with: "***"))")
        }
    }

    @Test("ACR Enterprise: the instance id is looked up once and remembered on disk")
    func enterpriseLookupRemembered() async throws {
        try await withServiceWorld { world in
            _ = try await world.service().login(for: ServiceWorld.acrEnterprise)
            #expect(world.acrActions() == ["ListInstance", "GetAuthorizationToken"])
            try FileManager.default.removeItem(atPath: world.home + "/cache/cloudcred")
            try FileManager.default.createDirectory(atPath: world.home + "/cache/cloudcred", withIntermediateDirectories: true)
            ACRInstanceDirectory(cacheDirectory: world.home + "/cache/cloudcred")
                .remember(region: "cn-hangzhou", name: "emulator", instanceId: "cri-emulatorexample01")
            _ = try await world.service().login(for: ServiceWorld.acrEnterprise)
            #expect(world.acrActions() == ["ListInstance", "GetAuthorizationToken", "GetAuthorizationToken"])
        }
    }

    @Test("crpi without a stored password: the error says how to store the console password")
    func crpiHint() async throws {
        try await withServiceWorld { world in
            let error = await failure { try await world.service().login(for: ServiceWorld.crpi) }
            #expect(error?.message.contains("ACR Personal Edition instance") == true)
            #expect(error?.hint?.contains("cloudcred login \(ServiceWorld.crpi)") == true)
        }
    }

    @Test("SWR: a permanent key gives the offline long-term login; the config can ask for the temporary one")
    func swrModes() async throws {
        try await withServiceWorld { world in
            let longTerm = try #require(try await world.service().login(for: ServiceWorld.swr).password)
            #expect(longTerm.username == "cn-north-4@HWEMULATOREXAMPLE0001")
            #expect(longTerm.expiresAt == nil)
            #expect(world.world.emulator.requestCount(.swr) == 0)
            try world.writeToolConfig(#"{"profiles": {"default": {"registries": [{"match": "swr.cn-north-4.myhuaweicloud.com", "swrLogin": "temporary"}]}}}"#)
            let temporary = try #require(try await world.service().login(for: ServiceWorld.swr).password)
            #expect(temporary.source.contains("CreateSecret"))
            #expect(world.world.emulator.requestCount(.swr) == 1)
        }
    }

    @Test("the tool config's alibabaProfile picks that aliyun CLI profile over the environment")
    func alibabaProfile() async throws {
        try await withServiceWorld { world in
            world.extra["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "LTAI5tNotTheRightKey0000"
            try FileManager.default.createDirectory(atPath: world.home + "/.aliyun", withIntermediateDirectories: true)
            try #"{"current": "other", "profiles": [{"name": "prod", "mode": "AK", "access_key_id": "LTAI5tEmulatorExample01", "access_key_secret": "EmulatorExampleSecretNotForProduction01"}]}"#
                .write(toFile: world.home + "/.aliyun/config.json", atomically: true, encoding: .utf8)
            try world.writeToolConfig(#"{"profiles": {"default": {"registries": [{"match": "registry.cn-hangzhou.aliyuncs.com", "alibabaProfile": "prod"}]}}}"#)
            #expect(try await world.service().login(for: ServiceWorld.acrShared).password?.username == "cr_temp_user")
        }
    }

    @Test("a broken tool config is one error naming the file")
    func brokenConfig() async throws {
        try await withServiceWorld { world in
            try world.writeToolConfig("{ not json")
            let error = failure(sync: { try world.service() })
            #expect(error?.message.contains("config/cloudcred/config.json") == true)
        }
    }
}
