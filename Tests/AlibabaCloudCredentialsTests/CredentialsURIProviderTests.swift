import CloudcredTestSupport
import CloudEmulator
import CredentialsCore
import Foundation
import Testing

@testable import AlibabaCloudCredentials

@Suite("Credentials URI provider")
struct CredentialsURIProviderTests {
    @Test("answers STS credentials named credential_uri (sic), cached until 15 minutes before expiry")
    func success() async throws {
        try await withWorld { world in
            let provider = try CredentialsURIProvider(uri: world.credentialsURI, context: world.context())
            #expect(provider.providerName == "credential_uri")
            let credential = try await provider.credential()
            #expect(credential.providerName == "credential_uri")
            #expect(credential.accessKeyId.hasPrefix("STS."))
            #expect(credential.securityToken?.isEmpty == false)
            #expect(credential.expiration == world.clock.now().addingTimeInterval(3600))
            _ = try await provider.credential()
            _ = try await provider.credential()
            #expect(world.emulator.requestCount(.credentialsURI) == 1)
            world.clock.advance(by: 3600 - 900 + 1)
            #expect(try await provider.credential().accessKeyId != credential.accessKeyId)
            #expect(world.emulator.requestCount(.credentialsURI) == 2)
        }
    }

    @Test("stale-if-error: a refresh failing in the last 15 minutes serves the cached value until it expires, then fails")
    func staleIfError() async throws {
        try await withWorld { world in
            let provider = try CredentialsURIProvider(uri: world.credentialsURI, context: world.context())
            let first = try await provider.credential()
            world.emulator.addFault(FaultRule(endpoint: .credentialsURI, effect: .status(500, body: "boom")))
            world.clock.advance(by: 3600 - 900 + 1)
            #expect(try await provider.credential().accessKeyId == first.accessKeyId)
            world.clock.advance(by: 900)
            let error = await failure { try await provider.credential() }
            #expect(error?.message == "error refreshing credentials from \(world.credentialsURI),  http_code=500, result: boom")
        }
    }

    @Test("P19: the query is re-encoded as Python does (last duplicate wins, + for spaces); Host has no port")
    func requestShape() async throws {
        try await withWorld { world in
            let uri = world.credentialsURI + "?x=1&x=2&y=a%20b&empty=&bare"
            _ = try await CredentialsURIProvider(uri: uri, context: world.context()).credential()
            let record = try #require(world.records(.credentialsURI).first)
            #expect(record.method == "GET")
            #expect(record.path == "/credentials")
            #expect(record.query == [.init(name: "x", value: "2"), .init(name: "y", value: "a b")])
            #expect(record.host == "127.0.0.1")
            #expect(CredentialsURIFetch.reencodedQuery("x=1&x=2&y=a%20b") == "x=2&y=a+b")
            #expect(CredentialsURIFetch.reencodedQuery("k=%7E~*&s=a+b") == "k=~~%2A&s=a+b")
        }
    }

    @Test("P7: no URI anywhere is an error; ALIBABA_CLOUD_CREDENTIALS_URI is the fallback")
    func validation() async throws {
        try await withWorld { world in
            for uri in [nil, ""] as [String?] {
                let error = failure(sync: { try CredentialsURIProvider(uri: uri, context: world.context()) })
                #expect(error?.message == "uri or environment variable ALIBABA_CLOUD_CREDENTIALS_URI cannot be empty")
                #expect(error?.code == .invalidArgument)
            }
            let fromEnv = try CredentialsURIProvider(context: world.context(["ALIBABA_CLOUD_CREDENTIALS_URI": world.credentialsURI]))
            #expect(fromEnv.uri == world.credentialsURI)
            _ = try await fromEnv.credential()
        }
    }

    @Test("non-200: error refreshing credentials from <uri>,  http_code=<code>, result: <body> (two spaces)")
    func httpError() async throws {
        try await withWorld { world in
            world.emulator.addFault(FaultRule(endpoint: .credentialsURI, effect: .status(500, body: "boom")))
            let error = await failure { try await CredentialsURIProvider(uri: world.credentialsURI, context: world.context()).credential() }
            #expect(error?.message == "error refreshing credentials from \(world.credentialsURI),  http_code=500, result: boom")
        }
    }

