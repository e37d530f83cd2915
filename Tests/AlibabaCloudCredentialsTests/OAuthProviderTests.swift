import CloudEmulator
import CloudHTTP
import CredentialsCore
import Foundation
import Synchronization
import Testing

@testable import AlibabaCloudCredentials

@Suite("OAuth provider")
struct OAuthProviderTests {
    /// Answers `/v1/token` and `/v1/exchange` like the OAuth service.
    static func service(expiresIn: Double = 3600, tokenLifetime: Int = 7200) -> LoginScriptedTransport {
        let exchanges = Mutex(0)
        return LoginScriptedTransport { request in
            switch request.path {
            case "/v1/token":
                return loginJSON(#"{"access_token": "new-access", "refresh_token": "new-refresh", "expires_in": \#(tokenLifetime)}"#)
            case "/v1/exchange":
                let n = exchanges.withLock { $0 += 1; return $0 }
                return loginJSON(
                    """
                    {"AccessKeyId": "STS.oauth-\(n)", "AccessKeySecret": "oauth-secret", "SecurityToken": "oauth-token", \
                    "Expiration": "\(LoginTime.iso(expiresIn))"}
                    """)
            default:
                return loginJSON(404, #"{"error": "not_found"}"#)
            }
        }
    }

    static func provider(
        _ transport: any HTTPTransport, clock: ManualClock = ManualClock(now: Date(timeIntervalSince1970: LoginTime.now)),
        accessToken: String? = "old-access", expireIn: Int64? = 3000, refreshToken: String? = "old-refresh",
        sts: (String, String, String, Int64)? = nil, logs: LoginLogCapture = LoginLogCapture(),
        update: OAuthProvider.TokenUpdate? = nil
    ) throws -> OAuthProvider {
        try OAuthProvider(
            clientId: OAuthProvider.Site.cn.clientId, signInURL: OAuthProvider.Site.cn.signInURL, accessToken: accessToken,
            accessTokenExpire: expireIn.map { LoginTime.nowSeconds + $0 }, refreshToken: refreshToken,
            accessKeyId: sts?.0, accessKeySecret: sts?.1, securityToken: sts?.2, stsExpiration: sts?.3,
            tokenUpdate: update, context: loginContext(transport: transport, clock: clock, logs: logs))
    }

    // MARK: Construction and sites

    @Test("a missing client id or sign-in URL is refused")
    func validation() {
        let transport = LoginScriptedTransport { _ in loginJSON("{}") }
        let noClient = #expect(throws: CredentialsError.self) {
            try OAuthProvider(clientId: "", signInURL: nil, context: loginContext(transport: transport))
        }
        #expect(noClient?.code == .invalidArgument && noClient?.message == "the ClientId is empty")
        let noURL = #expect(throws: CredentialsError.self) {
            try OAuthProvider(clientId: "c", signInURL: "", context: loginContext(transport: transport))
        }
        #expect(noURL?.message == "the url for sign-in is empty")
    }

    @Test("the CN and INTL sites, case-insensitive")
    func sites() {
        #expect(OAuthProvider.Site(siteType: "cn") == .cn)
        #expect(OAuthProvider.Site(siteType: "Intl") == .intl)
        #expect(OAuthProvider.Site(siteType: "") == nil)
        #expect(OAuthProvider.Site.cn.signInURL == "https://oauth.aliyun.com")
        #expect(OAuthProvider.Site.cn.clientId == "4038181954557748008")
        #expect(OAuthProvider.Site.intl.signInURL == "https://oauth.alibabacloud.com")
        #expect(OAuthProvider.Site.intl.clientId == "4103531455503354461")
    }

    // MARK: P23–P25

    @Test("P23: saved STS credentials that have not expired are used without any request")
    func persistedSTS() async throws {
        let transport = Self.service()
        let expiry = LoginTime.nowSeconds + 1000
        let provider = try Self.provider(transport, expireIn: -5000, sts: ("STS.saved", "saved-secret", "saved-token", expiry))
        let credential = try await provider.credential()
        #expect(credential.accessKeyId == "STS.saved")
        #expect(credential.securityToken == "saved-token")
        #expect(credential.expiration == Date(timeIntervalSince1970: Double(expiry)))
        #expect(credential.providerName == "oauth")
        #expect(transport.requests.isEmpty)
    }

