import CloudcredTestSupport
import CredentialsCore
import Testing

@testable import HuaweiCloudCredentials

@Suite("Huawei environment provider")
struct HuaweiEnvironmentProviderTests {
    func provider(_ values: [String: String]) -> HuaweiEnvironmentProvider {
        HuaweiEnvironmentProvider(environment: Environment(values))
    }

    @Test("AK, SK, security token and project id from the environment")
    func complete() async throws {
        let value = try await provider([
            "HUAWEICLOUD_SDK_AK": "HWAKEXAMPLE", "HUAWEICLOUD_SDK_SK": "hw-secret",
            "HUAWEICLOUD_SDK_SECURITY_TOKEN": "hw-token", "HUAWEICLOUD_SDK_PROJECT_ID": "0123abcd",
        ]).huaweiCredential()
        #expect(value.credential.accessKeyId == "HWAKEXAMPLE")
        #expect(value.credential.accessKeySecret == "hw-secret")
        #expect(value.credential.securityToken == "hw-token")
        #expect(value.credential.providerName == "env")
        #expect(value.projectId == "0123abcd")
    }

    @Test("a permanent key: no token, no project; empty values count as unset")
    func permanent() async throws {
        let value = try await provider([
            "HUAWEICLOUD_SDK_AK": "HWAKEXAMPLE", "HUAWEICLOUD_SDK_SK": "hw-secret",
            "HUAWEICLOUD_SDK_SECURITY_TOKEN": "", "HUAWEICLOUD_SDK_PROJECT_ID": "",
        ]).huaweiCredential()
        #expect(value.credential.securityToken == nil)
        #expect(value.projectId == nil)
        #expect(try await provider(["HUAWEICLOUD_SDK_AK": "A", "HUAWEICLOUD_SDK_SK": "B"]).credential().accessKeyId == "A")
    }

    @Test("neither variable: a missing source")
    func missing() async {
        let error = await failure { try await provider(["HUAWEICLOUD_SDK_AK": ""]).huaweiCredential() }
        #expect(error?.isMissingSource == true)
        #expect(error?.message == "HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are not set")
    }

    @Test("AK without SK, and SK without AK: an error naming the missing variable, never the secret")
    func halfSet() async {
        let noSK = await failure { try await provider(["HUAWEICLOUD_SDK_AK": "HWAKEXAMPLE"]).huaweiCredential() }
        #expect(noSK?.message == "HUAWEICLOUD_SDK_AK is set but HUAWEICLOUD_SDK_SK is missing")
        #expect(noSK?.isMissingSource == false)
        let noAK = await failure { try await provider(["HUAWEICLOUD_SDK_SK": "hw-secret-value"]).huaweiCredential() }
        #expect(noAK?.message == "HUAWEICLOUD_SDK_SK is set but HUAWEICLOUD_SDK_AK is missing")
        #expect(noAK?.message.contains("hw-secret-value") == false)
        #expect(noAK?.hint?.contains("HUAWEICLOUD_SDK_AK") == true)
    }
}
