import CredentialsCore
import Foundation
import Synchronization

/// Alibaba Cloud OAuth sign-in as the aliyun CLI's `OAuth` mode uses it (`oauth.aliyun.com`, `oauth.alibabacloud.com`):
///
/// * `POST /v1/token` (form: `grant_type=refresh_token`, `refresh_token`, `client_id`, `Timestamp`) answers
///   `{"access_token", "token_type", "expires_in", "refresh_token"}`. Refresh tokens rotate: each is accepted once.
///   The client id must be the site's (`4038181954557748008` CN, `4103531455503354461` INTL; either on other hosts).
/// * `POST /v1/exchange` with `Authorization: Bearer <access token>` answers STS credentials
///   `{"AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration"}` valid for `credentialLifetimeSeconds`
///   (the emulator's STS accepts them as callers).
///
/// The emulator has no sign-in, so tokens it did not issue (those a test writes into a profile) are accepted,
/// except the empty one, `None`, and any starting with `invalid`, `expired` or `revoked`, which are refused as a
/// real server refuses bad tokens. Tokens it issued are refused after they expire (or, for refresh tokens, after use).
/// Errors are OAuth-style: `{"error": "invalid_grant", "error_description": "…"}` with status 400 or 401.
final class OAuthService: EmulatorService {
    let endpoint = EmulatorEndpoint.oauth

    /// Host → the client id of its site.
    static let sites = ["oauth.aliyun.com": "4038181954557748008", "oauth.alibabacloud.com": "4103531455503354461"]
    static let tokenPath = "/v1/token"
    static let exchangePath = "/v1/exchange"
    /// Lifetime of access tokens issued by `/v1/token`.
    static let accessTokenLifetime = 3600

    private struct Tokens {
        /// Access tokens issued, with their expiry.
        var accessTokens: [String: Date] = [:]
        /// Refresh tokens already exchanged (issued or not): refused from then on.
        var usedRefreshTokens: Set<String> = []
    }

    private let tokens = Mutex(Tokens())

    func serves(host: String) -> Bool { Self.sites[host] != nil }

    func claims(_ request: EmulatorRequest) -> Bool {
        request.path == Self.tokenPath || request.path == Self.exchangePath
    }

    /// `token` or `exchange`, for fault rules.
    func action(of request: EmulatorRequest) -> String? {
        switch request.path {
        case Self.tokenPath: "token"
        case Self.exchangePath: "exchange"
        default: nil
        }
    }

    func respond(to request: EmulatorRequest, context: ServiceContext) async -> EmulatorResponse {
        guard request.method == "POST" else { return Self.error(405, "invalid_request", "Use POST.") }
        switch request.path {
        case Self.tokenPath: return refresh(request, context: context)
        case Self.exchangePath: return exchange(request, context: context)
        default: return Self.error(404, "not_found", "No such OAuth endpoint: \(request.path).")
        }
    }

    // MARK: - POST /v1/token

    private func refresh(_ request: EmulatorRequest, context: ServiceContext) -> EmulatorResponse {
        let form = request.parameters
        guard form["grant_type"] == "refresh_token" else {
            return Self.error(400, "unsupported_grant_type", "grant_type must be refresh_token.")
        }
        let expectedClients = Self.sites[request.host].map { [$0] } ?? Array(Self.sites.values)
        guard let client = form["client_id"], expectedClients.contains(client) else {
            return Self.error(400, "invalid_client", "Unknown client_id.")
        }
        guard let refreshToken = form["refresh_token"], !refreshToken.isEmpty else {
            return Self.error(400, "invalid_request", "refresh_token is required.")
        }
        let accessToken = RandomIdentifier.opaqueToken(prefix: "oauth-at-", count: 48)
        let newRefreshToken = RandomIdentifier.opaqueToken(prefix: "oauth-rt-", count: 48)
        let accepted: Bool = tokens.withLock { tokens in
            guard !Self.isRefused(refreshToken), !tokens.usedRefreshTokens.contains(refreshToken) else { return false }
            tokens.usedRefreshTokens.insert(refreshToken)
            tokens.accessTokens[accessToken] = context.now.addingTimeInterval(TimeInterval(Self.accessTokenLifetime))
            return true
        }
        guard accepted else { return Self.error(400, "invalid_grant", "The refresh token is invalid, expired or already used.") }
        return EmulatorResponse(json: .object([
            "access_token": .string(accessToken),
            "token_type": .string("Bearer"),
            "expires_in": .int(Self.accessTokenLifetime),
            "refresh_token": .string(newRefreshToken),
        ]))
    }

    // MARK: - POST /v1/exchange

    private func exchange(_ request: EmulatorRequest, context: ServiceContext) -> EmulatorResponse {
        guard let authorization = request.header("Authorization"), authorization.hasPrefix("Bearer ") else {
            return Self.error(401, "invalid_token", "A Bearer access token is required.")
        }
        let token = String(authorization.dropFirst("Bearer ".count))
        let valid: Bool = tokens.withLock { tokens in
            if let expiry = tokens.accessTokens[token] { return expiry > context.now }
            return !Self.isRefused(token)
        }
        guard valid else { return Self.error(401, "invalid_token", "The access token is invalid or expired.") }
        let issued = IssuedCredential(
            // The exchange hands out a role session of the signed-in user: the STS kind closest to it.
            kind: .assumeRole,
            accessKeyId: RandomIdentifier.opaqueToken(prefix: "STS.NT", count: 29),
            accessKeySecret: RandomIdentifier.alphanumeric(44),
            securityToken: RandomIdentifier.opaqueToken(prefix: "CAIS", count: 320),
            expiration: context.now.addingTimeInterval(TimeInterval(context.configuration.credentialLifetimeSeconds)),
            issuedAt: context.now,
            roleArn: "acs:ram::\(EmulatorConfiguration.standardAccountId):role/aliyunoauthrole",
            roleSessionName: "oauth", requestedBy: request.host)
        context.state.issue(issued)
        return EmulatorResponse(json: .object([
            "AccessKeyId": .string(issued.accessKeyId),
            "AccessKeySecret": .string(issued.accessKeySecret),
            "SecurityToken": .string(issued.securityToken ?? ""),
            "Expiration": .string(TimeFormat.iso8601(issued.expiration)),
        ]))
    }

    // MARK: - Helpers

    /// Tokens a real server would refuse (the emulator cannot check tokens it did not issue).
    static func isRefused(_ token: String) -> Bool {
        let lower = token.lowercased()
        return token.isEmpty || token == "None" || lower.hasPrefix("invalid") || lower.hasPrefix("expired") || lower.hasPrefix("revoked")
    }

    static func error(_ status: Int, _ code: String, _ description: String) -> EmulatorResponse {
        var response = EmulatorResponse(status: status, json: .object(["error": .string(code), "error_description": .string(description)]))
        response.errorCode = code
        return response
    }
}
