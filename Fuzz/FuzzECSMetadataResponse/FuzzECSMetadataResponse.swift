import AlibabaCloudCredentials
import CredentialsCore
import FuzzHTTPSupport
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func libFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzECSMetadataResponse.libFuzzerEntry(data, size)
}

#if !CLOUDCRED_FUZZING
@main extension FuzzECSMetadataResponse {}
#endif

/// The ECS instance metadata service's answers, read by `ECSRAMRoleProvider` (AlibabaCloudCredentials): the IMDSv2
/// token, the role list and the credentials document, in the order the provider asks (canned answers, see
/// `CannedResponses`), once with a configured role and once discovering it.
///
/// Invariants: a failure is a `CredentialsError` quoting none of the answers' secrets; a success carries the fields
/// of one answer whose `Code` is `Success`, and its description shows no secret.
enum FuzzECSMetadataResponse: FuzzTarget {
    static func test(_ input: [UInt8]) {
        for role in ["fuzz-role", ""] {
            let outcome = fetch(input, role: role)
            SecretLeaks.check(input, text: ProviderHarness.errorText(outcome), tolerated: KnownLeaks.all) {
                ProviderHarness.errorText(fetch($0, role: role))
            }
            guard case .success(let credential) = outcome else { continue }
            let documents = CannedResponses.parse(input).compactMap { answer -> JSONValue? in
                guard case .response(let response) = answer, response.status == 200 else { return nil }
                return try? JSONValue.parse(response.body)
            }
            Invariant.check(
                documents.contains {
                    $0["Code"]?.stringValue == "Success" && $0["AccessKeyId"]?.stringValue == credential.accessKeyId
                        && $0["AccessKeySecret"]?.stringValue == credential.accessKeySecret
                        && $0["SecurityToken"]?.stringValue == credential.securityToken
                }, "the credential matches no successful answer")
        }
    }

    static func fetch(_ input: [UInt8], role: String) -> Result<Credential, CredentialsError> {
        let context = ProviderHarness.context(transport: CannedTransport(input: input))
        do {
            return ProviderHarness.credential(of: try ECSRAMRoleProvider(roleName: role, disableIMDSv1: false, context: context))
        } catch {
            Invariant.check(false, "cannot build the provider: \(error)")
            fatalError()
        }
    }
}