    @Test("saved STS credentials that expired, or are incomplete, are not used", arguments: [
        ("STS.saved", "s", "t", LoginTime.nowSeconds) as (String, String, String, Int64),
        ("STS.saved", "", "t", LoginTime.nowSeconds + 1000),
        ("STS.saved", "s", "t", 0),
    ])
    func persistedSTSUnusable(sts: (String, String, String, Int64)) async throws {
        let transport = Self.service()
        let provider = try Self.provider(transport, sts: sts)
        #expect(try await provider.credential().accessKeyId == "STS.oauth-1")
        #expect(transport.paths == ["/v1/exchange"])
    }

    @Test("P24: an access token with 1500 s left is exchanged as it is")
    func noRefreshNeeded() async throws {
        let transport = Self.service()
        let provider = try Self.provider(transport, expireIn: 1500)
        let credential = try await provider.credential()
        #expect(credential.accessKeyId == "STS.oauth-1")
        #expect(credential.expiration == Date(timeIntervalSince1970: LoginTime.now + 3600))
        #expect(transport.paths == ["/v1/exchange"])
        let exchange = try #require(transport.requests.first)
        #expect(exchange.method == "POST" && exchange.host == "oauth.aliyun.com" && exchange.scheme == "https")
        #expect(exchange.loginHeader("Authorization") == "Bearer old-access")
        #expect(exchange.loginHeader("Content-Type") == "application/json")
        #expect(exchange.body.isEmpty)
        #expect(exchange.routing == .cloudEndpoint)
        #expect(exchange.connectTimeoutMs == 5000 && exchange.readTimeoutMs == 10000)
    }

