import CloudEmulator
import CloudHTTP
import CredentialsCore
import Foundation
import Synchronization
import Testing

@testable import AlibabaCloudCredentials

@Suite("CloudSSO provider")
struct CloudSSOProviderTests {
    static let signInURL = "https://signin-cn-shanghai.alibabacloudsso.com/device/login?x=1"

    static func successBody(expiresIn: Double = 3600, id: String = "STS.sso-id") -> String {
        """
        {"RequestId": "r1", "CloudCredential": {"AccessKeyId": "\(id)", "AccessKeySecret": "sso-secret-value", \
        "SecurityToken": "sso-token-value", "Expiration": "\(LoginTime.iso(expiresIn))"}}
        """
    }

    static func provider(
        _ transport: any HTTPTransport, clock: ManualClock = ManualClock(now: Date(timeIntervalSince1970: LoginTime.now)),
        token: String? = "sso-access-token", expire: Int64? = LoginTime.nowSeconds + 3600, options: HTTPOptions = HTTPOptions()
    ) throws -> CloudSSOProvider {
        try CloudSSOProvider(
            signInURL: signInURL, accountId: "1234567890", accessConfig: "ac-abc", accessToken: token, accessTokenExpire: expire,
            httpOptions: options, context: loginContext(transport: transport, clock: clock))
    }

    // MARK: Construction

