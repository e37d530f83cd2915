#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CredentialsCore
import FuzzHTTPSupport
import FuzzSupport
import RegistryLogin

@_cdecl("LLVMFuzzerTestOneInput")
public func libFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzSWRResponse.libFuzzerEntry(data, size)
}

#if !CLOUDCRED_FUZZING
@main extension FuzzSWRResponse {}
#endif

/// The SWR `CreateSecret` answer (body and `X-Swr-Expireat` header), read by `SWRTemporaryLogin` (RegistryLogin,
/// through `SWRResponse`) from a canned answer (see `CannedResponses`).
///
/// Invariants: a failure is a `CredentialsError` quoting none of the answer's secrets (`auth`, …) nor the signing
/// credentials; a login comes from a 2xx answer, has a non-empty user name and password whose `user:password` is
/// the base64 `auth` of an `auths` entry, a finite expiry, and a description without the password.
enum FuzzSWRResponse: FuzzTarget {
    static let credential = Credential(
        accessKeyId: "FuzzHuaweiAccessKey01", accessKeySecret: "FuzzHuaweiSecretKey0001", securityToken: "FuzzHuaweiSecurityToken01",
        providerName: "fuzz")

    static func test(_ input: [UInt8]) {
        let outcome = login(input)
        let text = ProviderHarness.errorText(outcome)
        SecretLeaks.check(input, text: text, tolerated: KnownLeaks.all) { ProviderHarness.errorText(login($0)) }
        for secret in [credential.accessKeySecret, credential.securityToken ?? ""] where !input.containsText(secret) {
            Invariant.check(!(text ?? "").contains(secret), "a signing secret appears in \(Quoted(text ?? ""))")
        }
        guard case .success(let login) = outcome else { return }
        Invariant.check(!login.username.isEmpty && !login.password.isEmpty, "an empty user name or password")
        Invariant.check(login.expiresAt.map { $0.timeIntervalSince1970.isFinite } ?? false, "no finite expiry")
        var blanked = login
        blanked.password = "x"
        CredentialChecks.hides(login.password, shown: "\(login)", baseline: "\(blanked)")
        guard case .response(let response)? = CannedResponses.parse(input).first, let auths = (try? JSONValue.parse(response.body))?["auths"]?.objectValue else {
            Invariant.check(false, "a login from an answer without auths")
            return
        }
        Invariant.check((200..<300).contains(response.status), "a login from HTTP \(response.status)")
        let pair = "\(login.username):\(login.password)"
        Invariant.check(auths.values.contains { ($0["auth"]?.stringValue).flatMap(decoded) == pair }, "the login is not an auths entry")
    }

    static func login(_ input: [UInt8]) -> Result<SWRLogin, CredentialsError> {
        let swr = SWRTemporaryLogin(transport: CannedTransport(input: input), clock: ManualClock(now: ProviderHarness.now))
        let result = Blocking.result { try await swr.login(endpoint: SWREndpoint(region: "cn-north-4"), credential: credential) }
        return result.mapError { error in
            guard let error = error as? CredentialsError else {
                Invariant.check(false, "a failure that is not a CredentialsError: \(type(of: error)): \(error)")
                fatalError()
            }
            return error
        }
    }

    /// The text of base64 `auth`, read as the reader reads it (whitespace dropped, padding added).
    private static func decoded(_ text: String) -> String? {
        var padded = text.filter { !$0.isWhitespace }
        if padded.count % 4 != 0 { padded += String(repeating: "=", count: 4 - padded.count % 4) }
        return Data(base64Encoded: padded).flatMap { String(validating: Array($0), as: UTF8.self) }
    }
}
