import AlibabaCloudCredentials
import CredentialsCore
import FuzzHTTPSupport
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func libFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzCredentialsURIResponse.libFuzzerEntry(data, size)
}

#if !CLOUDCRED_FUZZING
@main extension FuzzCredentialsURIResponse {}
#endif

/// The answer of a credentials URI (`ALIBABA_CLOUD_CREDENTIALS_URI`), read by `CredentialsURIProvider`
/// (AlibabaCloudCredentials) from a canned answer (see `CannedResponses`).
///
/// Invariants: a failure is a `CredentialsError` quoting none of the answer's secrets nor the URI's secret query
/// value and password; a success requires `Code: Success` and returns the answer's fields.
enum FuzzCredentialsURIResponse: FuzzTarget {
    static let uriSecrets = ["FuzzURIPassword01", "FuzzURIQueryToken01"]
    static let uri = "http://fuzz:\(uriSecrets[0])@127.0.0.1:8080/credentials?role=fuzz&token=\(uriSecrets[1])"

    static func test(_ input: [UInt8]) {
        let outcome = fetch(input)
        let text = ProviderHarness.errorText(outcome)
        SecretLeaks.check(input, text: text, tolerated: KnownLeaks.all) { ProviderHarness.errorText(fetch($0)) }
        for secret in uriSecrets where !input.containsText(secret) {
            Invariant.check(!(text ?? "").contains(secret), "the URI's secret appears in \(Quoted(text ?? ""))")
        }
        guard case .success(let credential) = outcome else { return }
        guard case .response(let response)? = CannedResponses.parse(input).first, let document = try? JSONValue.parse(response.body) else {
            Invariant.check(false, "credentials from an answer that is not JSON")
            return
        }
        Invariant.check(response.status == 200 && document["Code"]?.stringValue == "Success", "credentials without 200 and Code Success")
        Invariant.check(
            credential.accessKeyId == document["AccessKeyId"]?.stringValue && credential.accessKeySecret == document["AccessKeySecret"]?.stringValue
                && credential.securityToken == document["SecurityToken"]?.stringValue, "the credential differs from the answer")
    }

    static func fetch(_ input: [UInt8]) -> Result<Credential, CredentialsError> {
        let context = ProviderHarness.context(transport: CannedTransport(input: input))
        do {
            return ProviderHarness.credential(of: try CredentialsURIProvider(uri: uri, context: context))
        } catch {
            Invariant.check(false, "cannot build the provider: \(error)")
            fatalError()
        }
    }
}
