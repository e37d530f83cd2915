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
    FuzzACRResponse.libFuzzerEntry(data, size)
}

#if !CLOUDCRED_FUZZING
@main extension FuzzACRResponse {}
#endif

/// Container Registry API answers, read by `ACRClient` (RegistryLogin, through `ACRResponse`): each input is the
/// canned answer (see `CannedResponses`) to the personal-edition `GetAuthorizationToken`, to the instance
/// `GetAuthorizationToken`, and to `ListInstance` (all three run on every input).
///
/// Invariants: failures are `CredentialsError`s quoting none of the answers' secrets (`authorizationToken`, …) nor
/// the signing credentials; a password comes with a non-empty user name, from a 2xx answer, and is hidden by the
/// description; `instanceId(named:)` returns the id of an instance of exactly that name.
enum FuzzACRResponse: FuzzTarget {
    static let endpoint = "cr.cn-hangzhou.aliyuncs.com"
    static let credential = Credential(
        accessKeyId: "STS.FuzzSigningKeyId01", accessKeySecret: "FuzzSigningSecret00001", securityToken: "FuzzSigningSecurityToken01",
        providerName: "fuzz")

    struct Outcomes {
        var personal: Result<RegistryPassword, CredentialsError>
        var instance: Result<RegistryPassword, CredentialsError>
        var lookup: Result<String?, CredentialsError>

        var errorText: String? {
            let texts = [ProviderHarness.errorText(personal), ProviderHarness.errorText(instance), ProviderHarness.errorText(lookup)].compactMap { $0 }
            return texts.isEmpty ? nil : texts.joined(separator: "\n")
        }
    }

    static func test(_ input: [UInt8]) {
        let outcomes = call(input)
        let text = outcomes.errorText
        SecretLeaks.check(input, text: text, tolerated: KnownLeaks.all) { call($0).errorText }
        for secret in [credential.accessKeySecret, credential.securityToken ?? ""] where !input.containsText(secret) {
            Invariant.check(!(text ?? "").contains(secret), "a signing secret appears in \(Quoted(text ?? ""))")
        }
        let answers = CannedResponses.parse(input)
        for case .success(let password) in [outcomes.personal, outcomes.instance] {
            Invariant.check(!password.username.isEmpty && !password.password.isEmpty, "an empty user name or password")
            var blanked = password
            blanked.password = "x"
            CredentialChecks.hides(password.password, shown: "\(password)", baseline: "\(blanked)")
            Invariant.check(password.expiresAt.map { $0.timeIntervalSince1970.isFinite } ?? true, "a non-finite expiry")
            guard case .response(let response)? = answers.first else { continue }
            Invariant.check((200..<300).contains(response.status), "a password from HTTP \(response.status)")
        }
        if case .success(let id?) = outcomes.lookup {
            let named = answers.contains { answer in
                guard case .response(let response) = answer, let document = try? JSONValue.parse(response.body) else { return false }
                return (document["Instances"]?.arrayValue ?? []).contains {
                    $0["InstanceName"]?.stringValue == "fuzz" && $0["InstanceId"]?.stringValue == id
                }
            }
            Invariant.check(named, "instanceId(named:) returned \(Quoted(id)), not an instance named fuzz")
        }
    }

    static func call(_ input: [UInt8]) -> Outcomes {
        @Sendable func client() -> ACRClient {
            ACRClient(transport: CannedTransport(input: input), clock: ManualClock(now: ProviderHarness.now), makeNonce: { "fuzz-nonce" })
        }
        return Outcomes(
            personal: typed(Blocking.result { try await client().personalToken(endpoint: endpoint, credential: credential) }),
            instance: typed(Blocking.result { try await client().instanceToken(endpoint: endpoint, instanceId: "cri-fuzz", credential: credential) }),
            lookup: typed(Blocking.result { try await client().instanceId(named: "fuzz", endpoint: endpoint, credential: credential) }))
    }

    /// Every failure must be a `CredentialsError`.
    static func typed<Value>(_ result: Result<Value, any Error>) -> Result<Value, CredentialsError> {
        result.mapError { error in
            guard let error = error as? CredentialsError else {
                Invariant.check(false, "a failure that is not a CredentialsError: \(type(of: error)): \(error)")
                fatalError()
            }
            return error
        }
    }
}
