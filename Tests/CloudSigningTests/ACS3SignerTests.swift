import CloudSigning
import Testing

@Suite struct ACS3SignerTests {
    @Test(arguments: SigningVectors.shared.acs3)
    func matchesSDK(vector: SigningVectors.ACS3) {
        #expect(ACS3Signer.sha256Hex(vector.body.utf8) == vector.payloadHashHex)
        let canonical = ACS3Signer.canonicalRequest(
            method: vector.method, path: vector.path, query: vector.query, headers: vector.headers,
            payloadHashHex: vector.payloadHashHex)
        #expect(canonical.request == vector.canonicalRequest)
        #expect(canonical.signedHeaders == vector.signedHeaders)
        #expect(ACS3Signer.stringToSign(canonicalRequest: vector.canonicalRequest) == vector.stringToSign)
        let authorization = ACS3Signer.authorization(
            accessKeyId: vector.accessKeyId, secret: vector.secret, method: vector.method, path: vector.path,
            query: vector.query, headers: vector.headers, payloadHashHex: vector.payloadHashHex)
        #expect(authorization == vector.authorization)
        #expect(ParsedAuthorization.parse(authorization) == ParsedAuthorization(
            algorithm: ACS3Signer.algorithm, accessKeyId: vector.accessKeyId,
            signedHeaders: vector.signedHeaders.split(separator: ";").map(String.init), signature: vector.signature))
    }

    static let emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    @Test func referenceVectorFromTheRegistryNotes() {
        let headers = [
            "host": "cr.cn-hangzhou.aliyuncs.com", "x-acs-action": "GetAuthorizationToken",
            "x-acs-version": "2018-12-01", "x-acs-date": "2024-01-01T00:00:00Z",
            "x-acs-signature-nonce": "3156853299f313e23d1673dc12e1703d", "x-acs-content-sha256": Self.emptyHash,
        ]
        let canonical = ACS3Signer.canonicalRequest(
            method: "POST", path: "/", query: ["InstanceId": "cri-example0000000"], headers: headers,
            payloadHashHex: Self.emptyHash)
        #expect(ACS3Signer.stringToSign(canonicalRequest: canonical.request)
            == "ACS3-HMAC-SHA256\ne9e2eda49857f2483eda9bd0c6e2a2d0684dbd14a5510616aed039ce774daa33")
        #expect(ACS3Signer.authorization(
            accessKeyId: "LTAIEXAMPLEEXAMPLE000000", secret: "SecretExampleSecretExample0000", method: "POST",
            path: "/", query: ["InstanceId": "cri-example0000000"], headers: headers, payloadHashHex: Self.emptyHash)
            == "ACS3-HMAC-SHA256 Credential=LTAIEXAMPLEEXAMPLE000000,SignedHeaders=host;x-acs-action;"
            + "x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
            + "Signature=9a6321fe36daf6b2572245c44d6c90ae045c35720c41e11bc52e8248178e535f")
    }

    @Test func emptyBodyHash() {
        #expect(ACS3Signer.sha256Hex([UInt8]()) == Self.emptyHash)
        #expect(ACS3Signer.sha256Hex("abc".utf8)
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func canonicalLayout() {
        let canonical = ACS3Signer.canonicalRequest(
            method: "GET", path: "", query: ["b": "", "a b": "c*d"],
            headers: ["Host": " h ", "X-Acs-Meta": "2", "x-acs-meta": "1", "x-acs-z": "\u{1C}trimmed\u{A0}"],
            payloadHashHex: "hash")
        // Keys are RFC 3986-encoded too (the Python SDK leaves keys unencoded; they agree for ordinary keys).
        #expect(canonical.request
            == "GET\n/\na%20b=c%2Ad&b=\nhost:h\nx-acs-meta:1,2\nx-acs-z:trimmed\n\nhost;x-acs-meta;x-acs-z\nhash")
        #expect(canonical.signedHeaders == "host;x-acs-meta;x-acs-z")
    }

    @Test func noHeadersAndNoQuery() {
        let canonical = ACS3Signer.canonicalRequest(
            method: "GET", path: "/x", query: [:], headers: [:], payloadHashHex: Self.emptyHash)
        #expect(canonical.request == "GET\n/x\n\n\n\n\(Self.emptyHash)")
        #expect(canonical.signedHeaders == "")
    }
}
