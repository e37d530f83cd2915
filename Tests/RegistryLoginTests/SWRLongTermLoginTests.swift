import CredentialsCore
import Testing

@testable import RegistryLogin

@Suite("SWR long-term login and endpoints")
struct SWRLongTermLoginTests {
    @Test("the reference note's vector: user <project>@<AK>, password HMAC-SHA256(SK, AK), no expiry")
    func vector() throws {
        let credential = Credential(
            accessKeyId: "AKEXAMPLE0000000000", accessKeySecret: "SKEXAMPLE00000000000000000000000000000000", providerName: "test")
        let login = try SWRLongTermLogin.login(credential: credential, projectName: "cn-north-4")
        #expect(login.username == "cn-north-4@AKEXAMPLE0000000000")
        #expect(login.password == "dae64b4f5487ee6db3d94eaa1dc481c5ca0a294b291290d0582be7619935fdb2")
        #expect(login.expiresAt == nil)
        #expect(!login.description.contains(login.password))
    }

    @Test("temporary credentials are refused: long-term logins need a permanent AccessKey")
    func temporaryRefused() {
        let credential = Credential(accessKeyId: "TEMPAK", accessKeySecret: "temp-secret", securityToken: "tok-123456", providerName: "huaweicloud/metadata")
        #expect {
            try SWRLongTermLogin.login(credential: credential, projectName: "cn-north-4")
        } throws: { error in
            let message = (error as? CredentialsError)?.message ?? ""
            return message.contains("needs a permanent AccessKey") && message.contains("huaweicloud/metadata") && !message.contains("tok-123456")
        }
    }

    @Test("an empty project name is refused")
    func emptyProject() {
        let credential = Credential(accessKeyId: "AK", accessKeySecret: "SK", providerName: "test")
        #expect(throws: CredentialsError.self) { try SWRLongTermLogin.login(credential: credential, projectName: "") }
    }

    @Test("registry hosts map to regions and API hosts", arguments: [
        ("swr.cn-north-4.myhuaweicloud.com", "cn-north-4", "swr-api.cn-north-4.myhuaweicloud.com"),
        ("SWR.eu-west-101.myhuaweicloud.eu:443", "eu-west-101", "swr-api.eu-west-101.myhuaweicloud.eu"),
        ("swr.eu-de.otc.t-systems.com", "eu-de", "swr-api.eu-de.otc.t-systems.com"),
    ])
    func endpoints(host: String, region: String, apiHost: String) throws {
        let endpoint = try #require(SWREndpoint(registryHost: host))
        #expect(endpoint.region == region)
        #expect(endpoint.apiHost == apiHost)
        #expect(endpoint.registryHost == host.lowercased().split(separator: ":")[0].description)
    }

    @Test("other hosts are not SWR", arguments: [
        "registry.cn-hangzhou.aliyuncs.com", "swr.myhuaweicloud.com", "swr.a.b.myhuaweicloud.com", "xswr.cn-north-4.myhuaweicloud.com",
        "swr.cn-north-4.myhuaweicloud.com.evil.example",
    ])
    func notSWR(host: String) {
        #expect(SWREndpoint(registryHost: host) == nil)
    }
}
