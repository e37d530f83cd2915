import Foundation

/// Credentials the emulator handed out (throw-away values, valid only against this emulator).
public struct IssuedCredential: Sendable, Codable, Equatable {
    /// Which call produced them.
    public enum Kind: String, Sendable, Codable {
        case assumeRole, assumeRoleWithOIDC, sessionAccessKey, ecsMetadata, credentialsURI
        /// Huawei ECS metadata `securitykey` (accepted by the emulator's SWR API with their security token).
        case huaweiMetadata
    }

    public var kind: Kind
    public var accessKeyId: String
    public var accessKeySecret: String
    /// nil for session access keys (GenerateSessionAccessKey returns no token).
    public var securityToken: String?
    public var expiration: Date
    public var issuedAt: Date
    /// The role the credentials act as, when there is one.
    public var roleArn: String?
    public var roleSessionName: String?
    /// Who asked: the signing AccessKeyId, the OIDC provider ARN, or the RSA public key id.
    public var requestedBy: String?

    /// The account the credentials belong to (from the role ARN), if known.
    var accountId: String? {
        roleArn.flatMap { RoleARN(parsing: $0)?.accountId }
    }
}

/// `acs:ram::<account>:role/<name>` split into its parts.
struct RoleARN: Sendable, Equatable {
    var accountId: String
    var roleName: String

    init?(parsing arn: String) {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "acs", parts[1] == "ram", parts[2].isEmpty,
              !parts[3].isEmpty, parts[3].allSatisfy(\.isNumber), parts[4].hasPrefix("role/"), parts[4].count > 5
        else { return nil }
        accountId = String(parts[3])
        roleName = String(parts[4].dropFirst(5))
    }
}
