import CredentialsCore

extension CLIProfileModes {
    /// `CloudSSO`, `OAuth` and `External` profiles; nil for other modes.
    func loginMode(_ mode: String, profile: CLIProfile) throws -> (any CredentialsProvider)? {
        nil
    }
}
