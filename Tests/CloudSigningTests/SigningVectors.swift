import Foundation
import Testing

/// The vectors in Fixtures/signing-vectors.json, written by scripts/gen-signing-vectors from the official SDKs.
struct SigningVectors: Decodable, Sendable {
    struct PercentSample: Decodable, Sendable, CustomTestStringConvertible {
        var input: String
        var rfc3986: String
        var formPlus: String
        var testDescription: String { input.debugDescription }
    }

    struct RPC: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var method: String
        var parameters: [String: String]
        var secret: String
        var spaceEncoding: String
        var canonicalizedQuery: String
        var stringToSign: String
        var signature: String
        var testDescription: String { name }
    }

    struct ROA: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var method: String
        var path: String
        var query: [String: String]
        var headers: [String: String]
        var accessKeyId: String
        var secret: String
        var stringToSign: String
        var signature: String
        var authorization: String
        var testDescription: String { name }
    }

    struct ACS3: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var method: String
        var path: String
        var query: [String: String]
        var headers: [String: String]
        var body: String
        var accessKeyId: String
        var secret: String
        var payloadHashHex: String
        var canonicalRequest: String
        var signedHeaders: String
        var stringToSign: String
        var signature: String
        var authorization: String
        var testDescription: String { name }
    }

    struct Huawei: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var method: String
        var path: String
        var query: [String: String]
        var headers: [String: String]
        var body: String
        var accessKey: String
        var secretKey: String
        var payloadHashHex: String
        var canonicalRequest: String
        var signedHeaders: String
        var stringToSign: String
        var signature: String
        var authorization: String
        var testDescription: String { name }
    }

    struct SWRKey: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var accessKey: String
        var secretKey: String
        var password: String
        var testDescription: String { name }
    }

    var sdkVersions: [String: String]
    var percentEncoding: [PercentSample]
    var rpc: [RPC]
    var roa: [ROA]
    var acs3: [ACS3]
    var huawei: [Huawei]
    var swrLoginKey: [SWRKey]

    struct MissingFixture: Error {}

    static func load() throws -> SigningVectors {
        guard let url = Bundle.module.url(
            forResource: "signing-vectors", withExtension: "json", subdirectory: "Fixtures")
        else { throw MissingFixture() }
        return try JSONDecoder().decode(SigningVectors.self, from: Data(contentsOf: url))
    }

    private static let empty = SigningVectors(
        sdkVersions: [:], percentEncoding: [], rpc: [], roa: [], acs3: [], huawei: [], swrLoginKey: [])

    /// The fixture, or no vectors at all when it cannot be read (``FixtureTests`` then fails loudly).
    static let shared: SigningVectors = (try? load()) ?? empty
}

@Suite struct FixtureTests {
    @Test func fixtureLoadsWithEnoughVectorsPerAlgorithm() throws {
        let vectors = try SigningVectors.load()
        #expect(vectors.rpc.filter { $0.spaceEncoding == "percent20" }.count >= 8)
        #expect(vectors.rpc.filter { $0.spaceEncoding == "plus" }.count >= 8)
        #expect(vectors.rpc.allSatisfy { ["percent20", "plus"].contains($0.spaceEncoding) })
        #expect(vectors.roa.count >= 8)
        #expect(vectors.acs3.count >= 8)
        #expect(vectors.huawei.count >= 8)
        #expect(vectors.swrLoginKey.count >= 8)
        #expect(!vectors.percentEncoding.isEmpty)
    }

    @Test func fixtureRecordsPinnedSDKVersions() throws {
        let versions = try SigningVectors.load().sdkVersions
        #expect(versions["alibabacloud-credentials"] == "1.0.12")
        #expect(versions["alibabacloud-openapi-util"] == "0.2.4")
        #expect(versions["alibabacloud-tea-openapi"] == "0.4.6")
        #expect(versions["huaweicloudsdkcore"] == "3.1.219")
    }
}
