import CloudSigning
import Testing

@Suite struct AlibabaROASignerTests {
    @Test(arguments: SigningVectors.shared.roa)
    func matchesSDK(vector: SigningVectors.ROA) {
        let stringToSign = AlibabaROASigner.stringToSign(
            method: vector.method, path: vector.path, query: vector.query, headers: vector.headers)
        #expect(stringToSign == vector.stringToSign)
        #expect(AlibabaROASigner.signature(stringToSign: vector.stringToSign, secret: vector.secret)
            == vector.signature)
        let authorization = AlibabaROASigner.authorization(
            accessKeyId: vector.accessKeyId, secret: vector.secret, method: vector.method, path: vector.path,
            query: vector.query, headers: vector.headers)
        #expect(authorization == vector.authorization)
        #expect(ParsedAuthorization.parse(authorization) == ParsedAuthorization(
            algorithm: "acs", accessKeyId: vector.accessKeyId, signedHeaders: [], signature: vector.signature))
    }

    @Test func referenceVectorFromTheRegistryNotes() {
        let headers = [
            "accept": "application/json", "date": "Mon, 01 Jan 2024 00:00:00 GMT",
            "host": "cr.cn-hangzhou.aliyuncs.com", "x-acs-action": "GetAuthorizationToken",
            "x-acs-signature-method": "HMAC-SHA1", "x-acs-signature-nonce": "abc123",
            "x-acs-signature-version": "1.0", "x-acs-version": "2016-06-07",
        ]
        #expect(AlibabaROASigner.authorization(
            accessKeyId: "LTAIEXAMPLEEXAMPLE000000", secret: "SecretExampleSecretExample0000",
            method: "GET", path: "/tokens", query: [:], headers: headers)
            == "acs LTAIEXAMPLEEXAMPLE000000:rC0wFs83pixojqFcWJE912dLBBI=")
    }

    /// alibabacloud-credentials' `sign_string("123", "secret")` unit test: plain HMAC-SHA1 keyed with the secret.
    @Test func pythonSignStringVector() {
        #expect(AlibabaROASigner.signature(stringToSign: "123", secret: "secret") == "sU6S6xf2t47FogXuDhqyIPt/htc=")
    }

    @Test func headerNamesMayUseAnyCase() {
        let lower = ["accept": "application/json", "date": "D", "x-acs-version": "1", "content-type": "text/plain"]
        let mixed = ["Accept": "application/json", "DATE": "D", "X-Acs-Version": "1", "Content-Type": "text/plain"]
        let expected = "GET\napplication/json\n\ntext/plain\nD\nx-acs-version:1\n/"
        #expect(AlibabaROASigner.stringToSign(method: "GET", path: "/", query: [:], headers: lower) == expected)
        #expect(AlibabaROASigner.stringToSign(method: "GET", path: "/", query: [:], headers: mixed) == expected)
    }

    @Test func canonicalizedResource() {
        #expect(AlibabaROASigner.canonicalizedResource(path: "/a", query: [:]) == "/a")
        #expect(AlibabaROASigner.canonicalizedResource(path: "/a", query: ["b": "", "a": "x y", "C": "1"])
            == "/a?C=1&a=x y&b")
    }
}
