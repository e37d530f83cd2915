import CloudcredTestSupport
import CloudEmulator
import CloudHTTP
import CredentialsCore
import Foundation
import Testing

@testable import AlibabaCloudCredentials

@Suite("ECS RAM role provider")
struct ECSRAMRoleProviderTests {
    static let tokenHeader = "X-aliyun-ecs-metadata-token"
    static let fetchError = "Failed to get RAM session credentials from ECS metadata service."

    @Test("P15: a configured role costs a token PUT (TTL 21600) and one GET with the token; then it is cached")
    func configuredRole() async throws {
        try await withWorld { world in
            let provider = try ECSRAMRoleProvider(roleName: Standard.ecsRole, context: world.context())
            let credential = try await provider.credential()
            #expect(credential.providerName == "ecs_ram_role")
            #expect(credential.accessKeyId.hasPrefix("STS."))
            #expect(credential.securityToken?.isEmpty == false)
            #expect(credential.expiration == world.clock.now().addingTimeInterval(21600))
            _ = try await provider.credential()

            let records = world.records(.ecsMetadata)
            #expect(records.count == 2)
            #expect(records[0].method == "PUT")
            #expect(records[0].path == Standard.ecsTokenPath)
            #expect(records[0].header("X-aliyun-ecs-metadata-token-ttl-seconds") == "21600")
            #expect(records[0].host == "100.100.100.200")
            #expect(records[1].method == "GET")
            #expect(records[1].path == Standard.ecsCredentialsPath)
            #expect(records[1].header(Self.tokenHeader) != nil)
            #expect(records[1].status == 200)
        }
    }

    @Test("P16: without a role name the role is discovered: PUT, GET list, PUT, GET credentials")
    func discoveredRole() async throws {
        try await withWorld { world in
            let provider = try ECSRAMRoleProvider(context: world.context())
            #expect(provider.roleName == nil)
            _ = try await provider.credential()
            let records = world.records(.ecsMetadata)
            #expect(records.map(\.method) == ["PUT", "GET", "PUT", "GET"])
            #expect(records.map(\.path) == [Standard.ecsTokenPath, Standard.ecsListPath, Standard.ecsTokenPath, Standard.ecsCredentialsPath])
            #expect(records[1].header(Self.tokenHeader) != nil)
            #expect(records[3].header(Self.tokenHeader) != nil)
        }
    }

    @Test("the role name comes from ALIBABA_CLOUD_ECS_METADATA when not given; an explicit empty name discovers")
    func roleNameFromEnvironment() async throws {
        try await withWorld { world in
            let context = world.context(["ALIBABA_CLOUD_ECS_METADATA": Standard.ecsRole])
            _ = try await ECSRAMRoleProvider(context: context).credential()
            #expect(world.emulator.requestCount(.ecsMetadata) == 2)
            _ = try await ECSRAMRoleProvider(roleName: "", context: context).credential()
            #expect(world.emulator.requestCount(.ecsMetadata) == 6)
        }
    }

    @Test("discovery is repeated at every refresh, never cached")
    func discoveryAtEveryRefresh() async throws {
        try await withWorld { world in
            let provider = try ECSRAMRoleProvider(context: world.context())
            let first = try await provider.credential()
            world.clock.advance(by: 21600 - 900 + 1)
            let second = try await provider.credential()
            #expect(first.accessKeyId != second.accessKeyId)
            #expect(world.emulator.requestCount(.ecsMetadata) == 8)
            #expect(world.records(.ecsMetadata).filter { $0.path == Standard.ecsListPath }.count == 2)
        }
    }

    @Test("P17: token OK, the credentials GET fails (500): retried once without the token")
    func fallbackAfterTokenOnFailedGet() async throws {
        try await withWorld { world in
            world.emulator.addFault(FaultRule(endpoint: .ecsMetadata, path: Standard.ecsCredentialsPath, times: 1, effect: .status(500)))
            let credential = try await ECSRAMRoleProvider(roleName: Standard.ecsRole, context: world.context()).credential()
            #expect(credential.providerName == "ecs_ram_role")
            let records = world.records(.ecsMetadata)
            #expect(records.count == 3)
            #expect(records[1].header(Self.tokenHeader) != nil)
            #expect(records[1].status == 500)
            #expect(records[2].header(Self.tokenHeader) == nil)
            #expect(records[2].status == 200)
        }
    }

