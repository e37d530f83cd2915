import CloudcredTestSupport
import CloudEmulator
import CredentialsCore
import Foundation
import Testing

@testable import AlibabaCloudCredentials

@Suite("INI profile provider (credentials.ini)")
struct INIProfileProviderTests {
    @Test("access_key with inline # comments (V14): profile/static_ak")
    func accessKeyWithComments() async throws {
        try await withWorld { world in
            try world.home.write(
                ".alibabacloud/credentials.ini",
                "[default]\ntype = access_key   # c\naccess_key_id = iniak # comment\naccess_key_secret = inisk\n")
            let provider = INIProfileProvider(context: world.context())
            #expect(provider.path == world.home.iniPath)
            #expect(provider.profileName == "default")
            let credential = try await provider.credential()
            #expect(credential.accessKeyId == "iniak")
            #expect(credential.accessKeySecret == "inisk")
            #expect(credential.securityToken == nil)
            #expect(credential.providerName == "profile/static_ak")
        }
    }

    @Test("a missing file or section: failed to get credential from credentials file: $<path>")
    func missingFileOrSection() async throws {
        try await withWorld { world in
            let missing = await failure { try await INIProfileProvider(context: world.context()).credential() }
            #expect(missing?.message == "failed to get credential from credentials file: $\(world.home.iniPath)")

            try world.home.write(".alibabacloud/credentials.ini", "[other]\ntype = access_key\n")
            let noSection = await failure { try await INIProfileProvider(context: world.context()).credential() }
            #expect(noSection?.message == "failed to get credential from credentials file: $\(world.home.iniPath)")

            // ALIBABA_CLOUD_PROFILE set but empty selects the section "", which never exists (as Python).
            try world.home.write(".alibabacloud/credentials.ini", "[default]\ntype = access_key\naccess_key_id = a\naccess_key_secret = b\n")
            let emptyName = INIProfileProvider(context: world.context(["ALIBABA_CLOUD_PROFILE": ""]))
            #expect(emptyName.profileName == "")
            let error = await failure { try await emptyName.credential() }
            #expect(error?.message == "failed to get credential from credentials file: $\(world.home.iniPath)")
            #expect(error?.hint?.contains("set but empty") == true)
        }
    }

    @Test("the section comes from the parameter, then ALIBABA_CLOUD_PROFILE; the file from the parameter, then ALIBABA_CLOUD_CREDENTIALS_FILE")
    func selection() async throws {
        try await withWorld { world in
            let custom = try world.home.write(
                "custom.ini", "[p1]\ntype = access_key\naccess_key_id = id1\naccess_key_secret = s1\n[p2]\ntype = access_key\naccess_key_id = id2\naccess_key_secret = s2\n")
            let env = ["ALIBABA_CLOUD_CREDENTIALS_FILE": custom, "ALIBABA_CLOUD_PROFILE": "p2"]
            #expect(try await INIProfileProvider(context: world.context(env)).credential().accessKeyId == "id2")
            #expect(try await INIProfileProvider(profileName: "p1", context: world.context(env)).credential().accessKeyId == "id1")
            let explicit = INIProfileProvider(profileFile: custom, profileName: "p1", context: world.context())
            #expect(explicit.path == custom)
            #expect(try await explicit.credential().accessKeyId == "id1")
            // An empty ALIBABA_CLOUD_CREDENTIALS_FILE means the default path.
            #expect(INIProfileProvider(context: world.context(["ALIBABA_CLOUD_CREDENTIALS_FILE": ""])).path == world.home.iniPath)
        }
    }

    @Test("unsupported or missing type: unsupported credential type <t> from credentials file <path>")
    func unsupportedType() async throws {
        try await withWorld { world in
            try world.home.write(".alibabacloud/credentials.ini", "[client2]\ntype = bearer\n[notype]\naccess_key_id = a\n")
            let bearer = await failure { try await INIProfileProvider(profileName: "client2", context: world.context()).credential() }
            #expect(bearer?.message == "unsupported credential type bearer from credentials file \(world.home.iniPath)")
            let none = await failure { try await INIProfileProvider(profileName: "notype", context: world.context()).credential() }
            #expect(none?.message == "unsupported credential type None from credentials file \(world.home.iniPath)")
        }
    }

    @Test("configparser rules: DEFAULT inherited (not selectable), keys lower-cased, %% and %(name)s; a lone % is kept")
    func configParserRules() async throws {
        try await withWorld { world in
            try world.home.write(
                ".alibabacloud/credentials.ini",
                """
                [DEFAULT]
                type = access_key
                prefix = LTAI
                [default]
                Access_Key_ID = %(prefix)sini
                access_key_secret = a%b%%c
                """)
            let credential = try await INIProfileProvider(context: world.context()).credential()
            #expect(credential.accessKeyId == "LTAIini")
            #expect(credential.accessKeySecret == "a%b%c")
            let error = await failure { try await INIProfileProvider(profileName: "DEFAULT", context: world.context()).credential() }
            #expect(error?.message == "failed to get credential from credentials file: $\(world.home.iniPath)")
        }
    }

    @Test("a # inside a value truncates it, a ; is kept (as the Python library)")
    func hashTruncates() async throws {
        try await withWorld { world in
            try world.home.write(".alibabacloud/credentials.ini", "[default]\ntype=access_key\naccess_key_id=id;x\naccess_key_secret=abc#def\n")
            let credential = try await INIProfileProvider(context: world.context()).credential()
            #expect(credential.accessKeyId == "id;x")
            #expect(credential.accessKeySecret == "abc")
        }
    }

