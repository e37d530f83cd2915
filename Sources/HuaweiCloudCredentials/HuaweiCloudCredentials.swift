import CredentialsCore

/// Huawei Cloud credentials together with the project they are for.
///
/// The AK/SK pair (and, for temporary credentials, the security token and expiry) is a ``CredentialsCore/Credential``:
/// `accessKeyId` is the AK, `accessKeySecret` the SK. Printing it never shows a secret.
public struct HuaweiCredential: Sendable, Hashable {
    /// The AK/SK, security token, expiry and the name of the source that produced them.
    public var credential: Credential
    /// The project id (`HUAWEICLOUD_SDK_PROJECT_ID`, `project_id` in the profile file), when one is configured.
    public var projectId: String?

    /// Pairs a credential with an optional project id.
    public init(credential: Credential, projectId: String? = nil) {
        self.credential = credential
        self.projectId = projectId
    }
}

/// A source of Huawei Cloud credentials: a ``CredentialsProvider`` that can also report the project id.
public protocol HuaweiCredentialsProvider: CredentialsProvider {
    /// The credentials with the project id configured next to them, from a cache when still fresh.
    func huaweiCredential() async throws -> HuaweiCredential
}

extension HuaweiCredentialsProvider {
    /// The credentials without the project id.
    public func credential() async throws -> Credential {
        try await huaweiCredential().credential
    }
}

/// The environment variables read by the Huawei Cloud providers (those of `huaweicloudsdkcore`, plus
/// ``metadataDisabled``, which is cloudcred's own).
public enum HuaweiEnvironmentVariable {
    /// The AccessKey ID (AK).
    public static let accessKey = "HUAWEICLOUD_SDK_AK"
    /// The secret AccessKey (SK).
    public static let secretKey = "HUAWEICLOUD_SDK_SK"
    /// The security token of temporary credentials.
    public static let securityToken = "HUAWEICLOUD_SDK_SECURITY_TOKEN"
    /// The project id of regional services.
    public static let projectId = "HUAWEICLOUD_SDK_PROJECT_ID"
    /// The profile file to read instead of `~/.huaweicloud/credentials`.
    public static let credentialsFile = "HUAWEICLOUD_SDK_CREDENTIALS_FILE"
    /// `true` (any case) skips the ECS metadata service. cloudcred's own switch: `huaweicloudsdkcore` has none.
    public static let metadataDisabled = "HUAWEICLOUD_SDK_METADATA_DISABLED"
}
