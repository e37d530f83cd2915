import CredentialsCore
import FuzzSupport
import HuaweiCloudCredentials

@_cdecl("LLVMFuzzerTestOneInput")
public func libFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzHuaweiProfile.libFuzzerEntry(data, size)
}

#if !CLOUDCRED_FUZZING
@main extension FuzzHuaweiProfile {}
#endif

/// The Huawei Cloud profile `~/.huaweicloud/credentials`, read by `HuaweiProfileProvider` (HuaweiCloudCredentials)
/// from a scratch file named by the provider's path.
///
/// Invariants: a failure is a `CredentialsError` naming the file, on one line, without the `sk` or
/// `security_token` of the input; a success carries the `[basic]` section's `ak`, `sk`, `security_token` and
/// `project_id` exactly as a raw-mode INI parse reads them, and its description shows no secret.
enum FuzzHuaweiProfile: FuzzTarget {
    static func test(_ input: [UInt8]) {
        let path = Scratch.write(input, to: "credentials")
        let outcome = read(path)
        SecretLeaks.check(input, text: errorText(outcome)) { errorText(read(Scratch.write($0, to: "credentials"))) }
        switch outcome {
        case .failure(let error):
            Invariant.check(error.message.contains(path), "the error does not name the file: \(Quoted(error.message))")
            Invariant.oneLine(error.message, "a Huawei profile error")
        case .success(let value):
            let section = (try? INIFile.parse(String(decoding: input, as: UTF8.self), mode: .raw))?.section("basic")
            Invariant.check(section != nil, "a credential from a file without a readable [basic] section")
            let credential = value.credential
            Invariant.check(credential.accessKeyId == section?["ak"] && credential.accessKeySecret == section?["sk"], "ak/sk differ from [basic]")
            Invariant.check(credential.securityToken == section?["security_token"].flatMap { $0.isEmpty ? nil : $0 }, "security_token differs")
            Invariant.check(value.projectId == section?["project_id"].flatMap { $0.isEmpty ? nil : $0 }, "project_id differs")
            CredentialChecks.descriptionHidesSecrets(credential)
        }
    }

    private static func read(_ path: String) -> Result<HuaweiCredential, CredentialsError> {
        let provider = HuaweiProfileProvider(path: path, environment: Environment(["HOME": Scratch.directory]))
        let result = Blocking.result { try await provider.huaweiCredential() }
        switch result {
        case .success(let value): return .success(value)
        case .failure(let error as CredentialsError): return .failure(error)
        case .failure(let error):
            Invariant.check(false, "a failure that is not a CredentialsError: \(error)")
            fatalError()
        }
    }

    private static func errorText(_ result: Result<HuaweiCredential, CredentialsError>) -> String? {
        guard case .failure(let error) = result else { return nil }
        return error.message + "\n" + (error.hint ?? "")
    }
}
