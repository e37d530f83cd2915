import CloudSigning
import CredentialsCore

/// The SWR long-term ("永久") login, computed offline from a permanent AK/SK: user `<project>@<AK>`, password the
/// lower-hex HMAC-SHA256 of the AK keyed with the SK. Valid while the AK is.
public enum SWRLongTermLogin {
    /// The long-term login for `projectName` (usually the region id, e.g. `cn-north-4`).
    /// - Throws: ``CredentialsError/Code/invalidArgument`` for temporary credentials (a security token is present:
    ///   SWR does not accept long-term logins made from them) and for an empty project name or AK/SK.
    public static func login(credential: Credential, projectName: String) throws -> SWRLogin {
        if let token = credential.securityToken, !token.isEmpty {
            throw CredentialsError.invalidArgument(
                "an SWR long-term login needs a permanent AccessKey, but the credentials from \(credential.providerName) are temporary (they carry a security token)",
                hint: "use the temporary login (CreateSecret) with these credentials, or configure a permanent AK/SK")
        }
        guard !credential.accessKeyId.isEmpty, !credential.accessKeySecret.isEmpty else {
            throw CredentialsError.invalidArgument("an SWR long-term login needs an AK and SK, and one of them is empty")
        }
        guard !projectName.isEmpty else {
            throw CredentialsError.invalidArgument(
                "an SWR long-term login needs a project name", hint: "use the region id, e.g. cn-north-4")
        }
        return SWRLogin(
            username: "\(projectName)@\(credential.accessKeyId)",
            password: SWRLoginKey.password(accessKey: credential.accessKeyId, secretKey: credential.accessKeySecret),
            expiresAt: nil)
    }
}
