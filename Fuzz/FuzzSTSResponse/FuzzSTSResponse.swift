import AlibabaCloudCredentials
import CredentialsCore
import FuzzHTTPSupport
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func libFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzSTSResponse.libFuzzerEntry(data, size)
}

#if !CLOUDCRED_FUZZING
@main extension FuzzSTSResponse {}
#endif

/// The STS `AssumeRole` answer, read by `RAMRoleARNProvider` (AlibabaCloudCredentials; the OIDC and RSA key-pair
/// providers share its reader) from a canned answer (`CannedResponses`: a body, or `HTTP <status>` and headers).
///
/// Invariants: a failure is a `CredentialsError` that quotes none of the answer's secrets (`AccessKeySecret`,
/// `SecurityToken`, …) nor the secret that signed the request; a success returns exactly the answer's
/// `Credentials`, with its `Expiration`, and its description shows no secret.
enum FuzzSTSResponse: FuzzTarget {
    static let signingSecret = "FuzzSourceSecretNotReal01"

    static func test(_ input: [UInt8]) {
        let outcome = assumeRole(input)
        let text = ProviderHarness.errorText(outcome)
        SecretLeaks.check(input, text: text, tolerated: KnownLeaks.all) { ProviderHarness.errorText(assumeRole($0)) }
        if let text { Invariant.check(!text.contains(signingSecret), "the signing secret appears in \(Quoted(text))") }
        guard case .success(let credential) = outcome else { return }
        guard case .response(let response)? = CannedResponses.parse(input).first,
              let document = try? JSONValue.parse(response.body), let answer = document["Credentials"]
        else {
            Invariant.check(false, "credentials from an answer without Credentials")
            return
        }
        Invariant.check(response.status == 200, "credentials from HTTP \(response.status)")
        Invariant.check(
            credential.accessKeyId == answer["AccessKeyId"]?.stringValue && credential.accessKeySecret == answer["AccessKeySecret"]?.stringValue
                && credential.securityToken == answer["SecurityToken"]?.stringValue, "the credential differs from the answer")
        let expiration = answer["Expiration"]?.stringValue.flatMap(TimeFormat.parseISO8601)
        Invariant.check(expiration != nil && credential.expiration == expiration, "the expiration differs from the answer")
    }

    static func assumeRole(_ input: [UInt8]) -> Result<Credential, CredentialsError> {
        let context = ProviderHarness.context(transport: CannedTransport(input: input))
        do {
            let source = try StaticAKProvider(accessKeyId: "LTAIExampleFuzzSourceId01", accessKeySecret: signingSecret, environment: context.environment)
            let provider = try RAMRoleARNProvider(
                source: source, roleARN: "acs:ram::1234567890123456:role/fuzz", roleSessionName: "fuzz", context: context)
            return ProviderHarness.credential(of: provider)
        } catch {
            Invariant.check(false, "cannot build the provider: \(error)")
            fatalError()
        }
    }
}
