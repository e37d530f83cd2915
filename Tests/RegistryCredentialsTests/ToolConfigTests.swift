import CredentialsCore
@testable import RegistryCredentials
import Testing

@Suite("Tool config: location, rules, targets")
struct ToolConfigTests {
    static let sample = """
        {"version": 1,
         "secretStore": {"helper": "pass"},
         "profiles": {
           "default": {"onError": "not-found",
                       "registries": [
                         {"match": "*.cn-shanghai.cr.aliyuncs.com", "instanceId": "cri-glob"},
                         {"match": "registry.cn-hangzhou.aliyuncs.com", "alibabaProfile": "prod"},
                         {"match": "images.example.com", "kind": "acr-enterprise", "region": "cn-hangzhou", "instanceId": "cri-abc"},
                         {"match": "images.example.com:5000", "kind": "acr-enterprise", "region": "cn-beijing", "instanceId": "cri-port", "vpc": true},
                         {"match": "registry.cn-beijing.aliyuncs.com:5000"},
                         {"match": "swr.cn-north-4.myhuaweicloud.com", "swrProject": "cn-north-4_dev", "swrLogin": "temporary", "onError": "fail"}]},
           "prod": {"registries": [{"match": "mirror.example.org", "kind": "swr", "region": "eu-de", "apiEndpoint": "swr-api.eu-de.otc.t-systems.com"}]}}}
        """

    func load(_ text: String) throws -> ToolConfig {
        let home = try makeTemporaryDirectory()
        try writeFile(home + "/.config/cloudcred/config.json", text)
        return try ToolConfig.load(environment: testEnvironment(home: home))
    }

    @Test("the path: CLOUDCRED_CONFIG, then XDG_CONFIG_HOME (absolute only), then ~/.config")
    func path() {
        #expect(ToolConfig.path(environment: Environment(["HOME": "/h", "CLOUDCRED_CONFIG": "/etc/cc.json", "XDG_CONFIG_HOME": "/x"])) == "/etc/cc.json")
        #expect(ToolConfig.path(environment: Environment(["HOME": "/h", "XDG_CONFIG_HOME": "/x"])) == "/x/cloudcred/config.json")
        #expect(ToolConfig.path(environment: Environment(["HOME": "/h", "XDG_CONFIG_HOME": "rel"])) == "/h/.config/cloudcred/config.json")
    }

    @Test("a missing file is an empty config: built-in patterns, default profile, file store")
    func missing() throws {
        let config = try ToolConfig.load(environment: testEnvironment(home: try makeTemporaryDirectory()))
        #expect(config.profiles.isEmpty && config.secretStore == .file && !config.hasProfile("default"))
        #expect(config.target(for: "registry.cn-hangzhou.aliyuncs.com", profile: "default")?.kind == .acrShared)
        #expect(config.target(for: "ghcr.io", profile: "default") == nil)
    }

    @Test("rules refine built-in hosts, define custom domains, map ports; exact rules before globs")
    func targets() throws {
        let config = try load(Self.sample)
        #expect(config.secretStore == .helper("pass"))
        #expect(config.profileNames == ["default", "prod"])

        let refined = try #require(config.target(for: "https://registry.cn-hangzhou.aliyuncs.com/v2/", profile: "default"))
        #expect(refined.kind == .acrShared && refined.alibabaProfile == "prod" && refined.onError == .notFound && refined.toolProfile == "default")

        let custom = try #require(config.target(for: "Images.Example.com", profile: "default"))
        #expect(custom.kind == .acrEnterprise && custom.region == "cn-hangzhou" && custom.instanceId == "cri-abc")
        #expect(custom.apiEndpoint == "cr.cn-hangzhou.aliyuncs.com" && custom.host == "images.example.com")

        let port = try #require(config.target(for: "images.example.com:5000", profile: "default"))
        #expect(port.instanceId == "cri-port" && port.host == "images.example.com:5000" && port.apiEndpoint == "cr-vpc.cn-beijing.aliyuncs.com")
        let builtInWithPort = try #require(config.target(for: "registry.cn-beijing.aliyuncs.com:5000", profile: "default"))
        #expect(builtInWithPort.kind == .acrShared && builtInWithPort.region == "cn-beijing" && builtInWithPort.host == "registry.cn-beijing.aliyuncs.com:5000")
        #expect(config.target(for: "registry.cn-hangzhou.aliyuncs.com:5000", profile: "default") == nil)

        let glob = try #require(config.target(for: "team-registry.cn-shanghai.cr.aliyuncs.com", profile: "default"))
        #expect(glob.instanceId == "cri-glob" && glob.instanceName == "team")
        #expect(config.target(for: "nothing.cn-shanghai.cr.aliyuncs.com", profile: "default") == nil)

        let swr = try #require(config.target(for: "swr.cn-north-4.myhuaweicloud.com", profile: "default"))
        #expect(swr.swrProject == "cn-north-4_dev" && swr.swrLogin == .temporary && swr.onError == .fail)
        #expect(swr.apiEndpoint == "swr-api.cn-north-4.myhuaweicloud.com")

        let prod = try #require(config.target(for: "mirror.example.org", profile: "prod"))
        #expect(prod.kind == .swr && prod.apiEndpoint == "swr-api.eu-de.otc.t-systems.com" && prod.toolProfile == "prod" && prod.onError == .fail)
        #expect(config.target(for: "mirror.example.org", profile: "default") == nil)
        #expect(config.target(for: "registry.cn-hangzhou.aliyuncs.com", profile: "prod")?.alibabaProfile == nil)
        #expect(config.target(for: "registry.cn-hangzhou.aliyuncs.com", profile: "nosuch")?.toolProfile == "nosuch")
    }