    @Test("an absent, zero, expired or undated access token is refused first", arguments: [
        (nil, LoginTime.nowSeconds + 100) as (String?, Int64?),
        ("tok", 0), ("tok", LoginTime.nowSeconds), ("tok", LoginTime.nowSeconds - 1), ("tok", nil),
    ])
    func expiredToken(token: String?, expire: Int64?) {
        let transport = LoginScriptedTransport { _ in loginJSON("{}") }
        let error = #expect(throws: CredentialsError.self) {
            // The missing URL is reported only after the token.
            try CloudSSOProvider(
                signInURL: nil, accountId: "1", accessConfig: "c", accessToken: token, accessTokenExpire: expire,
                context: loginContext(transport: transport))
        }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message == "CloudSSO access token is empty or expired, please re-login with cli")
    }

    @Test("a token without expiry gets a hint naming the missing key (deliberate: Python raises TypeError)")
    func undatedTokenHint() {
        let error = #expect(throws: CredentialsError.self) {
            try CloudSSOProvider(
                signInURL: "https://x", accountId: "1", accessConfig: "c", accessToken: "t", accessTokenExpire: nil,
                context: loginContext(transport: LoginScriptedTransport { _ in loginJSON("{}") }))
        }
        #expect(error?.hint?.contains("cloud_sso_access_token_expire") == true)
    }

    @Test("a missing sign-in URL, account id or access configuration is refused", arguments: [
        (nil, "1", "c") as (String?, String?, String?), ("https://x", nil, "c"), ("https://x", "1", nil),
    ])
    func missingFields(url: String?, account: String?, config: String?) {
        let error = #expect(throws: CredentialsError.self) {
            try CloudSSOProvider(
                signInURL: url, accountId: account, accessConfig: config, accessToken: "", accessTokenExpire: LoginTime.nowSeconds + 10,
                context: loginContext(transport: LoginScriptedTransport { _ in loginJSON("{}") }))
        }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message == "CloudSSO sign in url or account id or access config is empty")
    }

    // MARK: Request and answer

    @Test("POST /cloud-credentials on the sign-in host with the bearer token and Python's JSON body")
    func requestShape() async throws {
        let transport = LoginScriptedTransport { _ in loginJSON(Self.successBody()) }
        let provider = try Self.provider(transport)
        let credential = try await provider.credential()
        #expect(credential.accessKeyId == "STS.sso-id")
        #expect(credential.accessKeySecret == "sso-secret-value")
        #expect(credential.securityToken == "sso-token-value")
        #expect(credential.providerName == "cloud_sso")
        #expect(credential.expiration == Date(timeIntervalSince1970: LoginTime.now + 3600))
        #expect(provider.providerName == "cloud_sso")

        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.scheme == "https")
        #expect(request.host == "signin-cn-shanghai.alibabacloudsso.com")
        #expect(request.port == nil)
        #expect(request.path == "/cloud-credentials")
        #expect(request.rawQuery == "")
        #expect(request.loginHeader("Accept") == "application/json")
        #expect(request.loginHeader("Content-Type") == "application/json")
        #expect(request.loginHeader("Authorization") == "Bearer sso-access-token")
        #expect(request.loginBodyText == #"{"AccountId": "1234567890", "AccessConfigurationId": "ac-abc"}"#)
        #expect(request.connectTimeoutMs == 5000 && request.readTimeoutMs == 10000)
        #expect(request.routing == .cloudEndpoint)
    }

    @Test("scheme and port come from the sign-in URL; HTTP options override timeouts and proxy")
    func portSchemeAndOptions() async throws {
        let transport = LoginScriptedTransport { _ in loginJSON(Self.successBody()) }
        let provider = try CloudSSOProvider(
            signInURL: "http://127.0.0.1:8123/login", accountId: "1", accessConfig: "c", accessToken: "t",
            accessTokenExpire: LoginTime.nowSeconds + 60,
            httpOptions: HTTPOptions(proxy: "http://proxy:3128", connectTimeoutMs: 1234, readTimeoutMs: 0),
            context: loginContext(transport: transport))
        _ = try await provider.credential()
        let request = try #require(transport.requests.first)
        #expect(request.scheme == "http" && request.host == "127.0.0.1" && request.port == 8123)
        #expect(request.connectTimeoutMs == 1234 && request.readTimeoutMs == 10000)
        #expect(request.proxy == "http://proxy:3128")
    }

    @Test("credentials are cached until 15 minutes before they expire")
    func caching() async throws {
        let clock = ManualClock(now: Date(timeIntervalSince1970: LoginTime.now))
        let counter = Mutex(0)
        let transport = LoginScriptedTransport { _ in
            let n = counter.withLock { $0 += 1; return $0 }
            return loginJSON(Self.successBody(id: "STS.\(n)"))
        }
        let provider = try Self.provider(transport, clock: clock, expire: LoginTime.nowSeconds + 86400)
        #expect(try await provider.credential().accessKeyId == "STS.1")
        clock.advance(by: 3600 - 901)
        #expect(try await provider.credential().accessKeyId == "STS.1")
        clock.advance(by: 2)
        #expect(try await provider.credential().accessKeyId == "STS.2")
        #expect(transport.requests.count == 2)
    }

    @Test("a non-200 answer: Python's text, secrets masked")
    func httpError() async throws {
        let body = #"{"Code": "AccessTokenExpired", "Message": "expired", "SecurityToken": "leaked-token-value"}"#
        let transport = LoginScriptedTransport { _ in loginJSON(401, body) }
        let error = await #expect(throws: CredentialsError.self) { try await Self.provider(transport).credential() }
        #expect(
            error?.message
                == #"error refreshing credentials from sso, http_code: 401, result: {"Code": "AccessTokenExpired", "Message": "expired", "SecurityToken": "******"}"#
        )
        #expect(error?.message.contains("leaked-token-value") == false)
        #expect(error?.hint?.contains("aliyun configure") == true)
    }

    @Test("answers without CloudCredential or one of its keys", arguments: [
        #"{"Other": 1}"#,
        #"{"CloudCredential": {"AccessKeyId": "a", "AccessKeySecret": "b"}}"#,
        #"{"CloudCredential": {"AccessKeySecret": "b", "SecurityToken": "c"}}"#,
    ])
    func retrievalErrors(body: String) async throws {
        let transport = LoginScriptedTransport { _ in loginJSON(body) }
        let error = await #expect(throws: CredentialsError.self) { try await Self.provider(transport).credential() }
        let rendered = SafeBody.render(Array(body.utf8))
        #expect(error?.message == "error retrieving credentials from sso result: \(rendered)")
    }

    @Test("an Expiration in another format, or missing, fails with strptime's text")
    func badExpiration() async throws {
        let bad = LoginScriptedTransport { _ in
            loginJSON(#"{"CloudCredential": {"AccessKeyId": "a", "AccessKeySecret": "b", "SecurityToken": "c", "Expiration": "2030-01-01T00:00:00.000Z"}}"#)
        }
        let error = await #expect(throws: CredentialsError.self) { try await Self.provider(bad).credential() }
        #expect(error?.message == "time data '2030-01-01T00:00:00.000Z' does not match format '%Y-%m-%dT%H:%M:%SZ'")

        let missing = LoginScriptedTransport { _ in
            loginJSON(#"{"CloudCredential": {"AccessKeyId": "a", "AccessKeySecret": "b", "SecurityToken": "c"}}"#)
        }
        let error2 = await #expect(throws: CredentialsError.self) { try await Self.provider(missing).credential() }
        #expect(error2?.message == "strptime() argument 1 must be str, not None")
    }

    @Test("a 200 answer that is not JSON fails with the JSON parser's text")
    func notJSON() async throws {
        let transport = LoginScriptedTransport { _ in HTTPResponse(status: 200, body: Array("<html>".utf8)) }
        let error = await #expect(throws: CredentialsError.self) { try await Self.provider(transport).credential() }
        #expect(error?.message == "Expecting value: line 1 column 1 (char 0)")
    }

    @Test("a sign-in URL without scheme fails at refresh like Tea")
    func badURL() async throws {
        let transport = LoginScriptedTransport { _ in loginJSON(Self.successBody()) }
        let provider = try CloudSSOProvider(
            signInURL: "signin.example.com/login", accountId: "1", accessConfig: "c", accessToken: "t",
            accessTokenExpire: LoginTime.nowSeconds + 60, context: loginContext(transport: transport))
        let error = await #expect(throws: CredentialsError.self) { try await provider.credential() }
        #expect(error?.message == "\"endpoint\" is required.")
        #expect(transport.requests.isEmpty)
    }

    // MARK: From config.json

    @Test("a CloudSSO profile builds cli_profile/cloud_sso")
    func fromProfile() async throws {
        let directory = try LoginTestDirectory()
        let config = try directory.write(
            "config.json",
            """
            {"current": "sso", "profiles": [{"name": "sso", "mode": "CloudSSO",
              "cloud_sso_sign_in_url": "https://signin-cn-shanghai.alibabacloudsso.com/device/login",
              "cloud_sso_account_id": "1234567890", "cloud_sso_access_config": "ac-abc",
              "access_token": "profile-token", "cloud_sso_access_token_expire": \(LoginTime.nowSeconds + 600)}]}
            """)
        let transport = LoginScriptedTransport { _ in loginJSON(Self.successBody()) }
        let provider = CLIProfileProvider(profileFile: config, context: loginContext(transport: transport))
        let credential = try await provider.credential()
        #expect(credential.providerName == "cli_profile/cloud_sso")
        #expect(transport.requests.first?.loginHeader("Authorization") == "Bearer profile-token")
    }

    @Test("V12: a CloudSSO profile without token")
    func profileWithoutToken() async throws {
        let directory = try LoginTestDirectory()
        let config = try directory.write(
            "config.json",
            #"{"current": "sso", "profiles": [{"name": "sso", "mode": "CloudSSO", "cloud_sso_sign_in_url": "https://x"}]}"#)
        let provider = CLIProfileProvider(profileFile: config, context: loginContext(transport: LoginScriptedTransport { _ in loginJSON("{}") }))
        let error = await #expect(throws: CredentialsError.self) { try await provider.credential() }
        #expect(error?.message == "CloudSSO access token is empty or expired, please re-login with cli")
    }

    // MARK: Against the emulator

    @Test("end to end: a CloudSSO profile against the emulator")
    func emulator() async throws {
        try await withLoginEmulator { emulator, transport in
            let directory = try LoginTestDirectory()
            let path = try directory.write(
                "config.json",
                """
                {"current": "sso", "profiles": [{"name": "sso", "mode": "CloudSSO",
                  "cloud_sso_sign_in_url": "https://signin-cn-shanghai.alibabacloudsso.com/device/login",
                  "cloud_sso_account_id": "1234567890123456", "cloud_sso_access_config": "ac-emulator",
                  "access_token": "sso-live-token", "cloud_sso_access_token_expire": \(loginEpochNow() + 600)}]}
                """)
            let provider = CLIProfileProvider(profileFile: path, context: loginLiveContext(transport: transport))
            let credential = try await provider.credential()
            #expect(credential.providerName == "cli_profile/cloud_sso")
            #expect(credential.accessKeyId.hasPrefix("STS."))
            _ = try await provider.credential()
            #expect(emulator.requestCount(.cloudSSO) == 1)
            let record = try #require(emulator.recordedRequests(.cloudSSO).first)
            #expect(record.host == "signin-cn-shanghai.alibabacloudsso.com")
            #expect(record.method == "POST" && record.path == "/cloud-credentials")
            #expect(record.header("Authorization") == RecordedRequest.mask("Bearer sso-live-token"))
            let issued = try #require(emulator.issuedCredentials().first { $0.accessKeyId == credential.accessKeyId })
            #expect(issued.roleArn == "acs:ram::1234567890123456:role/aliyunreservedsso-ac-emulator")
        }
    }

    @Test("the emulator's refusals and faults come back with Python's texts")
    func emulatorErrors() async throws {
        try await withLoginEmulator { emulator, transport in
            let refused = try CloudSSOProvider(
                signInURL: "https://signin-cn-shanghai.alibabacloudsso.com", accountId: "1", accessConfig: "c", accessToken: "expired-token",
                accessTokenExpire: loginEpochNow() + 600, context: loginLiveContext(transport: transport))
            let error = await #expect(throws: CredentialsError.self) { try await refused.credential() }
            #expect(error?.message.hasPrefix(#"error refreshing credentials from sso, http_code: 401, result: {"RequestId": "#) == true)
            #expect(error?.message.contains(#""Code": "InvalidAccessToken""#) == true)

            emulator.addFault(FaultRule(endpoint: .cloudSSO, times: 1, effect: .missingFields(["SecurityToken"])))
            let provider = try CloudSSOProvider(
                signInURL: "https://signin-cn-shanghai.alibabacloudsso.com", accountId: "1", accessConfig: "c", accessToken: "good",
                accessTokenExpire: loginEpochNow() + 600, context: loginLiveContext(transport: transport))
            let error2 = await #expect(throws: CredentialsError.self) { try await provider.credential() }
            #expect(error2?.message.hasPrefix("error retrieving credentials from sso result: ") == true)
            #expect(try await provider.credential().accessKeyId.hasPrefix("STS."))
        }
    }
}
