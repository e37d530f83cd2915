import CloudEmulator
import CloudcredDoctor
import CredentialsCore
import Foundation
import Testing

/// Broken docker configs, helpers and cache files.
@Suite("doctor: client config, helper and cache scenarios")
struct ClientAndCacheScenarios {
    static let host = "registry.cn-hangzhou.aliyuncs.com"
    static let image = host + "/ns/app"

    /// A cache entry file for `host` (the token cache's format, version 1) with `mode`, expiring in `seconds`.
    static func writeCacheEntry(_ world: DoctorWorld, expiresIn seconds: Double, mode: Int) throws {
        let now = Date().timeIntervalSince1970 * 1000
        let name = String(repeating: "ab", count: 32) + ".json"
        let record = #"{"version":1,"host":"\#(host)","username":"cr_temp_user","password":"CachedRegistryPasswordValue","issuedAt":\#(Int64(now - 60_000)),"expiresAt":\#(Int64(now + seconds * 1000))}"#
        try world.write(".cache/cloudcred/" + name, record + "\n", mode: mode)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: world.home + "/.cache/cloudcred")
    }

    static let all: [Scenario] = [
        Scenario("docker config without a credHelpers entry", image, exitCode: 1, expect: [
            Expectation(.clientConfig, .fail, "clientConfig.noCredHelper", argument: host),
            Expectation(.helper, .warn, "helper.notConfigured"),
        ]) { world in try world.write(".docker/config.json", #"{"auths": {}}"#) },
        Scenario("credsStore set and no credHelpers entry", image, exitCode: 1, expect: [
            Expectation(.clientConfig, .fail, "clientConfig.credsStoreInstead", argument: "desktop"),
            Expectation(.clientConfig, .fail, "clientConfig.helperMissing", argument: "docker-credential-desktop"),
        ]) { world in try world.write(".docker/config.json", #"{"credsStore": "desktop"}"#) },
        Scenario("a stale auths entry in another spelling", image, expect: [
            Expectation(.clientConfig, .warn, "clientConfig.staleAuths", argument: "https://\(host)"),
        ]) { world in
            try world.dockerConfig(sending: host, extra: ",\n\t\"auths\": {\"https://\(host)\": {\"auth\": \"b2xkOm9sZA==\"}}")
        },
        Scenario("docker config.json syntax error with line and column", image, exitCode: 1, expect: [
            Expectation(.clientConfig, .fail, "clientConfig.dockerConfigSyntax", argument: "Expecting property name", positions: [1: "4", 2: "2"]),
        ]) { world in try world.write(".docker/config.json", "{\n\t\"credHelpers\": {\n\t\t\"\(host)\": \"cloudcred\",\n\t}\n}\n") },
        Scenario("the helper is not on PATH", image, exitCode: 1, expect: [
            Expectation(.clientConfig, .fail, "clientConfig.helperMissing", argument: "docker-credential-cloudcred"),
            Expectation(.helper, .fail, "helper.missing"),
        ]) { world in try FileManager.default.removeItem(atPath: world.home + "/bin/docker-credential-cloudcred") },
        Scenario("the helper answers credentials not found", image, exitCode: 1, expect: [
            Expectation(.helper, .fail, "helper.notFoundAnswer"),
        ]) { world in
            try world.writeHelper(script: """
                case "$1" in
                  version) echo "docker-credential-cloudcred \(CloudcredVersion.version) (commit test)" ;;
                  *) echo "credentials not found in native keychain"; exit 1 ;;
                esac
                """)
        },
        Scenario("the helper fails and prints its reason", image, exitCode: 1, expect: [
            Expectation(.helper, .fail, "helper.failed", argument: "no Alibaba Cloud credentials"),
        ]) { world in
            try world.writeHelper(script: """
                case "$1" in
                  version) echo "docker-credential-cloudcred \(CloudcredVersion.version) (commit test)" ;;
                  *) echo "no Alibaba Cloud credentials found"; exit 1 ;;
                esac
                """)
        },
        Scenario("the helper prints broken JSON: shown with the secret masked", image, exitCode: 1, expect: [
            Expectation(.helper, .fail, "helper.badOutput", argument: "\"Secret\":\"******\""),
        ]) { world in
            try world.writeHelper(script: """
                case "$1" in
                  version) echo "docker-credential-cloudcred \(CloudcredVersion.version) (commit test)" ;;
                  *) echo '{"Username":"u","Secret":"\(DoctorWorld.fakeSecret)"'; exit 0 ;;
                esac
                """)
        },
        Scenario("an older helper version on PATH", image, expect: [
            Expectation(.clientConfig, .warn, "clientConfig.helperVersion", argument: "0.0.9"),
        ]) { world in
            try world.writeHelper(script: DoctorWorld.workingHelper.replacingOccurrences(of: "cloudcred \(CloudcredVersion.version)", with: "cloudcred 0.0.9"))
        },
        Scenario("running under sudo", image, expect: [
            Expectation(.clientConfig, .warn, "clientConfig.sudo", argument: "alice"),
        ]) { world in world.update { $0.environment["SUDO_USER"] = "alice" } },
        Scenario("a cache file other users can read", image, expect: [
            Expectation(.cache, .warn, "cache.fileMode", argument: "0644"), Expectation(.cache, .warn, "cache.fixAvailable"),
            Expectation(.cache, .ok, "cache.entry"),
        ]) { world in try writeCacheEntry(world, expiresIn: 3000, mode: 0o644) },
        Scenario("an expired cache entry", image, expect: [
            Expectation(.cache, .warn, "cache.expired", argument: host),
        ]) { world in try writeCacheEntry(world, expiresIn: -120, mode: 0o600) },
    ]

    @Test("each scenario names the right check and cause", arguments: all)
    func scenario(_ scenario: Scenario) async throws {
        try await scenario.verify()
    }
}
