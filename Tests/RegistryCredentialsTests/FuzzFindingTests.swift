import CredentialsCore
@testable import RegistryCredentials
import Testing

/// Regression tests for the fuzzing findings F2–F4 of docs/RELIABILITY.md.
@Suite("Fuzz findings: quoted URLs, unreachable rules, one-line config errors")
struct FuzzFindingTests {
    @Test(
        "F2: a server URL quoted in a message loses its user-info and stays on one line",
        arguments: [
            ("https://user:CanaryPass99@bad host/v2/", #""https://bad host/v2/""#),
            ("user:CanaryPass99@registry.example", #""registry.example""#),
            ("bad\nhost", #""bad?host""#),
            ("ghcr.io", #""ghcr.io""#),
        ])
    func quotedServerURL(url: String, expected: String) {
        #expect(RegistryHosts.quoted(url) == expected)
    }

    @Test("F2: a refused `store` does not repeat the password in a URL")
    func storeRefusalHidesUserInfo() throws {
        let store = FileSecretStore(directory: try makeTemporaryDirectory() + "/secrets")
        let error = #expect(throws: CredentialsError.self) {
            try store.store(StoredSecret(serverURL: "https://me:CanaryPass99@bad host/", username: "me", secret: "s"))
        }
        #expect(error?.message.contains("CanaryPass99") == false)
        #expect(error?.message.contains("bad host") == true)
    }

    @Test(
        "F3: exact rules with labels no host can have are refused, not silently ignored",
        arguments: ["-bad.example.com", "bad-.example.com", String(repeating: "a", count: 64) + ".example.com", "-*.example.com"])
    func unreachableRuleRefused(match: String) throws {
        let home = try makeTemporaryDirectory()
        try writeFile(
            home + "/.config/cloudcred/config.json",
            #"{"profiles": {"default": {"registries": [{"match": "\#(match)", "kind": "acr-enterprise", "region": "cn-hangzhou", "instanceId": "cri-x"}]}}}"#)
        let error = #expect(throws: CredentialsError.self) { try ToolConfig.load(environment: testEnvironment(home: home)) }
        #expect(error?.message.contains("not a host name pattern") == true)
    }

    @Test("F4: a config error quoting a value with a line break is one line")
    func oneLineConfigError() throws {
        let home = try makeTemporaryDirectory()
        try writeFile(home + "/.config/cloudcred/config.json", #"{"profiles": {"default": {"registries": [{"match": "x.example.com", "kind": "swr", "region": "cn\nnorth"}]}}}"#)
        let error = #expect(throws: CredentialsError.self) { try ToolConfig.load(environment: testEnvironment(home: home)) }
        #expect(error?.message.contains("\n") == false)
        #expect(error?.message.contains(#"cn\nnorth"#) == true)
    }
}
