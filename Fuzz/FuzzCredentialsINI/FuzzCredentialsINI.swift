import AlibabaCloudCredentials
import CredentialsCore
import FuzzHTTPSupport
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func libFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzCredentialsINI.libFuzzerEntry(data, size)
}

#if !CLOUDCRED_FUZZING
@main extension FuzzCredentialsINI {}
#endif

/// `~/.alibabacloud/credentials.ini`, read by `INIProfileProvider` (AlibabaCloudCredentials) from a scratch file:
/// `configparser` syntax, `[DEFAULT]`, interpolation, the inline `#` cut, and each `type` with its keys, for the
/// sections `default` and `prod`. Network calls get one answer that every endpoint accepts.
///
/// Invariants: a failure is a `CredentialsError` naming the file, on one line, quoting none of the file's
/// secrets (`access_key_secret`, …); an `access_key` section returns its `access_key_id` and `access_key_secret`;
/// a success's description shows no secret.
enum FuzzCredentialsINI: FuzzTarget {
    static func test(_ input: [UInt8]) {
        for section in ["default", "prod"] {
            let outcome = resolve(input, section: section)
            SecretLeaks.check(input, text: ProviderHarness.errorText(outcome)) {
                ProviderHarness.errorText(resolve($0, section: section))
            }
            switch outcome {
            case .failure(let error):
                Invariant.oneLine(error.message, "a credentials.ini error")
            case .success(let credential):
                guard credential.providerName == "profile/static_ak" else { continue }
                let file = try? INIFile.parse(String(decoding: input, as: UTF8.self)).strippingInlineHashComments()
                let options = file?.section(section)
                Invariant.check(options?["type"] == "access_key", "static_ak from a section that is not access_key")
                Invariant.check(
                    credential.accessKeyId == options?["access_key_id"] && credential.accessKeySecret == options?["access_key_secret"],
                    "the AccessKey differs from the section's")
            }
        }
    }

    static func resolve(_ input: [UInt8], section: String) -> Result<Credential, CredentialsError> {
        let path = Scratch.write(input, to: "credentials.ini")
        let context = ProviderHarness.context(transport: CannedTransport(CannedResponses.universalSuccess))
        return ProviderHarness.credential(of: INIProfileProvider(profileFile: path, profileName: section, context: context))
    }
}
