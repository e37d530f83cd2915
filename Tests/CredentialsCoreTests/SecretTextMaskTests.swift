import CredentialsCore
import Testing

@Suite("Secret values in text that is not JSON")
struct SecretTextMaskTests {
    @Test(
        "every shape of a secret-looking key is masked, to the end of a cut-off body",
        arguments: [
            (#"{"Credentials": {"AccessKeySecret": "CanarySecret123", "SecurityToken": "CAISCanary"#, #"{"Credentials": {"AccessKeySecret": "******", "SecurityToken": "******"#),
            (#"{"authorizationToken" :"eyJhbGciOi\"x\"Canary","x":1"#, #"{"authorizationToken" :"******","x":1"#),
            ("<AssumeRoleResponse><AccessKeySecret>CanarySecret123</AccessKeySecret><SecurityToken>CAIS", "<AssumeRoleResponse><AccessKeySecret>******</AccessKeySecret><SecurityToken>******"),
            ("Action=AssumeRole&Signature=abc%2Bdef&SignatureNonce=1", "Action=AssumeRole&Signature=******&SignatureNonce=******"),
            ("Authorization: ACS3-HMAC-SHA256 Credential=LTAI,Signature=ff\nHost: sts", "Authorization: ******\nHost: sts"),
            (#"{"auths": {"r.example": {"auth": "dXNlcjpDYW5hcnk="#, #"{"auths": {"r.example": {"auth": "******"#),
        ])
    func masks(text: String, expected: String) {
        #expect(SecretTextMask.mask(text) == expected)
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
        #expect(rendered.contains(#""RequestId": "A1""#))
    }
}
