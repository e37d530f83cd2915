import CloudcredTestSupport
import CloudEmulator
import CloudHTTP
import CredentialsCore
import Foundation
import Testing

@testable import RegistryLogin

@Suite("ACR token API client against the emulator")
struct ACRClientTests {
    static let endpoint = "cr.cn-hangzhou.aliyuncs.com"

    static func standardKey(_ world: SWRWorld) -> Credential {
        let key = world.emulator.configuration.accessKeys[0]
        return Credential(accessKeyId: key.id, accessKeySecret: key.secret, providerName: "test")
    }

    static func client(_ world: SWRWorld) -> ACRClient { ACRClient(transport: world.transport, clock: world.clock) }

    @Test("personal edition: GET /tokens gives the temporary user, password and expiry the emulator issued")
    func personalToken() async throws {
        try await withSWRWorld { world in
            let login = try await Self.client(world).personalToken(endpoint: Self.endpoint, credential: Self.standardKey(world))
            let issued = try #require(world.emulator.issuedRegistryLogins().last)
            #expect(login.username == issued.username)
            #expect(login.password == issued.password)
            #expect(login.expiresAt == issued.expiration)
            #expect(issued.kind == .acrPersonal)
            let record = try #require(world.emulator.recordedRequests(.acr).last)
            #expect(record.annotations["signatureScheme"] == "acs3")
        }
    }

    @Test("enterprise: ListInstance finds the exact name, then the instance token")
    func enterpriseToken() async throws {
        try await withSWRWorld { world in
            let client = Self.client(world)
            let credential = Self.standardKey(world)
            let id = try await client.instanceId(named: "emulator", endpoint: Self.endpoint, credential: credential)
            #expect(id == "cri-emulatorexample01")
            #expect(try await client.instanceId(named: "emul", endpoint: Self.endpoint, credential: credential) == nil)
            let login = try await client.instanceToken(endpoint: Self.endpoint, instanceId: "cri-emulatorexample01", credential: credential)
            #expect(world.emulator.issuedRegistryLogins().last?.password == login.password)
            #expect(world.emulator.issuedRegistryLogins().last?.kind == .acrEnterprise)
        }
    }

    @Test("a wrong secret is refused with the endpoint, the code and the fix, and no secret in the text")
    func wrongSecret() async throws {
        try await withSWRWorld { world in
            var credential = Self.standardKey(world)
            credential.accessKeySecret = "WrongSecretValueForTheTest0000000"
            let error = await failure { try await Self.client(world).personalToken(endpoint: Self.endpoint, credential: credential) }
            #expect(error?.message.contains("https://\(Self.endpoint)") == true)
            #expect(error?.message.contains("SignatureDoesNotMatch") == true)
            #expect(error?.hint?.contains("secret is wrong") == true)
            #expect(error?.message.contains("WrongSecretValueForTheTest0000000") == false)
        }
    }

    @Test("an unknown instance and a crpi instance without token API are errors that say so")
    func instanceErrors() async throws {
        try await withSWRWorld { world in
            let client = Self.client(world)
            let credential = Self.standardKey(world)
            let unknown = await failure {
                try await client.instanceToken(endpoint: Self.endpoint, instanceId: "cri-doesnotexist", credential: credential)
            }
            #expect(unknown?.message.contains("INSTANCE_NOT_EXIST") == true)
            #expect(unknown?.hint?.contains("instance") == true)
            let personal = await failure {
                try await client.instanceToken(endpoint: Self.endpoint, instanceId: "crpi-emulatorexample01", credential: credential)
            }
            #expect(personal?.message.contains("HTTP 403") == true)
        }
    }

    @Test("garbage, a server error and a body without the fields are one-line errors naming the endpoint", arguments: [
        #"{"endpoint": "acr", "action": "GetAuthorizationToken", "malformedBody": true}"#,
        #"{"endpoint": "acr", "action": "GetAuthorizationToken", "status": 500, "code": "SystemError", "message": "boom"}"#,
        #"{"endpoint": "acr", "action": "GetAuthorizationToken", "missingFields": ["authorizationToken"]}"#,
        #"{"endpoint": "acr", "action": "GetAuthorizationToken", "wrongTypes": ["tempUserName"]}"#,
        #"{"endpoint": "acr", "action": "GetAuthorizationToken", "truncatedBody": true}"#,
    ])
    func faults(rule: String) async throws {
        try await withSWRWorld { world in
            world.emulator.addFault(try JSONDecoder().decode(FaultRule.self, from: Data(rule.utf8)))
            let error = await failure { try await Self.client(world).personalToken(endpoint: Self.endpoint, credential: Self.standardKey(world)) }
            #expect(error?.message.contains(Self.endpoint) == true)
            #expect(error?.message.contains("\n") == false)
        }
    }
}
