import CredentialsCore

/// Credentials from `HUAWEICLOUD_SDK_AK`, `HUAWEICLOUD_SDK_SK`, optional `HUAWEICLOUD_SDK_SECURITY_TOKEN` and
/// `HUAWEICLOUD_SDK_PROJECT_ID` (`huaweicloudsdkcore`'s `EnvCredentialProvider` for basic credentials).
///
/// Empty values count as unset. Neither AK nor SK set is a source that is not set up; one without the other is an
/// error naming the missing variable.
public struct HuaweiEnvironmentProvider: HuaweiCredentialsProvider {
    /// `env`.
    public let providerName = "env"
    private let environment: Environment

    /// Reads `environment` at each call.
    public init(environment: Environment) {
        self.environment = environment
    }

    /// The credentials from the environment.
    /// - Throws: ``CredentialsError/Code/providerFailed``, marked as a missing source when neither variable is set.
    public func huaweiCredential() async throws -> HuaweiCredential {
        let akName = HuaweiEnvironmentVariable.accessKey
        let skName = HuaweiEnvironmentVariable.secretKey
        switch (environment.nonEmpty(akName), environment.nonEmpty(skName)) {
        case (nil, nil):
            throw CredentialsError.providerFailed(
                "\(akName) and \(skName) are not set", hint: "set \(akName) and \(skName)"
            ).missingSource()
        case (_?, nil):
            throw CredentialsError.providerFailed(
                "\(akName) is set but \(skName) is missing", hint: "set \(skName) to the secret key of the AK in \(akName)")
        case (nil, _?):
            throw CredentialsError.providerFailed(
                "\(skName) is set but \(akName) is missing", hint: "set \(akName) to the AccessKey ID that goes with \(skName)")
        case let (ak?, sk?):
            let credential = Credential(
                accessKeyId: ak, accessKeySecret: sk,
                securityToken: environment.nonEmpty(HuaweiEnvironmentVariable.securityToken), providerName: providerName)
            return HuaweiCredential(credential: credential, projectId: environment.nonEmpty(HuaweiEnvironmentVariable.projectId))
        }
    }
}
