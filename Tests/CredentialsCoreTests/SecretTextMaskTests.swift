import CredentialsCore
import Testing

@Suite("Secret values in text that is not JSON")
struct SecretTextMaskTests {
    /// Samples as (text, expected). Not test arguments: Swift Testing prints those, and the leak scan of the whole
    /// run (scripts/leak-scan) would rightly flag the secret-shaped samples in its output.
    static let samples: [(String, String)] = [
        (#"{"Credentials": {"AccessKeySecret": "CanarySecret123", "SecurityToken": "CAISCanary"#, #"{"Credentials": {"AccessKeySecret": "******", "SecurityToken": "******"#),
        (#"{"authorizationToken" :"eyJhbGciOi\"x\"Canary","x":1"#, #"{"authorizationToken" :"******","x":1"#),
        ("<AssumeRoleResponse><AccessKeySecret>CanarySecret123</AccessKeySecret><SecurityToken>CAIS", "<AssumeRoleResponse><AccessKeySecret>******</AccessKeySecret><SecurityToken>******"),
        ("Action=AssumeRole&Signature=abc%2Bdef&SignatureNonce=1", "Action=AssumeRole&Signature=******&SignatureNonce=******"),
        ("Authorization: ACS3-HMAC-SHA256 Credential=LTAI,Signature=ff\nHost: sts", "Authorization: ******\nHost: sts"),
        (#"{"auths": {"r.example": {"auth": "dXNlcjpDYW5hcnk="#, #"{"auths": {"r.example": {"auth": "******"#),
    ]

    @Test("every shape of a secret-looking key is masked, to the end of a cut-off body")
    func masks() {
        for (text, expected) in Self.samples {
            #expect(SecretTextMask.mask(text) == expected)
        }
    }

    @Test("text without secret-looking keys is unchanged, messages and codes included")
    func keepsOrdinaryText() {
        let text = #"<html><h1>502 Bad Gateway</h1></html> {"Code": "InvalidSecurityToken.Expired", "Message": "the token expired", "RequestId": "1"#
        #expect(SecretTextMask.mask(text) == text)
    }

    @Test("SafeBody masks a truncated credentials answer instead of quoting it")
    func safeBodyMasksTruncatedJSON() {
        let body = #"{"RequestId": "A1", "Credentials": {"AccessKeyId": "STS.NUx", "AccessKeySecret": "TruncatedCanarySecret", "SecurityToken": "CAISTruncatedCanary"#
        let rendered = SafeBody.render(Array(body.utf8))
        #expect(!rendered.contains("TruncatedCanary"))
        #expect(rendered.hasSuffix("; RequestId: A1"))
    }
}

@Suite("Secret values quoted inside JSON messages")
struct SafeBodyMessageTests {
    @Test("F6: a Message that echoes the request or the string to sign is masked; the rest is kept")
    func messageEchoesAreMasked() {
        let body = #"{"Code": "SignatureDoesNotMatch", "RequestId": "R1", "Message": "Specified signature is not matched with our calculation. server string to sign is:GET&%2F&AccessKeyId%3DSTS.x%26SecurityToken%3DCAISCanaryToken%26SignatureMethod%3DHMAC-SHA1", "Echo": "Authorization: Bearer CanaryBearer"}"#
        let rendered = SafeBody.render(Array(body.utf8))
        #expect(!rendered.contains("CAISCanaryToken"))
        #expect(!rendered.contains("CanaryBearer"))
        #expect(rendered.contains("SignatureDoesNotMatch") && rendered.contains("R1") && rendered.contains("server string to sign is"))
    }
}

@Suite("JSON that does not parse, in error messages")
struct BrokenJSONSummaryTests {
    @Test("a garbled credentials answer shows its size and error members only (fuzz finding in FuzzOAuthResponse)")
    func garbledKeys() {
        let body = #"{"access_token": "CanaryAccess", "ref"CanaryAccessresh_token": "CanaryRefreshTokenValue", "Code": "Throttling", "RequestId": "R9", "#
        let rendered = SafeBody.render(Array(body.utf8))
        #expect(!rendered.contains("Canary"))
        #expect(rendered == "JSON that does not parse (\(body.utf8.count) bytes); Code: Throttling, RequestId: R9")
    }

    @Test("HTML and plain text keep the masked-excerpt form")
    func plainText() {
        #expect(SafeBody.render(Array("<html>502 Bad Gateway</html>".utf8)) == "<html>502 Bad Gateway</html>")
    }
}
