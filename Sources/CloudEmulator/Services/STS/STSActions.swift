import CredentialsCore
import Foundation

/// The STS actions proper, once the request is authenticated.
struct STSActions {
    let configuration: EmulatorConfiguration
    let state: EmulatorState
    let now: Date
    let requestId: String

    /// Role chaining (STS credentials as the caller) is limited to one hour, as on Alibaba Cloud.
    static let chainedMaxDuration = 3600

    // MARK: - AssumeRole

    func assumeRole(_ parameters: [String: String], caller: STSCaller) throws(CloudErrorBody) -> JSONValue {
        let roleArn = try required("RoleArn", parameters)
        let sessionName = try required("RoleSessionName", parameters)
        try checkSessionName(sessionName)
        try checkPolicy(parameters["Policy"])
        guard let role = configuration.role(arn: roleArn) else { throw .roleNotFound(roleArn) }
        let maximum = caller.isChained ? min(role.maxSessionDuration, Self.chainedMaxDuration) : role.maxSessionDuration
        let duration = try durationSeconds(parameters, maximum: maximum)
        if let allowed = role.allowedPrincipals, !caller.principalNames.contains(where: allowed.contains) { throw .noPermission }
        if let externalId = role.externalId, parameters["ExternalId"] != externalId { throw .noPermission }
        let issued = issueSTS(kind: .assumeRole, role: role, sessionName: sessionName, lifetime: duration, requestedBy: caller.accessKeyId)
        return .object([
            "RequestId": .string(requestId),
            "AssumedRoleUser": assumedRoleUser(role: role, sessionName: sessionName),
            "Credentials": credentialsJSON(issued),
        ])
    }

    // MARK: - AssumeRoleWithOIDC (unsigned)

    func assumeRoleWithOIDC(_ parameters: [String: String]) throws(CloudErrorBody) -> JSONValue {
        let roleArn = try required("RoleArn", parameters)
        let providerArn = try required("OIDCProviderArn", parameters)
        let token = try required("OIDCToken", parameters)
        let sessionName = try required("RoleSessionName", parameters)
        try checkSessionName(sessionName)
        try checkPolicy(parameters["Policy"])
        guard let provider = configuration.oidcProvider(arn: providerArn) else { throw .oidcProviderNotFound(providerArn) }
        let claims = try checkOIDCToken(token, provider: provider)
        guard let role = configuration.role(arn: roleArn) else { throw .roleNotFound(roleArn) }
        let duration = try durationSeconds(parameters, maximum: role.maxSessionDuration)
        if let allowed = role.allowedPrincipals, !allowed.contains(provider.arn) { throw .noPermission }
        let issued = issueSTS(kind: .assumeRoleWithOIDC, role: role, sessionName: sessionName, lifetime: duration, requestedBy: provider.arn)
        return .object([
            "RequestId": .string(requestId),
            "AssumedRoleUser": assumedRoleUser(role: role, sessionName: sessionName),
            "OIDCTokenInfo": .object([
                "Subject": .string(claims.subject),
                "Issuer": .string(claims.issuer),
                "ClientIds": .string(claims.audience),
            ]),
            "Credentials": credentialsJSON(issued),
        ])
    }

    // MARK: - GenerateSessionAccessKey (signed with the RSA key pair)

    func generateSessionAccessKey(_ parameters: [String: String], caller: STSCaller) throws(CloudErrorBody) -> JSONValue {
        let maximum = configuration.rsaKeyPair(publicKeyId: caller.accessKeyId)?.maxSessionDuration ?? 3600
        let duration = try durationSeconds(parameters, maximum: maximum)
        let issued = IssuedCredential(
            kind: .sessionAccessKey,
            accessKeyId: RandomIdentifier.opaqueToken(prefix: "TMPSK.", count: 30),
            accessKeySecret: RandomIdentifier.alphanumeric(30),
            securityToken: nil,
            expiration: now.addingTimeInterval(TimeInterval(duration)),
            issuedAt: now, roleArn: nil, roleSessionName: nil, requestedBy: caller.accessKeyId)
        state.issue(issued)
        return .object([
            "RequestId": .string(requestId),
            "SessionAccessKey": .object([
                "SessionAccessKeyId": .string(issued.accessKeyId),
                "SessionAccessKeySecret": .string(issued.accessKeySecret),
                "Expiration": .string(TimeFormat.iso8601(issued.expiration)),
            ]),
        ])
    }

    // MARK: - GetCallerIdentity

    func callerIdentity(_ caller: STSCaller) -> JSONValue {
        let account = caller.accountId ?? EmulatorConfiguration.standardAccountId
        if let roleArn = caller.roleArn, let arn = RoleARN(parsing: roleArn) {
            return .object([
                "RequestId": .string(requestId), "IdentityType": .string("AssumedRoleUser"),
                "AccountId": .string(account), "PrincipalId": .string(caller.accessKeyId),
                "Arn": .string("acs:ram::\(account):assumed-role/\(arn.roleName)/session"),
            ])
        }
        return .object([
            "RequestId": .string(requestId), "IdentityType": .string("Account"), "AccountId": .string(account),
            "PrincipalId": .string(account), "UserId": .string(account), "Arn": .string("acs:ram::\(account):root"),
        ])
    }

