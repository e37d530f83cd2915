import CredentialsCore
import Foundation
@testable import RegistryCredentials
import Testing

@Suite("Credential source identity and fingerprint")
struct CredentialSourceTests {
    let acr = RegistryHosts.classify("registry.cn-hangzhou.aliyuncs.com")!
    let swr = RegistryHosts.classify("swr.cn-north-4.myhuaweicloud.com")!

    @Test("Alibaba: target profile, then AccessKey ID, then role ARN, then ALIBABA_CLOUD_PROFILE or default; no secrets")
    func alibaba() {
        let secrets = ["ALIBABA_CLOUD_ACCESS_KEY_SECRET": "VerySecretValue", "ALIBABA_CLOUD_SECURITY_TOKEN": "TokenValue"]
        var environment = Environment(["HOME": "/h"].merging(secrets) { a, _ in a })
        #expect(CredentialSource.identity(for: acr, environment: environment) == "kind=acr-shared;alibaba-profile=default")
        environment["ALIBABA_CLOUD_PROFILE"] = "ci"
        #expect(CredentialSource.identity(for: acr, environment: environment) == "kind=acr-shared;alibaba-profile=ci")
        environment["ALIBABA_CLOUD_ROLE_ARN"] = "acs:ram::1:role/pull"
        #expect(CredentialSource.identity(for: acr, environment: environment) == "kind=acr-shared;alibaba-role=acs:ram::1:role/pull")
        environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "LTAI5tExample"
        #expect(CredentialSource.identity(for: acr, environment: environment) == "kind=acr-shared;alibaba-ak=LTAI5tExample")
        var named = acr
        named.alibabaProfile = "prod"
        #expect(CredentialSource.identity(for: named, environment: environment) == "kind=acr-shared;alibaba-profile=prod")
        let personal = RegistryHosts.classify("crpi-abc.cn-hangzhou.personal.cr.aliyuncs.com")!
        let identity = CredentialSource.identity(for: personal, environment: environment)
        #expect(identity == "kind=acr-personal;alibaba-ak=LTAI5tExample;instance=crpi-abc")
        #expect(!identity.contains("VerySecretValue") && !identity.contains("TokenValue"))
    }

    @Test("Huawei: AK, else profile (credentials file present) or metadata; with project and login mode")
    func huawei() throws {
        let home = try makeTemporaryDirectory()
        var environment = testEnvironment(home: home)
        #expect(CredentialSource.identity(for: swr, environment: environment) == "kind=swr;huawei=metadata;project=cn-north-4;login=auto")
        try writeFile(home + "/.huaweicloud/credentials", "[default]\n")
        #expect(CredentialSource.identity(for: swr, environment: environment) == "kind=swr;huawei=profile;project=cn-north-4;login=auto")
        environment["HUAWEICLOUD_SDK_AK"] = "HWAK123"
        environment["HUAWEICLOUD_SDK_SK"] = "HuaweiSecret"
        var dev = swr
        dev.swrProject = "cn-north-4_dev"
        dev.swrLogin = .temporary
        let identity = CredentialSource.identity(for: dev, environment: environment)
        #expect(identity == "kind=swr;huawei-ak=HWAK123;project=cn-north-4_dev;login=temporary")
        #expect(!identity.contains("HuaweiSecret"))
    }

    @Test("the fingerprint changes with the files and the cloud variables, and hides their values")
    func fingerprint() throws {
        let home = try makeTemporaryDirectory()
        let configPath = home + "/.config/cloudcred/config.json"
        var environment = testEnvironment(home: home)
        let base = SourceFingerprint.current(environment: environment, toolConfigPath: configPath)
        #expect(base == SourceFingerprint.current(environment: environment, toolConfigPath: configPath))
        #expect(base.count == 64)

        environment["UNRELATED"] = "x"
        #expect(SourceFingerprint.current(environment: environment, toolConfigPath: configPath) == base)
        environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "VerySecretValue"
        let withVariable = SourceFingerprint.current(environment: environment, toolConfigPath: configPath)
        #expect(withVariable != base && !withVariable.contains("VerySecret"))

        var seen = Set([withVariable])
        for file in [configPath, home + "/.aliyun/config.json", home + "/.alibabacloud/credentials", home + "/.huaweicloud/credentials"] {
            try writeFile(file, "{}")
            #expect(seen.insert(SourceFingerprint.current(environment: environment, toolConfigPath: configPath)).inserted, "\(file)")
        }
        try writeFile(configPath, "{\"version\": 1}")
        #expect(seen.insert(SourceFingerprint.current(environment: environment, toolConfigPath: configPath)).inserted)
    }
}
