import CloudSigning
import Testing

@Suite struct AlibabaRPCSignerTests {
    @Test(arguments: SigningVectors.shared.rpc)
    func matchesSDK(vector: SigningVectors.RPC) throws {
        let encoding: RPCSpaceEncoding = vector.spaceEncoding == "plus" ? .plus : .percent20
        #expect(AlibabaRPCSigner.canonicalizedQuery(vector.parameters, spaceEncoding: encoding)
            == vector.canonicalizedQuery)
        let stringToSign = AlibabaRPCSigner.stringToSign(
            method: vector.method, parameters: vector.parameters, spaceEncoding: encoding)
        #expect(stringToSign == vector.stringToSign)
        #expect(AlibabaRPCSigner.signature(stringToSign: vector.stringToSign, secret: vector.secret)
            == vector.signature)
        #expect(AlibabaRPCSigner.sign(
            method: vector.method, parameters: vector.parameters, secret: vector.secret, spaceEncoding: encoding)
            == vector.signature)
    }

    static let acrParameters = [
        "AccessKeyId": "LTAIEXAMPLEEXAMPLE000000", "Action": "GetAuthorizationToken", "Format": "JSON",
        "InstanceId": "cri-example0000000", "RegionId": "cn-hangzhou", "SignatureMethod": "HMAC-SHA1",
        "SignatureNonce": "abc123", "SignatureVersion": "1.0", "Timestamp": "2024-01-01T00:00:00Z",
        "Version": "2018-12-01",
    ]

    @Test func referenceVectorFromTheRegistryNotes() {
        #expect(AlibabaRPCSigner.sign(
            method: "GET", parameters: Self.acrParameters, secret: "SecretExampleSecretExample0000")
            == "JaPR1Kol0IMkKZ0Rgmdqs6Js5FU=")
    }

    @Test func pythonWorkedVector() {
        let parameters = [
            "Action": "AssumeRole", "Format": "JSON", "Version": "2015-04-01", "DurationSeconds": "3600",
            "RoleArn": "acs:ram::123456:role/test role", "RoleSessionName": "my session",
            "SignatureMethod": "HMAC-SHA1", "SignatureVersion": "1.0", "Timestamp": "2024-01-02T03:04:05Z",
            "SignatureNonce": "11111111-2222-3333-4444-555555555555",
            "Policy": #"{"Statement": [{"Action": ["*"],"Effect": "Allow","Resource": ["*"]}],"Version":"1"}"#,
            "ExternalId": "ext~id*", "AccessKeyId": "AKID",
        ]
        #expect(AlibabaRPCSigner.sign(method: "GET", parameters: parameters, secret: "SECRET", spaceEncoding: .plus)
            == "GJYIs/+2LY1XhMm2l+M/G/tvNPQ=")
        let standard = AlibabaRPCSigner.stringToSign(method: "GET", parameters: parameters)
        #expect(standard.contains("RoleSessionName%3Dmy%2520session"))
        #expect(!standard.contains("%2B"))
    }

    @Test func emptyQuery() {
        #expect(AlibabaRPCSigner.stringToSign(method: "GET", parameters: [:]) == "GET&%2F&")
        #expect(AlibabaRPCSigner.stringToSign(method: "GET", parameters: [:], spaceEncoding: .plus) == "GET&%2F&")
    }

    @Test func signatureParameterIsLeftOut() {
        var parameters = Self.acrParameters
        parameters["Signature"] = "JaPR1Kol0IMkKZ0Rgmdqs6Js5FU="
        #expect(AlibabaRPCSigner.stringToSign(method: "GET", parameters: parameters)
            == AlibabaRPCSigner.stringToSign(method: "GET", parameters: Self.acrParameters))
        #expect(!AlibabaRPCSigner.canonicalizedQuery(parameters, spaceEncoding: .percent20).contains("Signature="))
        #expect(AlibabaRPCSigner.canonicalizedQuery(parameters, spaceEncoding: .percent20)
            .contains("SignatureNonce=abc123"))
    }

    @Test func spaceEncodingsDifferOnlyForSpaces() {
        let parameters = ["A": "x y", "B": "*~/"]
        #expect(AlibabaRPCSigner.canonicalizedQuery(parameters, spaceEncoding: .percent20) == "A=x%20y&B=%2A~%2F")
        #expect(AlibabaRPCSigner.canonicalizedQuery(parameters, spaceEncoding: .plus) == "A=x+y&B=%2A~%2F")
    }

    @Test func sortsKeysByCodePoint() {
        let query = AlibabaRPCSigner.canonicalizedQuery(["b": "1", "B": "2", "a": "3", "é": "4", "~": "5"],
                                                        spaceEncoding: .percent20)
        #expect(query == "B=2&a=3&b=1&~=5&%C3%A9=4")
    }
}
