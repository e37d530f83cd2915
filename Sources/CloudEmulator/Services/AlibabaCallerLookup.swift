import CloudSigning
import Foundation

/// Finds who signed an Alibaba Cloud request from its AccessKey id, as every POP gateway does: a configured
/// AccessKey, or credentials the emulator issued (STS, ECS role, credentials URI, session access keys), whose
/// security token must come with them and match, and which must not have expired. Shared by STS and ACR.
struct AlibabaCallerLookup {
    let configuration: EmulatorConfiguration
    let state: EmulatorState
    let now: Date

    /// The signing secret and the caller for an AccessKey id.
    /// - Parameter securityToken: the `SecurityToken` parameter or `x-acs-security-token` header, if sent.
    func find(accessKeyId: String, securityToken: String?) throws(CloudErrorBody) -> (secret: String, caller: STSCaller) {
        if let key = configuration.accessKey(id: accessKeyId) {
            return (key.secret, STSCaller(accessKeyId: key.id, accountId: key.accountId, roleArn: nil, isChained: false))
        }
        guard let issued = state.issuedCredential(accessKeyId: accessKeyId) else { throw .accessKeyNotFound }
        if let expected = issued.securityToken {
            guard let token = securityToken, !token.isEmpty else { throw .securityTokenMissing }
            guard constantTimeEquals(token, expected) else { throw .securityTokenMismatch }
            guard issued.expiration > now else { throw .securityTokenExpired }
        } else {
            guard issued.expiration > now else { throw .accessKeyExpired }
        }
        let caller = STSCaller(
            accessKeyId: issued.accessKeyId, accountId: issued.accountId, roleArn: issued.roleArn,
            isChained: issued.securityToken != nil)
        return (issued.accessKeySecret, caller)
    }

    /// When the caller's credentials expire: nil for configured (long-term) AccessKeys.
    func expiration(of accessKeyId: String) -> Date? {
        guard configuration.accessKey(id: accessKeyId) == nil else { return nil }
        return state.issuedCredential(accessKeyId: accessKeyId)?.expiration
    }
}