    @Test("a broken file fails with one line naming the file and the line, never quoting the content")
    func parseErrors() async throws {
        try await withWorld { world in
            try world.home.write(".alibabacloud/credentials.ini", "[default]\ntype = access_key\n[default]\n")
            let duplicate = await failure { try await INIProfileProvider(context: world.context()).credential() }
            #expect(duplicate?.message
                == "failed to parse credentials file \(world.home.iniPath), line 3: section 'default' already exists (DuplicateSectionError)")

            try world.home.write(".alibabacloud/credentials.ini", "access_key_secret = TopSecretValue\n[default]\n")
            let noHeader = await failure { try await INIProfileProvider(context: world.context()).credential() }
            let message = try #require(noHeader?.message)
            #expect(message.hasPrefix("failed to parse credentials file \(world.home.iniPath), line 1: "))
            #expect(message.hasSuffix("(MissingSectionHeaderError)"))
            #expect(!message.contains("TopSecretValue"))
            #expect(!message.contains("\n"))

            try world.home.write(".alibabacloud/credentials.ini", "[default]\ntype = access_key\nTopSecretValue\n")
            let junk = await failure { try await INIProfileProvider(context: world.context()).credential() }
            #expect(junk?.message.hasPrefix("failed to parse credentials file \(world.home.iniPath), line 3: ") == true)
            #expect(junk?.message.contains("TopSecretValue") == false)
        }
    }

    @Test("the inner provider is built once and kept, even when the file changes afterwards")
    func innerProviderKept() async throws {
        try await withWorld { world in
            try world.home.write(".alibabacloud/credentials.ini", "[default]\ntype = access_key\naccess_key_id = first\naccess_key_secret = s\n")
            let provider = INIProfileProvider(context: world.context())
            #expect(try await provider.credential().accessKeyId == "first")
            try world.home.write(".alibabacloud/credentials.ini", "[default]\ntype = access_key\naccess_key_id = second\naccess_key_secret = s\n")
            #expect(try await provider.credential().accessKeyId == "first")
            world.home.remove(".alibabacloud/credentials.ini")
            #expect(try await provider.credential().accessKeyId == "first")
        }
    }

    @Test("ram_role_arn type: profile/ram_role_arn/static_ak; a RAM role chained on top of it uses its STS credentials")
    func ramRoleAndChaining() async throws {
        try await withWorld { world in
            try world.home.write(
                ".alibabacloud/credentials.ini",
                """
                [default]
                type = ram_role_arn
                access_key_id = \(Standard.accessKeyId)
                access_key_secret = \(Standard.secret)
                role_arn = \(Standard.roleArn)
                role_session_name = ini-session
                """)
            let ini = INIProfileProvider(context: world.context())
            let credential = try await ini.credential()
            #expect(credential.providerName == "profile/ram_role_arn/static_ak")
            #expect(credential.securityToken?.isEmpty == false)
            #expect(world.records(.sts).first?.queryValue("RoleSessionName") == "ini-session")

            let chained = try RAMRoleARNProvider(source: ini, roleARN: Standard.roleArn, roleSessionName: "chained", context: world.context())
            let top = try await chained.credential()
            #expect(top.providerName == "ram_role_arn/profile/ram_role_arn/static_ak")
            let second = try #require(world.records(.sts).last)
            #expect(second.status == 200)
            #expect(second.queryValue("AccessKeyId") == credential.accessKeyId)
            #expect(second.queryValue("SecurityToken") == RecordedRequest.mask(credential.securityToken ?? ""))
            #expect(world.emulator.requestCount(.sts) == 2)
        }
    }

    @Test("oidc_role_arn, ecs_ram_role and rsa_key_pair types")
    func otherTypes() async throws {
        try await withWorld { world in
            let tokenFile = try world.home.write("token", "eyJ.ini\n")
            let keyFile = try world.home.write("key.pem", Standard.privateKey)
            try world.home.write(
                ".alibabacloud/credentials.ini",
                """
                [oidc]
                type = oidc_role_arn
                role_arn = \(Standard.roleArn)
                oidc_provider_arn = \(Standard.oidcProviderArn)
                oidc_token_file_path = \(tokenFile)
                role_session_name = ini-oidc
                [ecs]
                type = ecs_ram_role
                role_name = \(Standard.ecsRole)
                [rsa]
                type = rsa_key_pair
                public_key_id = \(Standard.publicKeyId)
                private_key_file = \(keyFile)
                """)
            let oidc = try await INIProfileProvider(profileName: "oidc", context: world.context()).credential()
            #expect(oidc.providerName == "profile/oidc_role_arn")
            #expect(world.records(.sts).first?.queryValue("OIDCToken") == RecordedRequest.mask("eyJ.ini"))
            let ecs = try await INIProfileProvider(profileName: "ecs", context: world.context()).credential()
            #expect(ecs.providerName == "profile/ecs_ram_role")
            #expect(world.emulator.requestCount(.ecsMetadata) == 2)
            let rsa = try await INIProfileProvider(profileName: "rsa", context: world.context()).credential()
            #expect(rsa.providerName == "profile/rsa_key_pair")
            #expect(rsa.securityToken == nil)
        }
    }

    @Test("V16: ecs_ram_role with ECS disabled: IMDS credentials is disabled; inner errors propagate unchanged")
    func innerErrors() async throws {
        try await withWorld { world in
            try world.home.write(".alibabacloud/credentials.ini", "[client1]\ntype = ecs_ram_role\n[ak]\ntype = access_key\naccess_key_id = x\n")
            let context = world.context(["ALIBABA_CLOUD_ECS_METADATA_DISABLED": "true"])
            let ecs = await failure { try await INIProfileProvider(profileName: "client1", context: context).credential() }
            #expect(ecs?.message == "IMDS credentials is disabled")
            let ak = await failure { try await INIProfileProvider(profileName: "ak", context: context).credential() }
            #expect(ak?.message == "the access key secret is empty")
        }
    }
}
