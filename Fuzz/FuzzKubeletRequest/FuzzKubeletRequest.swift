#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CredentialsCore
import FuzzSupport
import RegistryLogin

@_cdecl("LLVMFuzzerTestOneInput")
public func libFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzKubeletRequest.libFuzzerEntry(data, size)
}

#if !CLOUDCRED_FUZZING
@main extension FuzzKubeletRequest {}
#endif

/// The kubelet's `CredentialProviderRequest` on stdin, `KubeletCredentialProvider.parseRequest` (RegistryLogin),
/// and the response written for it.
///
/// Invariants: a refusal is an `invalidArgument` `CredentialsError` on one line; an accepted request has a known
/// `apiVersion`, a non-empty image and the image's registry (lower-case, `docker.io` without one); the response for
/// it is a JSON `CredentialProviderResponse` of the same `apiVersion`, with the login under that host and a
/// cache duration Go can read.
enum FuzzKubeletRequest: FuzzTarget {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    static func test(_ input: [UInt8]) {
        let request: KubeletCredentialProvider.Request
        do {
            request = try KubeletCredentialProvider.parseRequest(input)
        } catch let error as CredentialsError {
            Invariant.check(error.code == .invalidArgument, "unexpected error code \(error.code)")
            Invariant.oneLine(error.message, "a kubelet request error")
            return
        } catch {
            Invariant.check(false, "a failure that is not a CredentialsError: \(error)")
            return
        }
        Invariant.check(KubeletCredentialProvider.apiVersions.contains(request.apiVersion), "accepted apiVersion \(Quoted(request.apiVersion))")
        Invariant.check(!request.image.isEmpty, "accepted an empty image")
        Invariant.check(request.registryHost == KubeletCredentialProvider.registryHost(ofImage: request.image), "registry host differs")
        Invariant.check(request.registryHost == request.registryHost.lowercased(), "registry host not lower-case: \(Quoted(request.registryHost))")
        Invariant.check(!request.registryHost.contains("/"), "registry host with a slash: \(Quoted(request.registryHost))")
        for expiry in [nil, now.addingTimeInterval(3 * 3600 + 17), now.addingTimeInterval(-60)] as [Date?] {
            checkResponse(request, login: RegistryPassword(username: "cr_temp_user", password: "FuzzPassword01", expiresAt: expiry, source: "fuzz"))
        }
        checkResponse(request, login: nil)
    }

    private static func checkResponse(_ request: KubeletCredentialProvider.Request, login: RegistryPassword?) {
        let text = KubeletCredentialProvider.response(apiVersion: request.apiVersion, host: request.registryHost, login: login, now: now)
        guard let response = try? JSONValue.parse(text) else {
            Invariant.check(false, "the response is not JSON: \(Quoted(text))")
            return
        }
        Invariant.oneLine(text, "the response")
        Invariant.check(response["apiVersion"]?.stringValue == request.apiVersion, "the response changed the apiVersion")
        Invariant.check(response["kind"]?.stringValue == "CredentialProviderResponse", "the response has the wrong kind")
        let auth = response["auth"]?.objectValue
        Invariant.check(auth != nil, "the response has no auth object")
        guard let login else {
            Invariant.check(auth?.isEmpty == true, "a response without a login has auth entries")
            return
        }
        Invariant.check(auth?[request.registryHost]?["password"]?.stringValue == login.password, "the login is not under \(request.registryHost)")
        let duration = response["cacheDuration"]?.stringValue ?? ""
        Invariant.check(duration.wholeMatch(of: /([0-9]+h)?([0-9]+m)?[0-9]+s/) != nil, "cacheDuration \(Quoted(duration)) is not a Go duration")
    }
}
