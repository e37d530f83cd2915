import CloudcredTestSupport
import CloudEmulator
import CredentialsCore
import Foundation
import Testing

@testable import AlibabaCloudCredentials

@Suite("RSA key pair provider")
struct RSAKeyPairProviderTests {
    @Test("P13: GenerateSessionAccessKey at sts.ap-northeast-1, signed with the key file content; no security token")
    func success() async throws {
        try await withWorld { world in
            let keyFile = try world.home.write("key.pem", Standard.privateKey)
            let provider = try RSAKeyPairProvider(publicKeyId: Standard.publicKeyId, privateKeyFile: keyFile, context: world.context())
            #expect(provider.endpoint == "sts.ap-northeast-1.aliyuncs.com")
            let credential = try await provider.credential()
            #expect(credential.providerName == "rsa_key_pair")
            #expect(credential.securityToken == nil)
            #expect(credential.expiration == world.clock.now().addingTimeInterval(3600))

            let record = try #require(world.records(.sts).first)
            #expect(record.status == 200)
            #expect(record.host == "sts.ap-northeast-1.aliyuncs.com")
            #expect(record.queryNames == [
                "Action", "Format", "Version", "DurationSeconds", "SignatureMethod", "SignatureVersion", "Timestamp", "SignatureNonce",
                "AccessKeyId", "Signature",
            ])
            #expect(record.queryValue("Action") == "GenerateSessionAccessKey")
            #expect(record.queryValue("AccessKeyId") == Standard.publicKeyId)
            _ = try await provider.credential()
            #expect(world.emulator.requestCount(.sts) == 1)
        }
    }

    @Test("validation order: duration, public key id, key file path, then the file is read at construction")
    func validation() async throws {
        try await withWorld { world in
            let context = world.context()
            let emptyKey = try world.home.write("empty.pem", "")
            let cases: [(() throws -> RSAKeyPairProvider, String, CredentialsError.Code)] = [
                ({ try RSAKeyPairProvider(publicKeyId: nil, privateKeyFile: nil, durationSeconds: 899, context: context) },
                 "session duration should be in the range of 900s - max session duration", .invalidArgument),
                ({ try RSAKeyPairProvider(publicKeyId: "", privateKeyFile: "x", context: context) }, "public_key_id cannot be empty", .invalidArgument),
                ({ try RSAKeyPairProvider(publicKeyId: "p", privateKeyFile: nil, context: context) }, "private_key_file cannot be empty", .invalidArgument),
                ({ try RSAKeyPairProvider(publicKeyId: "p", privateKeyFile: "/nonexistent/key.pem", context: context) },
                 "[Errno 2] No such file or directory: '/nonexistent/key.pem'", .file),
                ({ try RSAKeyPairProvider(publicKeyId: "p", privateKeyFile: emptyKey, context: context) }, "private_key cannot be empty", .invalidArgument),
            ]
            for (make, message, code) in cases {
                let error = failure(sync: make)
                #expect(error?.message == message)
                #expect(error?.code == code)
            }
        }
    }

    @Test("the key file is read once, at construction")
    func readsKeyOnce() async throws {
        try await withWorld { world in
            let keyFile = try world.home.write("key.pem", Standard.privateKey)
            let provider = try RSAKeyPairProvider(publicKeyId: Standard.publicKeyId, privateKeyFile: keyFile, context: world.context())
            world.home.remove("key.pem")
            _ = try await provider.credential()
        }
    }

    @Test("a wrong key: error refreshing credentials from rsa_key_pair, http_code: 400 (SignatureDoesNotMatch)")
    func wrongKey() async throws {
        try await withWorld { world in
            let keyFile = try world.home.write("key.pem", "not the key")
            let provider = try RSAKeyPairProvider(publicKeyId: Standard.publicKeyId, privateKeyFile: keyFile, context: world.context())
            let error = await failure { try await provider.credential() }
            let message = try #require(error?.message)
            #expect(message.hasPrefix("error refreshing credentials from rsa_key_pair, http_code: 400, result: {"))
            #expect(message.contains("SignatureDoesNotMatch"))
            #expect(!message.contains("not the key"))
        }
    }

    @Test("an answer without SessionAccessKeyId: error retrieving credentials from rsa_key_pair result: … (secret masked)")
    func missingField() async throws {
        try await withWorld { world in
            world.emulator.addFault(FaultRule(endpoint: .sts, action: "GenerateSessionAccessKey", effect: .missingFields(["SessionAccessKeyId"])))
            let keyFile = try world.home.write("key.pem", Standard.privateKey)
            let provider = try RSAKeyPairProvider(publicKeyId: Standard.publicKeyId, privateKeyFile: keyFile, context: world.context())
            let error = await failure { try await provider.credential() }
            let message = try #require(error?.message)
            #expect(message.hasPrefix("error retrieving credentials from rsa_key_pair result: {"))
            let issued = try #require(world.emulator.issuedCredentials().first)
            #expect(!message.contains(issued.accessKeySecret))
        }
    }

    @Test("region and VPC settings, an explicit endpoint and the duration are honoured")
    func endpointAndDuration() async throws {
        try await withWorld { world in
            let keyFile = try world.home.write("key.pem", Standard.privateKey)
            let regional = try RSAKeyPairProvider(
                publicKeyId: Standard.publicKeyId, privateKeyFile: keyFile, durationSeconds: 1800,
                context: world.context(["ALIBABA_CLOUD_STS_REGION": "cn-beijing", "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED": "true"]))
            #expect(regional.endpoint == "sts-vpc.cn-beijing.aliyuncs.com")
            _ = try await regional.credential()
            let record = try #require(world.records(.sts).last)
            #expect(record.host == "sts-vpc.cn-beijing.aliyuncs.com")
            #expect(record.queryValue("DurationSeconds") == "1800")
            let explicit = try RSAKeyPairProvider(
                publicKeyId: Standard.publicKeyId, privateKeyFile: keyFile, stsEndpoint: "sts.cn-hangzhou.aliyuncs.com", context: world.context())
            _ = try await explicit.credential()
            #expect(world.records(.sts).last?.host == "sts.cn-hangzhou.aliyuncs.com")
        }
    }
}
