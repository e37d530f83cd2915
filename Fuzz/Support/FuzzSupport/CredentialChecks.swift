import CredentialsCore

/// Checks on the credentials a parser produced.
public enum CredentialChecks {
    /// A credential's `description` and `debugDescription` must not show its secret or tokens.
    ///
    /// A secret counts as shown only when the description of the same credential with its secrets replaced does
    /// not contain it too (an expiry date, a masked AccessKey ID or a provider name may happen to contain the text).
    public static func descriptionHidesSecrets(_ credential: Credential, file: StaticString = #fileID, line: UInt = #line) {
        var blanked = credential
        blanked.accessKeySecret = "x"
        blanked.securityToken = credential.securityToken.map { _ in "x" }
        blanked.bearerToken = credential.bearerToken.map { _ in "x" }
        let shown = "\(credential) \(String(reflecting: credential))"
        let baseline = "\(blanked) \(String(reflecting: blanked))"
        for secret in [credential.accessKeySecret, credential.securityToken ?? "", credential.bearerToken ?? ""] where secret.count >= 4 {
            Invariant.check(
                !shown.contains(secret) || baseline.contains(secret), "a credential's description shows a secret: \(Quoted(shown))",
                file: file, line: line)
        }
    }

    /// `shown` (a description of a value holding `secret`) must not contain `secret`, unless `baseline` (the
    /// description of the same value with the secret replaced) contains it too.
    public static func hides(_ secret: String, shown: String, baseline: String, file: StaticString = #fileID, line: UInt = #line) {
        guard secret.count >= 4 else { return }
        Invariant.check(!shown.contains(secret) || baseline.contains(secret), "a description shows a secret: \(Quoted(shown))", file: file, line: line)
    }
}
