import AlibabaCloudCredentials
import CredentialsCore
import FuzzHTTPSupport
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func libFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzExternalOutput.libFuzzerEntry(data, size)
}

#if !CLOUDCRED_FUZZING
@main extension FuzzExternalOutput {}
#endif

/// What an `External` credential process prints, read by `ExternalProcessProvider` (AlibabaCloudCredentials).
///
/// The reader is private to the provider, so the provider really runs a process: `/bin/cat <scratch file>` with the
/// input in the file (a fork and exec per input: expect a few hundred executions a second).
///
/// Invariants: a failure is a `CredentialsError` quoting none of the output's secrets (`access_key_secret`,
/// `sts_token`); a success returns the output's `access_key_id`, `access_key_secret` and `sts_token`, and the
/// update callback receives the same values.
enum FuzzExternalOutput: FuzzTarget {
    static func test(_ input: [UInt8]) {
        let (outcome, update) = run(input)
        SecretLeaks.check(input, text: ProviderHarness.errorText(outcome), tolerated: KnownLeaks.all) { ProviderHarness.errorText(run($0).0) }
        guard case .success(let credential) = outcome else { return }
        let document = try? JSONValue.parse(String(decoding: input, as: UTF8.self).replacing("\r\n", with: "\n").replacing("\r", with: "\n"))
        Invariant.check(
            credential.accessKeyId == document?["access_key_id"]?.stringValue
                && credential.accessKeySecret == document?["access_key_secret"]?.stringValue
                && credential.securityToken == document?["sts_token"]?.stringValue, "the credential differs from the output")
        Invariant.check(
            update?.accessKeyId == credential.accessKeyId && update?.accessKeySecret == credential.accessKeySecret
                && update?.securityToken == credential.securityToken, "the update callback got other values")
    }

    static func run(_ input: [UInt8]) -> (Result<Credential, CredentialsError>, ExternalCredentialUpdate?) {
        let output = Scratch.write(input, to: "external-output")
        let context = ProviderHarness.context(transport: CannedTransport([]))
        let updates = UpdateBox()
        do {
            let provider = try ExternalProcessProvider(
                processCommand: "/bin/cat '\(output)'", timeoutSeconds: 5, credentialUpdate: { updates.value = $0 }, context: context)
            return (ProviderHarness.credential(of: provider), updates.value)
        } catch {
            Invariant.check(false, "cannot build the provider: \(error)")
            fatalError()
        }
    }
}

/// The callback's argument (written and read on either side of the provider's call).
private final class UpdateBox: @unchecked Sendable {
    var value: ExternalCredentialUpdate?
}
