import CloudSigning
import Testing

@Suite struct HuaweiSignerTests {
    @Test(arguments: SigningVectors.shared.huawei)
    func matchesSDK(vector: SigningVectors.Huawei) throws {
        let unsigned = vector.headers.contains {
            $0.key.lowercased() == HuaweiSigner.contentSha256Header.lowercased() && $0.value == HuaweiSigner.unsignedPayload
        }
        let expectedPayload = unsigned && !vector.body.isEmpty
            ? HuaweiSigner.unsignedPayload : ACS3Signer.sha256Hex(vector.body.utf8)
        #expect(vector.payloadHashHex == expectedPayload)

        let canonical = HuaweiSigner.canonicalRequest(
            method: vector.method, path: vector.path, query: vector.query, headers: vector.headers,
            payloadHashHex: vector.payloadHashHex)
        #expect(canonical.request == vector.canonicalRequest)
        #expect(canonical.signedHeaders == vector.signedHeaders)
        let date = try #require(HuaweiSigner.sdkDate(in: vector.headers))
        #expect(HuaweiSigner.stringToSign(canonicalRequest: vector.canonicalRequest, sdkDate: date)
            == vector.stringToSign)
        let authorization = HuaweiSigner.authorization(
            accessKey: vector.accessKey, secretKey: vector.secretKey, method: vector.method, path: vector.path,
            query: vector.query, headers: vector.headers, payloadHashHex: vector.payloadHashHex)
        #expect(authorization == vector.authorization)
        #expect(ParsedAuthorization.parse(authorization) == ParsedAuthorization(
            algorithm: HuaweiSigner.algorithm, accessKeyId: vector.accessKey,
            signedHeaders: vector.signedHeaders.split(separator: ";").map(String.init), signature: vector.signature))
    }

    static let emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    @Test func referenceVectorFromTheRegistryNotes() {
        let headers = [
            "Host": "swr-api.cn-north-4.myhuaweicloud.com", "Content-Type": "application/json",
            "X-Sdk-Date": "20240101T000000Z", "X-Project-Id": "0123456789abcdef0123456789abcdef",
        ]
        let canonical = HuaweiSigner.canonicalRequest(
            method: "POST", path: "/v2/manage/utils/secret", query: ["projectname": "cn-north-4"],
            headers: headers, payloadHashHex: Self.emptyHash)
        #expect(canonical.request == "POST\n/v2/manage/utils/secret/\nprojectname=cn-north-4\n"
            + "content-type:application/json\nhost:swr-api.cn-north-4.myhuaweicloud.com\n"
            + "x-project-id:0123456789abcdef0123456789abcdef\nx-sdk-date:20240101T000000Z\n\n"
            + "content-type;host;x-project-id;x-sdk-date\n\(Self.emptyHash)")
        #expect(HuaweiSigner.stringToSign(canonicalRequest: canonical.request, sdkDate: "20240101T000000Z")
            == "SDK-HMAC-SHA256\n20240101T000000Z\n5e033aeb34ff2196f43f459eeb64954a3f4ae2ae95708e6c147ee523575eacde")
        #expect(HuaweiSigner.authorization(
            accessKey: "AKEXAMPLE0000000000", secretKey: "SKEXAMPLE00000000000000000000000000000000",
            method: "POST", path: "/v2/manage/utils/secret", query: ["projectname": "cn-north-4"],
            headers: headers, payloadHashHex: Self.emptyHash)
            == "SDK-HMAC-SHA256 Access=AKEXAMPLE0000000000, SignedHeaders=content-type;host;x-project-id;"
            + "x-sdk-date, Signature=637d9590a3f877aac3b2e5fbaf66af268a4c4e4d229001b2cddaab651bc6e8fe")
    }

    @Test(arguments: [
        ("", "/"), ("/", "/"), ("/v2", "/v2/"), ("/v2/", "/v2/"), ("v2/x", "v2/x/"),
        ("/a%2Fb/c", "/a/b/c/"), ("/a b/%7E~*", "/a%20b/~~%2A/"), ("/100%/x", "/100%25/x/"), ("//a", "//a/"),
        ("/%C3%28/x", "/%EF%BF%BD%28/x/"),
    ])
    func canonicalURI(path: String, expected: String) {
        #expect(HuaweiSigner.canonicalURI(path) == expected)
    }

    @Test func methodIsUpperCasedAndUnderscoreHeadersSkipped() {
        let canonical = HuaweiSigner.canonicalRequest(
            method: "get", path: "/x", query: ["k": ""], headers: ["X_Skip": "1", "X-Sdk-Date": " d "],
            payloadHashHex: "h")
        #expect(canonical.request == "GET\n/x/\nk=\nx-sdk-date:d\n\nx-sdk-date\nh")
    }

    @Test func noHeadersStillEndsTheBlockWithANewline() {
        let canonical = HuaweiSigner.canonicalRequest(
            method: "GET", path: "/", query: [:], headers: [:], payloadHashHex: "h")
        #expect(canonical.request == "GET\n/\n\n\n\n\nh")
    }

    @Test func sdkDateLookupIgnoresCase() {
        #expect(HuaweiSigner.sdkDate(in: ["x-sdk-date": "20240101T000000Z "]) == "20240101T000000Z")
        #expect(HuaweiSigner.sdkDate(in: ["Host": "h"]) == nil)
    }
}
