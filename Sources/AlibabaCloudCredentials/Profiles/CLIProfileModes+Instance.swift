import CredentialsCore

extension CLIProfileModes {
    /// `EcsRamRole`, `OIDC` and `CredentialsURI` profiles; nil for other modes.
    func instanceMode(_ mode: String, profile: CLIProfile) throws -> (any CredentialsProvider)? {
        nil
    }
}
