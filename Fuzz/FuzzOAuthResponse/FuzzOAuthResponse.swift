import AlibabaCloudCredentials
import CredentialsCore
import FuzzHTTPSupport
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func libFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzOAuthResponse.libFuzzerEntry(data, size)
}

#if !CLOUDCRED_FUZZING
@main extension FuzzOAuthResponse {}
#endif

/// The OAuth answers, read by `OAuthProvider` (AlibabaCloudCredentials) from canned answers (see `CannedResponses`):
/// with only a refresh token, `POST /v1/token` then `POST /v1/exchange`; with a valid access token, the exchange alone.
///
/// Invariants: a failure is a `CredentialsError` quoting none of the answers' secrets nor the tokens sent; a
/// success returns the `AccessKeyId`, `AccessKeySecret` and `SecurityToken` of one of the answers.
enum FuzzOAuthResponse: FuzzTarget {
    static let sentTokens = ["FuzzOAuthRefreshToken01", "FuzzOAuthAccessToken001"]

    static func test(_ input: [UInt8]) {
        for withAccessToken in [false, true] {
            let outcome = fetch(input, withAccessToken: withAccessToken)
            let text = ProviderHarness.errorText(outcome)
            SecretLeaks.check(input, text: text, tolerated: KnownLeaks.all) { ProviderHarness.errorText(fetch($0, withAccessToken: withAccessToken)) }
            for token in sentTokens where !input.containsText(token) {
                Invariant.check(!(text ?? "").contains(token), "a token sent appears in \(Quoted(text ?? ""))")
            }
            guard case .success(let credential) = outcome else { continue }
            let documents = CannedResponses.parse(input).compactMap { answer -> JSONValue? in
                guard case .response(let response) = answer, response.status == 200 else { return nil }
                return try? JSONValue.parse(response.body)
            }
            Invariant.check(
                documents.contains {
                    $0["AccessKeyId"]?.stringValue == credential.accessKeyId && $0["AccessKeySecret"]?.stringValue == credential.accessKeySecret
                        && $0["SecurityToken"]?.stringValue == credential.securityToken
                }, "the credential matches no answer")
        }
    }

    static func fetch(_ input: [UInt8], withAccessToken: Bool) -> Result<Credential, CredentialsError> {
        let context = ProviderHarness.context(transport: CannedTransport(input: input))
        let now = Int64(ProviderHarness.now.timeIntervalSince1970)
        do {
            let provider = try OAuthProvider(
                clientId: OAuthProvider.Site.cn.clientId, signInURL: OAuthProvider.Site.cn.signInURL,
                accessToken: withAccessToken ? sentTokens[1] : nil, accessTokenExpire: withAccessToken ? now + 7200 : nil,
                refreshToken: sentTokens[0], context: context)
            return ProviderHarness.credential(of: provider)
        } catch {
            Invariant.check(false, "cannot build the provider: \(error)")
            fatalError()
        }
    }
}