    @Test("Code other than Success: error retrieving credentials from <uri> result: <body>")
    func codeNotSuccess() async throws {
        try await withWorld { world in
            world.emulator.addFault(FaultRule(endpoint: .credentialsURI, effect: .status(200, body: #"{"Code": "Fail"}"#)))
            let error = await failure { try await CredentialsURIProvider(uri: world.credentialsURI, context: world.context()).credential() }
            #expect(error?.message == #"error retrieving credentials from \#(world.credentialsURI) result: {"Code": "Fail"}"#)
        }
    }

    @Test("a missing field is an error whose quoted body masks the secrets")
    func missingField() async throws {
        try await withWorld { world in
            world.emulator.addFault(FaultRule(endpoint: .credentialsURI, effect: .missingFields(["SecurityToken"])))
            let error = await failure { try await CredentialsURIProvider(uri: world.credentialsURI, context: world.context()).credential() }
            let message = try #require(error?.message)
            #expect(message.hasPrefix("error retrieving credentials from \(world.credentialsURI) result: {"))
            let issued = try #require(world.emulator.issuedCredentials().first)
            #expect(!message.contains(issued.accessKeySecret))
            #expect(!message.contains(issued.accessKeyId))
            #expect(message.contains(#""Code": "Success""#))
        }
    }

    @Test("a body that is not JSON fails with Python's JSON error text")
    func notJSON() async throws {
        try await withWorld { world in
            world.emulator.addFault(FaultRule(endpoint: .credentialsURI, effect: .malformedBody))
            let error = await failure { try await CredentialsURIProvider(uri: world.credentialsURI, context: world.context()).credential() }
            #expect(error?.message == "Expecting value: line 1 column 1 (char 0)")
        }
    }

    @Test("already expired credentials: No cached value was found.")
    func expired() async throws {
        try await withWorld { world in
            world.emulator.addFault(FaultRule(endpoint: .credentialsURI, effect: .expiredCredentials(secondsAgo: 100)))
            let error = await failure { try await CredentialsURIProvider(uri: world.credentialsURI, context: world.context()).credential() }
            #expect(error?.message == "No cached value was found.")
        }
    }

    @Test("a read timeout and a dropped connection name the URI")
    func transportFailures() async throws {
        try await withWorld { world in
            world.emulator.addFault(FaultRule(endpoint: .credentialsURI, times: 1, effect: .delay(milliseconds: 1000)))
            let slow = try CredentialsURIProvider(uri: world.credentialsURI, httpOptions: HTTPOptions(readTimeoutMs: 300), context: world.context())
            let timeout = await failure { try await slow.credential() }
            #expect(timeout?.code == .network)
            #expect(timeout?.message == "request to \(world.credentialsURI) failed: read timed out after 300 ms")

            world.emulator.addFault(FaultRule(endpoint: .credentialsURI, times: 1, effect: .dropConnection))
            let dropped = await failure { try await CredentialsURIProvider(uri: world.credentialsURI, context: world.context()).credential() }
            #expect(dropped?.code == .network)
            #expect(dropped?.message.hasPrefix("request to \(world.credentialsURI) failed: ") == true)
        }
    }

    @Test("messages mask a URI's password and secret-looking query values")
    func uriMaskedInMessages() async throws {
        try await withWorld { world in
            world.emulator.addFault(FaultRule(endpoint: .credentialsURI, effect: .status(403, body: "denied")))
            let uri = world.credentialsURI + "?token=abc123&role=r1"
            let error = await failure { try await CredentialsURIProvider(uri: uri, context: world.context()).credential() }
            #expect(error?.message == "error refreshing credentials from \(world.credentialsURI)?token=******&role=r1,  http_code=403, result: denied")
            #expect(CredentialsURIFetch.displayURI("http://user:pw@h:8/c?X-Signature=s&a=1#f") == "http://user:******@h:8/c?X-Signature=******&a=1#f")
            #expect(CredentialsURIFetch.displayURI("http://h/c") == "http://h/c")
        }
    }

    @Test("a URI that is not an absolute http(s) URL fails at refresh")
    func notAnURL() async throws {
        try await withWorld { world in
            let provider = try CredentialsURIProvider(uri: "127.0.0.1/credentials", context: world.context())
            let error = await failure { try await provider.credential() }
            #expect(error?.message == "\"endpoint\" is required.")
        }
    }
}
