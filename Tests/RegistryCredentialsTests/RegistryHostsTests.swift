@testable import RegistryCredentials
import Testing

@Suite("Registry host normalization and classification")
struct RegistryHostsTests {
    @Test("normalize strips scheme, userinfo, path, query; folds case; drops :443; keeps other ports", arguments: [
        ("registry.cn-hangzhou.aliyuncs.com", "registry.cn-hangzhou.aliyuncs.com"),
        ("https://Registry.CN-Hangzhou.aliyuncs.com/v2/", "registry.cn-hangzhou.aliyuncs.com"),
        ("http://user:pa%40ss@registry.cn-hangzhou.aliyuncs.com:443/v2/library?x=1#f", "registry.cn-hangzhou.aliyuncs.com"),
        ("  swr.cn-north-4.myhuaweicloud.com\n", "swr.cn-north-4.myhuaweicloud.com"),
        ("images.example.com:5000", "images.example.com:5000"),
        ("https://index.docker.io/v1/", "index.docker.io"),
        ("registry.example.com.", "registry.example.com"),
        ("localhost:5000/ns/repo", "localhost:5000"),
        ("[::1]:5000", "[::1]:5000"),
        ("[::1]:443", "[::1]"),
    ])
    func normalizes(input: String, expected: String) {
        #expect(RegistryHosts.normalize(input) == expected)
    }

    @Test("normalize rejects empty and garbage", arguments: [
        "", "   ", "https://", "://host", "host:", "host:0", "host:65536", "host:12a", "host:+80", "a..b", ".host", "-bad.example",
        "bad-.example", "sp ace.example", "ex$ample.com", "[::1", "[zz]:80", String(repeating: "a", count: 64) + ".com",
        "ht tp://host",
    ])
    func rejects(input: String) {
        #expect(RegistryHosts.normalize(input) == nil)
    }

    @Test("ACR shared domains: public, VPC, intl, internal")
    func acrShared() throws {
        let cases: [(String, Bool)] = [
            ("registry.cn-hangzhou.aliyuncs.com", false), ("registry-vpc.cn-hangzhou.aliyuncs.com", true),
            ("registry-internal.cn-hangzhou.aliyuncs.com", false), ("registry-intl.ap-southeast-1.aliyuncs.com", false),
            ("registry-intl-vpc.ap-southeast-1.aliyuncs.com", true), ("registry-intl-internal.ap-southeast-1.aliyuncs.com", false),
        ]
        for (host, vpc) in cases {
            let target = try #require(RegistryHosts.classify(host), "\(host)")
            #expect(target.kind == .acrShared)
            #expect(target.vpc == vpc)
            #expect(target.host == host)
            #expect(target.apiEndpoint == (vpc ? "cr-vpc" : "cr") + ".\(target.region).aliyuncs.com")
            #expect(target.toolProfile == "default" && target.onError == .fail && target.swrLogin == .automatic)
        }
        #expect(RegistryHosts.classify("registry.cn-shanghai-finance-1.aliyuncs.com")?.region == "cn-shanghai-finance-1")
    }

    @Test("ACR Enterprise: instance names with hyphens, VPC")
    func acrEnterprise() throws {
        let plain = try #require(RegistryHosts.classify("https://my-team-registry.cn-shanghai.cr.aliyuncs.com/v2/"))
        #expect(plain.kind == .acrEnterprise && plain.instanceName == "my-team" && plain.region == "cn-shanghai" && !plain.vpc)
        #expect(plain.apiEndpoint == "cr.cn-shanghai.aliyuncs.com")
        let vpc = try #require(RegistryHosts.classify("prod-registry-vpc.cn-beijing.cr.aliyuncs.com"))
        #expect(vpc.instanceName == "prod" && vpc.vpc && vpc.apiEndpoint == "cr-vpc.cn-beijing.aliyuncs.com")
        #expect(RegistryHosts.classify("a-registry-registry.cn-beijing.cr.aliyuncs.com")?.instanceName == "a-registry")
    }

