import CloudSigning
import Testing

@Suite struct ParsedAuthorizationTests {
    @Test func parsesACS3() {
        #expect(ParsedAuthorization.parse("ACS3-HMAC-SHA256 Credential=AK1,SignedHeaders=host;x-acs-date,Signature=ab12")
            == ParsedAuthorization(algorithm: "ACS3-HMAC-SHA256", accessKeyId: "AK1",
                                   signedHeaders: ["host", "x-acs-date"], signature: "ab12"))
    }

    @Test func parsesHuawei() {
        #expect(ParsedAuthorization.parse("SDK-HMAC-SHA256 Access=AK2, SignedHeaders=host;x-sdk-date, Signature=cd34")
            == ParsedAuthorization(algorithm: "SDK-HMAC-SHA256", accessKeyId: "AK2",
                                   signedHeaders: ["host", "x-sdk-date"], signature: "cd34"))
    }

    @Test func parsesROA() {
        #expect(ParsedAuthorization.parse("acs LTAIEXAMPLE:rC0wFs83pixojqFcWJE912dLBBI=")
            == ParsedAuthorization(algorithm: "acs", accessKeyId: "LTAIEXAMPLE", signedHeaders: [],
                                   signature: "rC0wFs83pixojqFcWJE912dLBBI="))
    }

    @Test func acceptsAnEmptySignedHeaderList() {
        #expect(ParsedAuthorization.parse("ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=,Signature=ff")?.signedHeaders
            == [])
    }

    @Test(arguments: [
        "", "ACS3-HMAC-SHA256", "ACS3-HMAC-SHA256 ", "Bearer token",
        "ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host",
        "ACS3-HMAC-SHA256 Credential=,SignedHeaders=host,Signature=ff",
        "ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host,Signature=",
        "ACS3-HMAC-SHA256 Credential=AK,Credential=AK,SignedHeaders=host,Signature=ff",
        "ACS3-HMAC-SHA256 Credential=AK,Access=AK,SignedHeaders=host,Signature=ff",
        "ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host,Signature=ff,Extra=1",
        "ACS3-HMAC-SHA256 Credential=AK,,SignedHeaders=host,Signature=ff",
        "acs AK", "acs :sig", "acs AK:", "acs AK: sig",
    ])
    func rejectsMalformedHeaders(header: String) {
        #expect(ParsedAuthorization.parse(header) == nil)
    }

    @Test func constantTimeEquality() {
        #expect(constantTimeEquals("", ""))
        #expect(constantTimeEquals("abc", "abc"))
        #expect(!constantTimeEquals("abc", "abd"))
        #expect(!constantTimeEquals("abc", "ab"))
        #expect(!constantTimeEquals("ab", "abc"))
        #expect(!constantTimeEquals("", "a"))
        #expect(!constantTimeEquals(String(repeating: "a", count: 300), String(repeating: "a", count: 44)))
    }
}