    @Test("P25: an access token with 1200 s or less left is refreshed first", arguments: [900 as Int64, 1200, 0, -10])
    func refreshFirst(expireIn: Int64) async throws {
        let transport = Self.service(tokenLifetime: 7200)
        let updates = Mutex<[OAuthTokenUpdate]>([])
        let provider = try Self.provider(transport, expireIn: expireIn) { update in updates.withLock { $0.append(update) } }
        _ = try await provider.credential()
        #expect(transport.paths == ["/v1/token", "/v1/exchange"])
        let token = transport.requests[0]
        #expect(token.method == "POST")
        #expect(token.loginHeader("Content-Type") == "application/x-www-form-urlencoded")
        #expect(
            token.loginBodyText
                == "grant_type=refresh_token&refresh_token=old-refresh&client_id=4038181954557748008&Timestamp=2023-11-14T22%3A13%3A20Z")
        #expect(transport.requests[1].loginHeader("Authorization") == "Bearer new-access")
        let update = try #require(updates.withLock { $0.first })
        #expect(
            update
                == OAuthTokenUpdate(
                    refreshToken: "new-refresh", accessToken: "new-access", accessKeyId: "STS.oauth-1", accessKeySecret: "oauth-secret",
                    securityToken: "oauth-token", accessTokenExpire: LoginTime.nowSeconds + 7200, stsExpiration: LoginTime.nowSeconds + 3600))
    }

    @Test("without expires_in a refreshed token lives 3600 s")
    func defaultExpiresIn() async throws {
        let updates = Mutex<[OAuthTokenUpdate]>([])
        let transport = LoginScriptedTransport { request in
            request.path == "/v1/token"
                ? loginJSON(#"{"access_token": "a2", "refresh_token": "r2"}"#)
                : loginJSON(#"{"AccessKeyId": "i", "AccessKeySecret": "s", "SecurityToken": "t", "Expiration": "\#(LoginTime.iso(600))"}"#)
        }
        let provider = try Self.provider(transport, expireIn: nil) { update in updates.withLock { $0.append(update) } }
        _ = try await provider.credential()
        #expect(updates.withLock { $0.first?.accessTokenExpire } == LoginTime.nowSeconds + 3600)
    }

    @Test("without a refresh token an old access token is exchanged anyway; without an access token Python's `Bearer None` goes out")
    func noRefreshToken() async throws {
        let transport = Self.service()
        _ = try await Self.provider(transport, expireIn: -100, refreshToken: nil).credential()
        #expect(transport.paths == ["/v1/exchange"])

        let second = Self.service()
        _ = try await Self.provider(second, accessToken: nil, expireIn: nil, refreshToken: "").credential()
        #expect(second.requests.first?.loginHeader("Authorization") == "Bearer None")
    }

    @Test("credentials are used until their exact expiry, then exchanged again")
    func exactExpiry() async throws {
        let clock = ManualClock(now: Date(timeIntervalSince1970: LoginTime.now))
        let exchanges = Mutex(0)
        let transport = LoginScriptedTransport { _ in
            let n = exchanges.withLock { $0 += 1; return $0 }
            let expiration = TimeFormat.iso8601(clock.now().addingTimeInterval(600))
            return loginJSON(#"{"AccessKeyId": "STS.oauth-\#(n)", "AccessKeySecret": "s", "SecurityToken": "t", "Expiration": "\#(expiration)"}"#)
        }
        let provider = try Self.provider(transport, clock: clock, expireIn: 100_000)
        #expect(try await provider.credential().accessKeyId == "STS.oauth-1")
        clock.advance(by: 599)
        #expect(try await provider.credential().accessKeyId == "STS.oauth-1")
        clock.advance(by: 1)
        #expect(try await provider.credential().accessKeyId == "STS.oauth-2")
        #expect(transport.paths == ["/v1/exchange", "/v1/exchange"])
    }

    // MARK: Errors

    @Test("token refresh errors: status, or missing tokens")
    func refreshErrors() async throws {
        let rejected = LoginScriptedTransport { _ in loginJSON(400, #"{"error": "invalid_grant", "refresh_token": "leaked-refresh"}"#) }
        let error = await #expect(throws: CredentialsError.self) { try await Self.provider(rejected, expireIn: 10).credential() }
        #expect(
            error?.message
                == #"failed to refresh OAuth token, status code: 400, response: {"error": "invalid_grant", "refresh_token": "******"}"#)

        let incomplete = LoginScriptedTransport { _ in loginJSON(#"{"access_token": "only-access-token"}"#) }
        let error2 = await #expect(throws: CredentialsError.self) { try await Self.provider(incomplete, expireIn: 10).credential() }
        #expect(error2?.message == #"failed to refresh OAuth token: {"access_token": "******"}"#)
        #expect(incomplete.paths == ["/v1/token"])
    }

    @Test("exchange errors: status, an error key, or missing keys", arguments: [
        (500, #"{"Code": "InternalError"}"#, #"error refreshing credentials from OAuth, http_code: 500, result: {"Code": "InternalError"}"#),
        (200, #"{"error": "invalid_token", "AccessKeyId": "a", "AccessKeySecret": "b", "SecurityToken": "c"}"#,
         #"error retrieving credentials from OAuth result: {"error": "invalid_token", "AccessKeyId": "****", "AccessKeySecret": "******", "SecurityToken": "******"}"#),
        (200, #"{"AccessKeyId": "a", "SecurityToken": "c"}"#,
         #"error retrieving credentials from OAuth result: {"AccessKeyId": "****", "SecurityToken": "******"}"#),
    ])
    func exchangeErrors(status: Int, body: String, message: String) async throws {
        let transport = LoginScriptedTransport { _ in loginJSON(status, body) }
        let error = await #expect(throws: CredentialsError.self) { try await Self.provider(transport).credential() }
        #expect(error?.message == message)
    }

    @Test("a failing update callback is logged without secrets; the credentials are still returned")
    func callbackFailure() async throws {
        let logs = LoginLogCapture()
        struct Boom: Error, CustomStringConvertible { var description: String { "disk full" } }
        let provider = try Self.provider(Self.service(), logs: logs) { _ in throw Boom() }
        #expect(try await provider.credential().accessKeyId == "STS.oauth-1")
        #expect(logs.lines == ["failed to update OAuth tokens in config file: disk full"])
    }

    // MARK: From config.json

    @Test("V11: an unknown oauth_site_type", arguments: ["xx", ""])
    func invalidSite(site: String) async throws {
        let directory = try LoginTestDirectory()
        let config = try directory.write(
            "config.json", #"{"current": "o", "profiles": [{"name": "o", "mode": "OAuth", "oauth_site_type": "\#(site)"}]}"#)
        let provider = CLIProfileProvider(profileFile: config, context: loginContext(transport: Self.service()))
        let error = await #expect(throws: CredentialsError.self) { try await provider.credential() }
        #expect(error?.code == .providerFailed)
        #expect(error?.message == "Invalid OAuth site type, support CN or INTL")
    }

    @Test("the site picks host and client id; absent means CN", arguments: [
        (#""oauth_site_type": "intl", "#, "oauth.alibabacloud.com", "4103531455503354461"),
        ("", "oauth.aliyun.com", "4038181954557748008"),
    ])
    func siteFromProfile(field: String, host: String, clientId: String) async throws {
        let directory = try LoginTestDirectory()
        let config = try directory.write(
            "config.json",
            """
            {"current": "o", "profiles": [{"name": "o", "mode": "OAuth", \(field)"oauth_access_token": "at",
              "oauth_access_token_expire": \(LoginTime.nowSeconds + 60), "oauth_refresh_token": "rt"}]}
            """)
        let transport = Self.service()
        let credential = try await CLIProfileProvider(profileFile: config, context: loginContext(transport: transport)).credential()
        #expect(credential.providerName == "cli_profile/oauth")
        #expect(transport.requests.map(\.host) == [host, host])
        #expect(transport.requests[0].loginBodyText.contains("client_id=\(clientId)&"))
    }

    // MARK: Against the emulator

    @Test("end to end: refresh, exchange, write-back, reuse by the next program, rotation, and STS accepting the result")
    func emulator() async throws {
        try await withLoginEmulator { emulator, transport in
            let directory = try LoginTestDirectory()
            let original = """
                {"current": "chain", "profiles": [
                  {"name": "o", "mode": "OAuth", "oauth_site_type": "CN", "oauth_access_token": "at-initial",
                   "oauth_access_token_expire": \(loginEpochNow() + 100), "oauth_refresh_token": "rt-initial"},
                  {"name": "chain", "mode": "ChainableRamRoleArn", "source_profile": "o",
                   "ram_role_arn": "acs:ram::1234567890123456:role/emulator-role", "ram_session_name": "oauth-chain"}]}
                """
            let path = try directory.write("config.json", original)

            // The chain assumes a role with the credentials the OAuth exchange returned.
            let chained = try await CLIProfileProvider(profileFile: path, context: loginLiveContext(transport: transport)).credential()
            #expect(chained.providerName == "cli_profile/ram_role_arn/oauth")
            #expect(emulator.recordedRequests(.oauth).map(\.path) == ["/v1/token", "/v1/exchange"])
            #expect(emulator.requestCount(.sts) == 1)
            let token = try #require(emulator.recordedRequests(.oauth).first)
            #expect(token.host == "oauth.aliyun.com")
            #expect(token.parameters["client_id"] == "4038181954557748008")
            #expect(token.parameters["refresh_token"] == RecordedRequest.mask("rt-initial"))

            // The new tokens and STS credentials were written into the OAuth profile.
            let saved = try #require(try JSONValue.parse(try directory.read("config.json"))["profiles"]?[0])
            let refreshToken = try #require(saved["oauth_refresh_token"]?.stringValue)
            #expect(refreshToken.hasPrefix("oauth-rt-"))
            #expect(saved["oauth_access_token"]?.stringValue?.hasPrefix("oauth-at-") == true)
            let savedKey = try #require(saved["access_key_id"]?.stringValue)
            #expect(emulator.issuedCredentials().contains { $0.accessKeyId == savedKey })

            // The next program reuses the saved STS credentials without any OAuth request.
            let direct = CLIProfileProvider(profileName: "o", profileFile: path, context: loginLiveContext(transport: transport))
            #expect(try await direct.credential().accessKeyId == savedKey)
            #expect(emulator.requestCount(.oauth) == 2)

            // The initial refresh token was rotated away: using it again is refused.
            let stale = try directory.write("stale.json", original.replacingOccurrences(of: "\"current\": \"chain\"", with: "\"current\": \"o\""))
            let error = await #expect(throws: CredentialsError.self) {
                try await CLIProfileProvider(profileFile: stale, context: loginLiveContext(transport: transport)).credential()
            }
            #expect(
                error?.message
                    == #"failed to refresh OAuth token, status code: 400, response: {"error": "invalid_grant", "error_description": "The refresh token is invalid, expired or already used."}"#
            )
        }
    }

    @Test("the emulator refuses a bad access token at the exchange")
    func emulatorRefusesToken() async throws {
        try await withLoginEmulator { emulator, transport in
            let provider = try OAuthProvider(
                clientId: OAuthProvider.Site.intl.clientId, signInURL: OAuthProvider.Site.intl.signInURL, accessToken: "invalid-token",
                accessTokenExpire: loginEpochNow() + 7200, context: loginLiveContext(transport: transport))
            let error = await #expect(throws: CredentialsError.self) { try await provider.credential() }
            #expect(
                error?.message
                    == #"error refreshing credentials from OAuth, http_code: 401, result: {"error": "invalid_token", "error_description": "The access token is invalid or expired."}"#
            )
            #expect(emulator.recordedRequests(.oauth).first?.host == "oauth.alibabacloud.com")
        }
    }
}