    @Test("P18: with IMDSv1 disabled a failed GET is final: HttpCode=500 after one GET")
    func noFallbackWhenV1Disabled() async throws {
        try await withWorld { world in
            world.emulator.addFault(FaultRule(endpoint: .ecsMetadata, path: Standard.ecsCredentialsPath, effect: .status(500)))
            let provider = try ECSRAMRoleProvider(roleName: Standard.ecsRole, disableIMDSv1: true, context: world.context())
            let error = await failure { try await provider.credential() }
            #expect(error?.message == "\(Self.fetchError) HttpCode=500")
            #expect(world.records(.ecsMetadata).map(\.method) == ["PUT", "GET"])
        }
    }

    @Test("a failed token request is swallowed (IMDSv1) unless IMDSv1 is disabled, also by ALIBABA_CLOUD_IMDSV1_DISABLED")
    func tokenFailure() async throws {
        try await withWorld { world in
            world.emulator.addFault(FaultRule(endpoint: .ecsMetadata, path: Standard.ecsTokenPath, effect: .status(403)))
            let v1 = try ECSRAMRoleProvider(roleName: Standard.ecsRole, context: world.context())
            _ = try await v1.credential()
            let records = world.records(.ecsMetadata)
            #expect(records.map(\.method) == ["PUT", "GET"])
            #expect(records[1].header(Self.tokenHeader) == nil)

            let disabled = try ECSRAMRoleProvider(roleName: Standard.ecsRole, context: world.context(["ALIBABA_CLOUD_IMDSV1_DISABLED": "TRUE"]))
            #expect(disabled.disableIMDSv1)
            let error = await failure { try await disabled.credential() }
            #expect(error?.message == "Failed to get token from ECS Metadata Service. HttpCode=403")
            #expect(world.emulator.requestCount(.ecsMetadata) == 3)
            // An explicit parameter wins over the environment.
            let allowed = try ECSRAMRoleProvider(
                roleName: Standard.ecsRole, disableIMDSv1: false, context: world.context(["ALIBABA_CLOUD_IMDSV1_DISABLED": "true"]))
            #expect(!allowed.disableIMDSv1)
        }
    }

    @Test("IMDSv2-only service: works with tokens; without a token (token request failed) the GET is refused 403")
    func imdsV2Only() async throws {
        try await withWorld(.standard(ecsMode: .v2Only)) { world in
            let provider = try ECSRAMRoleProvider(context: world.context())
            _ = try await provider.credential()
            #expect(world.emulator.requestCount(.ecsMetadata) == 4)

            world.emulator.addFault(FaultRule(endpoint: .ecsMetadata, path: Standard.ecsTokenPath, effect: .status(500)))
            let error = await failure { try await ECSRAMRoleProvider(roleName: Standard.ecsRole, context: world.context()).credential() }
            #expect(error?.message == "\(Self.fetchError) HttpCode=403")
        }
    }

    @Test("an instance without a RAM role: discovery fails with HttpCode=404")
    func noRole() async throws {
        try await withWorld(.standard(ecsMode: .noRole)) { world in
            let error = await failure { try await ECSRAMRoleProvider(context: world.context()).credential() }
            #expect(error?.message == "\(Self.fetchError) HttpCode=404")
            #expect(error?.hint?.contains("no RAM role") == true)
            // PUT, GET list with token (404), GET list without token (404).
            #expect(world.records(.ecsMetadata).map(\.method) == ["PUT", "GET", "GET"])
        }
    }

