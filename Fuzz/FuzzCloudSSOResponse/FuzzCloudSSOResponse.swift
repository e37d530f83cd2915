import AlibabaCloudCredentials
import CredentialsCore
import FuzzHTTPSupport
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func libFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzCloudSSOResponse.libFuzzerEntry(data, size)
}

#if !CLOUDCRED_FUZZING
@main extension FuzzCloudSSOResponse {}
#endif

/// The CloudSSO `POST /cloud-credentials` answer, read by `CloudSSOProvider` (AlibabaCloudCredentials) from a
/// canned answer (see `CannedResponses`).
///
/// Invariants: a failure is a `CredentialsError` quoting none of the answer's secrets nor the access token sent;
/// a success returns the answer's `CloudCredential`.
enum FuzzCloudSSOResponse: FuzzTarget {
    static let accessToken = "FuzzSSOAccessToken0001"

    static func test(_ input: [UInt8]) {
        let outcome = fetch(input)
        let text = ProviderHarness.errorText(outcome)
        SecretLeaks.check(input, text: text, tolerated: KnownLeaks.all) { ProviderHarness.errorText(fetch($0)) }
        if let text, !input.containsText(accessToken) {
            Invariant.check(!text.contains(accessToken), "the access token appears in \(Quoted(text))")
        }
        guard case .success(let credential) = outcome else { return }
        guard case .response(let response)? = CannedResponses.parse(input).first,
              let cloud = (try? JSONValue.parse(response.body))?["CloudCredential"]
        else {
            Invariant.check(false, "credentials from an answer without CloudCredential")
            return
        }
        Invariant.check(response.status == 200, "credentials from HTTP \(response.status)")
        Invariant.check(
            credential.accessKeyId == cloud["AccessKeyId"]?.stringValue && credential.accessKeySecret == cloud["AccessKeySecret"]?.stringValue
                && credential.securityToken == cloud["SecurityToken"]?.stringValue, "the credential differs from the answer")
    }

    static func fetch(_ input: [UInt8]) -> Result<Credential, CredentialsError> {
        let context = ProviderHarness.context(transport: CannedTransport(input: input))
        do {
            let provider = try CloudSSOProvider(
                signInURL: "https://signin-cn-shanghai.alibabacloudsso.com/portal/login", accountId: "1234567890123456",
                accessConfig: "ac-fuzz0000000001", accessToken: accessToken,
                accessTokenExpire: Int64(ProviderHarness.now.timeIntervalSince1970) + 3600, context: context)
            return ProviderHarness.credential(of: provider)
        } catch {
            Invariant.check(false, "cannot build the provider: \(error)")
            fatalError()
        }
    }
}
