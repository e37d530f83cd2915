import CloudcredTestSupport
import CloudEmulator
import CredentialsCore
import Foundation
import Testing

@testable import HuaweiCloudCredentials

@Suite("Huawei credentials chain")
struct HuaweiCredentialsChainTests {
    static let env = ["HUAWEICLOUD_SDK_AK": "ENVAK", "HUAWEICLOUD_SDK_SK": "env-secret", "HUAWEICLOUD_SDK_PROJECT_ID": "envproject"]
    static let metadataOff = ["HUAWEICLOUD_SDK_METADATA_DISABLED": "true"]

    func writeProfile(_ world: HuaweiWorld) throws {
        try world.home.write(".huaweicloud/credentials", "[basic]\nak = FILEAK\nsk = file-secret\nproject_id = fileproject\n")
    }

    @Test("the environment wins over the profile file and the metadata service")
    func environmentFirst() async throws {
        try await withHuaweiWorld { world in
            try writeProfile(world)
            let value = try await world.chain(Self.env).huaweiCredential()
            #expect(value.credential.accessKeyId == "ENVAK")
            #expect(value.credential.providerName == "huaweicloud/env")
            #expect(value.projectId == "envproject")
            #expect(world.records().isEmpty)
        }
    }

    @Test("then the profile file")
    func profileSecond() async throws {
        try await withHuaweiWorld { world in
            try writeProfile(world)
            let value = try await world.chain().huaweiCredential()
            #expect(value.credential.accessKeyId == "FILEAK")
            #expect(value.credential.providerName == "huaweicloud/profile")
            #expect(value.projectId == "fileproject")
            #expect(world.records().isEmpty)
        }
    }

    @Test("then the metadata service; the source that answered is remembered and asked alone")
    func metadataLastAndRemembered() async throws {
        try await withHuaweiWorld { world in
            let chain = world.chain()
            let first = try await chain.credential()
            #expect(first.providerName == "huaweicloud/metadata")
            #expect(first.securityToken?.isEmpty == false)
            // A profile file appearing now does not change the remembered source.
            try writeProfile(world)
            let second = try await chain.credential()
            #expect(second == first)
            #expect(world.records().count == 2)
        }
    }

    @Test("nothing anywhere: one error listing every source, with the set-up hint, and no network with metadata off")
    func exhausted() async throws {
        try await withHuaweiWorld { world in
            let error = await failure { try await world.chain(Self.metadataOff).credential() }
            #expect(error?.code == .chainExhausted)
            #expect(error?.message == "no Huawei Cloud credentials found; tried "
                + "EnvCredentialProvider: HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are not set; "
                + "ProfileCredentialProvider: credentials file \(world.home.credentialsPath) does not exist; "
                + "MetadataCredentialProvider: the Huawei ECS metadata service is disabled by HUAWEICLOUD_SDK_METADATA_DISABLED=true")
            #expect(error?.hint == HuaweiCredentialsChain.setupHint)
            #expect(world.records().isEmpty)
        }
    }

    @Test("a broken source's hint wins over the set-up hint; a failing metadata service is listed")
    func brokenSourceHint() async throws {
        try await withHuaweiWorld(.huawei(.off)) { world in
            let error = await failure { try await world.chain(["HUAWEICLOUD_SDK_AK": "ONLYAK"]).credential() }
            #expect(error?.message.contains("EnvCredentialProvider: HUAWEICLOUD_SDK_AK is set but HUAWEICLOUD_SDK_SK is missing") == true)
            #expect(error?.message.contains("MetadataCredentialProvider: the session token request") == false)
            #expect(error?.message.contains("securitykey failed with HTTP 404") == true)
            #expect(error?.hint?.contains("set HUAWEICLOUD_SDK_SK") == true)
        }
    }
}