    @Test("a document whose Code is not Success fails without HttpCode")
    func codeNotSuccess() async throws {
        try await withWorld { world in
            world.emulator.addFault(
                FaultRule(endpoint: .ecsMetadata, path: Standard.ecsCredentialsPath, effect: .status(200, body: #"{"Code":"Failed"}"#)))
            let error = await failure { try await ECSRAMRoleProvider(roleName: Standard.ecsRole, context: world.context()).credential() }
            #expect(error?.message == Self.fetchError)
        }
    }

    @Test("ALIBABA_CLOUD_ECS_METADATA_DISABLED=true: IMDS credentials is disabled, at construction")
    func disabled() async throws {
        try await withWorld { world in
            let error = failure(sync: { try ECSRAMRoleProvider(context: world.context(["ALIBABA_CLOUD_ECS_METADATA_DISABLED": "True"])) })
            #expect(error?.message == "IMDS credentials is disabled")
            #expect(error?.code == .invalidArgument)
            #expect(world.emulator.requestCount(.ecsMetadata) == 0)
        }
    }

    @Test("stale-if-error: after a failed refresh the last credentials are served, even once expired")
    func servesLastValueAfterFailedRefresh() async throws {
        try await withWorld { world in
            let provider = try ECSRAMRoleProvider(roleName: Standard.ecsRole, context: world.context())
            let first = try await provider.credential()
            world.emulator.addFault(FaultRule(endpoint: .ecsMetadata, effect: .status(500)))
            world.clock.advance(by: 21600 - 900 + 1)
            #expect(try await provider.credential().accessKeyId == first.accessKeyId)
            world.clock.advance(by: 3600)
            #expect(try await provider.credential().accessKeyId == first.accessKeyId)
            #expect(world.emulator.requestCount(.ecsMetadata) > 2)
        }
    }

    @Test("prefetch: one hour after a fetch, a call returns the cached value and starts a refresh in the background")
    func prefetchAfterAnHour() async throws {
        try await withWorld { world in
            let provider = try ECSRAMRoleProvider(roleName: Standard.ecsRole, context: world.context())
            let first = try await provider.credential()
            world.clock.advance(by: 3599)
            #expect(try await provider.credential() == first)
            #expect(world.emulator.requestCount(.ecsMetadata) == 2)
            world.clock.advance(by: 2)
            #expect(try await provider.credential() == first)
            #expect(await eventually { world.emulator.issuedCredentials().count == 2 })
            var refreshed = false
            for _ in 0..<250 where !refreshed {
                refreshed = try await provider.credential().accessKeyId != first.accessKeyId
                if !refreshed { try await Task.sleep(nanoseconds: 20_000_000) }
            }
            #expect(refreshed)
            #expect(world.emulator.requestCount(.ecsMetadata) == 4)
        }
    }

    @Test("a read timeout (1000 ms by default) names the endpoint")
    func readTimeout() async throws {
        try await withWorld { world in
            world.emulator.addFault(FaultRule(endpoint: .ecsMetadata, path: Standard.ecsCredentialsPath, effect: .delay(milliseconds: 1600)))
            let provider = try ECSRAMRoleProvider(roleName: Standard.ecsRole, disableIMDSv1: true, context: world.context())
            let error = await failure { try await provider.credential() }
            #expect(error?.code == .network)
            #expect(error?.message.hasPrefix("request to http://100.100.100.200\(Standard.ecsCredentialsPath)") == true)
            #expect(error?.message.contains("read timed out after 1000 ms") == true)
        }
    }

    @Test("a dropped connection names the endpoint, after the IMDSv1 retry")
    func droppedConnection() async throws {
        try await withWorld { world in
            world.emulator.addFault(FaultRule(endpoint: .ecsMetadata, path: Standard.ecsCredentialsPath, effect: .dropConnection))
            let error = await failure { try await ECSRAMRoleProvider(roleName: Standard.ecsRole, context: world.context()).credential() }
            #expect(error?.code == .network)
            #expect(error?.message.hasPrefix("request to http://100.100.100.200\(Standard.ecsCredentialsPath)") == true)
            #expect(world.records(.ecsMetadata).map(\.method) == ["PUT", "GET", "GET"])
        }
    }

    @Test("no metadata service (connection refused): fails after the token request alone, no IMDSv1 retries")
    func failsFastWithoutMetadataService() async throws {
        let closed = try await closedLoopbackAddress()
        try await withWorld { world in
            let environment = world.context(["CLOUDCRED_CONNECT_TO": closed]).environment
            let transport = CloudHTTPClient(environment: environment)
            let context = ProviderContext(environment: environment, homeDirectory: world.home.path, clock: world.clock, transport: transport)
            let error = await failure { try await ECSRAMRoleProvider(context: context).credential() }
            await transport.shutdown()
            #expect(error?.code == .network)
            #expect(error?.message.hasPrefix("request to http://100.100.100.200/latest/api/token") == true)
            #expect(error?.message.hasSuffix("connection refused") == true)
            #expect(ECSMetadataClient.couldNotConnect(CredentialsError(.network, "request to x failed: connect timed out after 1000 ms")))
            #expect(!ECSMetadataClient.couldNotConnect(CredentialsError(.network, "request to x failed: read timed out after 1000 ms")))
        }
    }
}