    // MARK: - Shared pieces

    private func required(_ name: String, _ parameters: [String: String]) throws(CloudErrorBody) -> String {
        guard let value = parameters[name], !value.isEmpty else { throw .missingParameter(name) }
        return value
    }

    /// `DurationSeconds` (default: the configured credential lifetime, capped by `maximum`) within 900…maximum.
    private func durationSeconds(_ parameters: [String: String], maximum: Int) throws(CloudErrorBody) -> Int {
        guard let text = parameters["DurationSeconds"], !text.isEmpty else {
            return min(configuration.credentialLifetimeSeconds, maximum)
        }
        guard let seconds = Int(text), seconds >= 900, seconds <= maximum else { throw .durationOutOfRange(max: maximum) }
        return seconds
    }

    private func checkSessionName(_ name: String) throws(CloudErrorBody) {
        let allowed = name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".@-_".unicodeScalars.contains(scalar))
        }
        guard (2...64).contains(name.count), allowed else { throw .sessionNameMalformed }
    }

    private func checkPolicy(_ policy: String?) throws(CloudErrorBody) {
        guard let policy, !policy.isEmpty else { return }
        guard (try? JSONSerialization.jsonObject(with: Data(policy.utf8))) is [String: Any] else { throw .policyMalformed }
    }

    /// Accepts the configured token (a trailing newline tolerated) or, without one, any non-empty token with no
    /// inner whitespace. Returns the claims shown in `OIDCTokenInfo`.
    private func checkOIDCToken(_ token: String, provider: EmulatorOIDCProvider) throws(CloudErrorBody) -> OIDCClaims {
        var trimmed = Substring(token)
        while let last = trimmed.last, last == "\n" || last == "\r" || last == "\r\n" { trimmed = trimmed.dropLast() }
        let invalid = CloudErrorBody(status: 400, code: "AuthenticationFail.OIDCToken.Invalid", message: "The OIDC token is invalid.")
        if let expected = provider.expectedToken {
            guard String(trimmed) == expected else { throw invalid }
        } else {
            guard !trimmed.isEmpty, !trimmed.contains(where: \.isWhitespace) else { throw invalid }
        }
        return OIDCClaims(jwt: String(trimmed))
    }

    private func issueSTS(
        kind: IssuedCredential.Kind, role: EmulatorRole, sessionName: String, lifetime: Int, requestedBy: String
    ) -> IssuedCredential {
        let issued = IssuedCredential(
            kind: kind,
            accessKeyId: RandomIdentifier.opaqueToken(prefix: "STS.NT", count: 29),
            accessKeySecret: RandomIdentifier.alphanumeric(44),
            securityToken: RandomIdentifier.opaqueToken(prefix: "CAIS", count: 320),
            expiration: now.addingTimeInterval(TimeInterval(lifetime)),
            issuedAt: now, roleArn: role.arn, roleSessionName: sessionName, requestedBy: requestedBy)
        state.issue(issued)
        return issued
    }

    private func assumedRoleUser(role: EmulatorRole, sessionName: String) -> JSONValue {
        let arn = RoleARN(parsing: role.arn)
        let account = arn?.accountId ?? EmulatorConfiguration.standardAccountId
        // A stable 19-digit role id derived from the ARN (FNV-1a), as RAM role ids are numeric.
        let hash = role.arn.utf8.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
        let roleId = String(300_000_000_000_000_000 + hash % 100_000_000_000_000_000)
        return .object([
            "AssumedRoleId": .string("\(roleId):\(sessionName)"),
            "Arn": .string("acs:ram::\(account):assumed-role/\(arn?.roleName ?? "role")/\(sessionName)"),
        ])
    }

    private func credentialsJSON(_ issued: IssuedCredential) -> JSONValue {
        .object([
            "AccessKeyId": .string(issued.accessKeyId),
            "AccessKeySecret": .string(issued.accessKeySecret),
            "SecurityToken": .string(issued.securityToken ?? ""),
            "Expiration": .string(TimeFormat.iso8601(issued.expiration)),
        ])
    }
}

/// The claims of an OIDC token the emulator reports back; placeholders when the token is not a readable JWT.
struct OIDCClaims {
    var subject = "emulator-subject"
    var issuer = "https://oidc.emulator.invalid"
    var audience = "sts.aliyuncs.com"

    init(jwt: String) {
        let segments = jwt.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count >= 2 else { return }
        var base64 = segments[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64),
              let payload = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        else { return }
        if let sub = payload["sub"] as? String { subject = sub }
        if let iss = payload["iss"] as? String { issuer = iss }
        if let aud = payload["aud"] as? String { audience = aud }
        if let aud = payload["aud"] as? [String] { audience = aud.joined(separator: ",") }
    }
}