    @Test("ACR personal dedicated domains: crpi-<id>[-vpc]")
    func acrPersonal() throws {
        let target = try #require(RegistryHosts.classify("crpi-abcd1234efgh5678.cn-hangzhou.personal.cr.aliyuncs.com"))
        #expect(target.kind == .acrPersonal && target.instanceId == "crpi-abcd1234efgh5678" && !target.vpc)
        let vpc = try #require(RegistryHosts.classify("CRPI-abcd1234efgh5678-VPC.cn-hangzhou.personal.cr.aliyuncs.com"))
        #expect(vpc.instanceId == "crpi-abcd1234efgh5678" && vpc.vpc && vpc.apiEndpoint == "cr-vpc.cn-hangzhou.aliyuncs.com")
    }

    @Test("SWR: myhuaweicloud.com, .eu and Open Telekom Cloud, with the API host on the same domain")
    func swr() throws {
        let cases = [
            ("swr.cn-north-4.myhuaweicloud.com", "swr-api.cn-north-4.myhuaweicloud.com"),
            ("swr.eu-west-101.myhuaweicloud.eu", "swr-api.eu-west-101.myhuaweicloud.eu"),
            ("swr.eu-de.otc.t-systems.com", "swr-api.eu-de.otc.t-systems.com"),
        ]
        for (host, api) in cases {
            let target = try #require(RegistryHosts.classify(host))
            #expect(target.kind == .swr && target.apiEndpoint == api && target.effectiveSWRProject == target.region)
        }
    }

    @Test("look-alikes, suffix attacks, ports and near misses are not ours", arguments: [
        "registry.cn-hangzhou.aliyuncs.com.evil.example", "evil-registry.cn-hangzhou.cr.aliyuncs.com.example",
        "registry.cn-hangzhou.aliyuncs.com:5000", "swr.cn-north-4.myhuaweicloud.com:8443", "evilregistry.cn-hangzhou.aliyuncs.com",
        "registry.cn-hangzhou.aliyuncs.com.cn", "xregistry.cn-hangzhou.aliyuncs.com", "registry-vpc-intl.cn-hangzhou.aliyuncs.com",
        "registry.hangzhou.aliyuncs.com", "registry.cn-hangzhou.evil-aliyuncs.com", "-registry.cn-hangzhou.cr.aliyuncs.com",
        "registry.cn-hangzhou.cr.aliyuncs.com", "registry-vpc.cn-hangzhou.cr.aliyuncs.com", "crpi-.cn-hangzhou.personal.cr.aliyuncs.com",
        "crpi-abc.cn-hangzhou.personal.cr.aliyuncs.com.evil.example", "abc.cn-hangzhou.personal.cr.aliyuncs.com",
        "swr.cn-north-4.myhuaweicloud.com.evil.example", "swr.cn-north-4.myhuaweicloud.org", "swrx.cn-north-4.myhuaweicloud.com",
        "swr.myhuaweicloud.com", "evil.swr.cn-north-4.myhuaweicloud.com", "ghcr.io", "index.docker.io", "aliyuncs.com",
        "registry.cn-hangzhou.aliyuncs.com@evil.example", "evil.example/registry.cn-hangzhou.aliyuncs.com",
    ])
    func notOurs(host: String) {
        #expect(RegistryHosts.classify(host) == nil)
    }

    @Test("glob patterns match within one label only")
    func globs() throws {
        let glob = try #require(HostGlob("*.cn-shanghai.cr.aliyuncs.com"))
        #expect(glob.matches("team-registry.cn-shanghai.cr.aliyuncs.com"))
        #expect(!glob.matches("a.b.cn-shanghai.cr.aliyuncs.com"))
        #expect(!glob.matches("team-registry.cn-shanghai.cr.aliyuncs.com:5000"))
        let inner = try #require(HostGlob("team-*-registry.cn-*.cr.aliyuncs.com"))
        #expect(inner.matches("team-a-b-registry.cn-beijing.cr.aliyuncs.com"))
        #expect(!inner.matches("team-registry.cn-beijing.cr.aliyuncs.com"))
        #expect(try #require(HostGlob("Images.Example.com:443")).pattern == "images.example.com")
        #expect(HostGlob("https://x.example") == nil && HostGlob("a..b") == nil && HostGlob("x.example:99999") == nil)
    }
}