    @Test("exactHosts lists exact rules of one profile, in order, without globs")
    func exactHosts() throws {
        let config = try load(Self.sample)
        #expect(config.exactHosts(profile: "default") == [
            "registry.cn-hangzhou.aliyuncs.com", "images.example.com", "images.example.com:5000",
            "registry.cn-beijing.aliyuncs.com:5000", "swr.cn-north-4.myhuaweicloud.com",
        ])
        #expect(config.exactHosts(profile: "prod") == ["mirror.example.org"])
        #expect(config.exactHosts(profile: "none").isEmpty)
    }

    @Test("bad input: one line naming the file, the JSON path and the fix", arguments: [
        (#"{"profiles": {"#, "is not valid JSON (Expecting property name enclosed in double quotes: line 1 column 15 (char 14)); fix the syntax"),
        (#"[]"#, #"expected an object such as {"version": 1"#),
        (#"{"version": 2}"#, ": version: unsupported version 2; this cloudcred reads version 1"),
        (#"{"secretStore": "keychain"}"#, #": secretStore: unknown value "keychain"; use "file" or {"helper": "pass"}"#),
        (#"{"secretStore": {"helper": "cloudcred"}}"#, ": secretStore.helper: \"cloudcred\" is cloudcred itself"),
        (#"{"profiles": []}"#, ": profiles: expected an object such as"),
        (#"{"profiles": {"bad name": {}}}"#, ": profiles.bad name: profile names may use letters"),
        (#"{"profiles": {"p": {"onError": "ignore"}}}"#, #": profiles.p.onError: unknown value "ignore"; use one of "fail", "not-found""#),
        (#"{"profiles": {"p": {"registries": {}}}}"#, ": profiles.p.registries: expected a list of rules"),
        (#"{"profiles": {"p": {"registries": [{"kind": "swr"}]}}}"#, ": profiles.p.registries[0]: missing \"match\""),
        (#"{"profiles": {"p": {"registries": [{"match": 5}]}}}"#, ": profiles.p.registries[0].match: expected a string, found a number"),
        (#"{"profiles": {"p": {"registries": [{"match": "https://x.example/v2"}]}}}"#, "is not a host name pattern"),
        (#"{"profiles": {"p": {"registries": [{"match": "swr.cn-north-4.myhuaweicloud.com", "kind": "acr"}]}}}"#,
         #"registries[0].kind: unknown value "acr"; use one of "acr-shared", "acr-enterprise", "acr-personal", "swr""#),
        (#"{"profiles": {"p": {"registries": [{"match": "swr.cn-north-4.myhuaweicloud.com", "swrLogin": "forever"}]}}}"#,
         #"registries[0].swrLogin: unknown value "forever"; use one of "auto", "long-term", "temporary""#),
        (#"{"profiles": {"p": {"registries": [{"match": "swr.cn-north-4.myhuaweicloud.com", "vpc": "yes"}]}}}"#, "registries[0].vpc: expected true or false, found a string"),
        (#"{"profiles": {"p": {"registries": [{"match": "swr.cn-north-4.myhuaweicloud.com", "alibabaprofile": "x"}]}}}"#,
         "registries[0].alibabaprofile: unknown key; the keys here are match, kind"),
        (#"{"profiles": {"p": {"registries": [{"match": "images.example.com"}]}}}"#,
         "registries[0]: images.example.com is not a built-in ACR or SWR host name, so it is a custom domain; add \"kind\""),
        (#"{"profiles": {"p": {"registries": [{"match": "images.example.com", "kind": "swr"}]}}}"#, "images.example.com is a custom domain; add \"region\""),
        (#"{"profiles": {"p": {"registries": [{"match": "images.example.com", "kind": "acr-enterprise", "region": "cn-hangzhou"}]}}}"#,
         "add \"instanceId\" (cri-…) or \"instanceName\""),
        (#"{"profiles": {"p": {"registries": [{"match": "x.example", "kind": "swr", "region": "EU DE"}]}}}"#, "is not a region id"),
        (#"{"profiles": {"p": {"registries": [{"match": "swr.cn-north-4.myhuaweicloud.com", "swrProject": ""}]}}}"#, "swrProject: is empty"),
    ])
    func badInput(text: String, expected: String) throws {
        let home = try makeTemporaryDirectory()
        let path = home + "/.config/cloudcred/config.json"
        try writeFile(path, text)
        let error = #expect(throws: CredentialsError.self) { try ToolConfig.load(environment: testEnvironment(home: home)) }
        let message = try #require(error?.message)
        #expect(message.hasPrefix("cloudcred config \(path)"), "\(message)")
        #expect(message.contains(expected), "\(message)")
        #expect(!message.contains("\n"))
        #expect(error?.hint?.contains(path) == true)
    }

    @Test("an unreadable config (a directory) is an error naming it")
    func unreadable() throws {
        let home = try makeTemporaryDirectory()
        try writeFile(home + "/cfg/keep", "")
        let error = #expect(throws: CredentialsError.self) { try ToolConfig.load(environment: testEnvironment(home: home, ["CLOUDCRED_CONFIG": home + "/cfg"])) }
        #expect(error?.message.contains(home + "/cfg") == true)
    }
}
