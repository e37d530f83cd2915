#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CloudcredDoctor
import CredentialsCore
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func libFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzRegistryChallenge.libFuzzerEntry(data, size)
}

#if !CLOUDCRED_FUZZING
@main extension FuzzRegistryChallenge {}
#endif

/// What `cloudcred doctor` reads from a registry (CloudcredDoctor): the `WWW-Authenticate` challenge
/// (`AuthChallenge`), the claims of a registry token (`RegistryTokenClaims`) and an error body (`RegistryErrorBody`).
/// The input is the header, the JSON payload of a token, and the error body, all at once.
///
/// Invariants: a challenge is refused only when the header is blank; its scheme and parameter names are lower-case
/// and the scheme has no space; a challenge written back from its parts (plain names, values without quotes) reads
/// the same; the input as a JWT payload (base64url, no padding) gives the actions the payload lists for the
/// repository; an error summary starts with the first error's code in lower case.
enum FuzzRegistryChallenge: FuzzTarget {
    static let repository = "team/app"

    static func test(_ input: [UInt8]) {
        let header = String(decoding: input, as: UTF8.self)
        checkChallenge(header)
        checkClaims(input)
        if let summary = RegistryErrorBody.summary(input) {
            let code = (try? JSONValue.parse(input))?["errors"]?[0]?["code"]?.stringValue ?? "?"
            Invariant.check(summary.hasPrefix(code.lowercased() + ": "), "summary \(Quoted(summary)) does not start with \(Quoted(code))")
        }
    }

    private static func checkChallenge(_ header: String) {
        let blank = header.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" }
        guard let challenge = AuthChallenge(header) else {
            Invariant.check(blank, "refused a header that is not blank: \(Quoted(header))")
            return
        }
        Invariant.check(!blank, "a challenge from a blank header")
        Invariant.check(challenge.scheme == challenge.scheme.lowercased() && !challenge.scheme.contains(" "), "scheme \(Quoted(challenge.scheme))")
        for name in challenge.parameters.keys {
            Invariant.check(name == name.lowercased(), "parameter name \(Quoted(name)) is not lower-case")
        }
        let plain = challenge.parameters.filter { name, value in
            !name.isEmpty && !value.contains("\"") && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        }
        guard !challenge.scheme.isEmpty, challenge.scheme.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) else { return }
        let written = challenge.scheme + " " + plain.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }.joined(separator: ",")
        let reread = AuthChallenge(written)
        Invariant.check(reread?.scheme == challenge.scheme && reread?.parameters == plain, "the written challenge reads differently: \(Quoted(written))")
    }

    private static func checkClaims(_ payload: [UInt8]) {
        let encoded = Data(payload).base64EncodedString().replacing("+", with: "-").replacing("/", with: "_").replacing("=", with: "")
        let actions = RegistryTokenClaims.actions(in: "eyJhbGciOiJFUzI1NiJ9.\(encoded).c2ln", repository: repository)
        guard let access = (try? JSONValue.parse(payload))?["access"]?.arrayValue else {
            Invariant.check(actions == nil, "actions from a payload without an access list")
            return
        }
        var expected = Set<String>()
        for entry in access where entry["type"]?.stringValue == "repository" && entry["name"]?.stringValue == repository {
            for action in entry["actions"]?.arrayValue ?? [] { if let name = action.stringValue { expected.insert(name) } }
        }
        Invariant.check(actions == expected, "actions \(String(describing: actions)), expected \(expected)")
    }
}
