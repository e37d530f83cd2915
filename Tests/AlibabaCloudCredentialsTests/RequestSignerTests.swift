import AlibabaCloudCredentials
import CloudEmulator
import CloudHTTP
import CloudSigning
import CredentialsCore
import Testing

@Suite("Public request signer")
struct RequestSignerTests {
    @Test("an RPC call signed with the public signer is accepted by the emulator's STS")
    func rpcAccepted() async throws {
        let emulator = CloudEmulator()
        _ = try await emulator.start()
        let key = try #require(emulator.configuration.accessKeys.first)
        let role = try #require(emulator.configuration.roles.first)
        let credential = CredentialModel(accessKeyId: key.id, accessKeySecret: key.secret, type: "access_key")
        let query = AlibabaCloudRequestSigner().signRPC(
            action: "AssumeRole", version: "2015-04-01",
            parameters: [
                "RoleArn": role.arn, "RoleSessionName": "signer-test", "DurationSeconds": "900",
                // Spaces and '*' exercise the percent-encoding of the signature.
                "Policy": #"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}"#,
            ], credential: credential)
        let transport = CloudHTTPClient(environment: Environment(["CLOUDCRED_CONNECT_TO": emulator.connectTo]))
        let response = try await transport.send(HTTPRequest(host: "sts.aliyuncs.com", rawQuery: AlibabaCloudRequestSigner.encodeQuery(query)))
        await transport.shutdown()
        await emulator.stop()
        if response.status != 200 { Issue.record("body: \(response.text)") }
        #expect(try JSONValue.parse(response.body)["Credentials"]?["AccessKeyId"]?.stringValue?.hasPrefix("STS.") == true)
    }

    @Test("a tampered RPC signature is refused")
    func rpcTampered() async throws {
        let emulator = CloudEmulator()
        _ = try await emulator.start()
        let key = try #require(emulator.configuration.accessKeys.first)
        let credential = CredentialModel(accessKeyId: key.id, accessKeySecret: key.secret + "x", type: "access_key")
        let query = AlibabaCloudRequestSigner().signRPC(
            action: "AssumeRole", version: "2015-04-01",
            parameters: ["RoleArn": emulator.configuration.roles[0].arn, "RoleSessionName": "s"], credential: credential)
        let transport = CloudHTTPClient(environment: Environment(["CLOUDCRED_CONNECT_TO": emulator.connectTo]))
        let response = try await transport.send(HTTPRequest(host: "sts.aliyuncs.com", rawQuery: AlibabaCloudRequestSigner.encodeQuery(query)))
        await transport.shutdown()
        await emulator.stop()
        #expect(response.status == 400)
        #expect(try JSONValue.parse(response.body)["Code"]?.stringValue == "SignatureDoesNotMatch")
    }

    @Test("ACS3 headers carry a verifiable Authorization and the STS token")
    func acs3() throws {
        let clock = ManualClock(now: TimeFormat.parseISO8601("2024-01-01T00:00:00Z")!)
        let signer = AlibabaCloudRequestSigner(clock: clock, makeNonce: { "3156853299f313e23d1673dc12e1703d" })
        let credential = CredentialModel(accessKeyId: "LTAIEXAMPLEEXAMPLE000000", accessKeySecret: "SecretExampleSecretExample0000", type: "access_key")
        let headers = signer.signACS3(
            method: "POST", host: "cr.cn-hangzhou.aliyuncs.com", query: ["InstanceId": "cri-example0000000"],
            action: "GetAuthorizationToken", version: "2018-12-01", credential: credential)
        // The vector computed by alibabacloud-openapi-util 0.2.4 for exactly these inputs.
        #expect(
            headers["Authorization"]
                == "ACS3-HMAC-SHA256 Credential=LTAIEXAMPLEEXAMPLE000000,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=9a6321fe36daf6b2572245c44d6c90ae045c35720c41e11bc52e8248178e535f"
        )
        let sts = CredentialModel(accessKeyId: "STS.x", accessKeySecret: "s", securityToken: "tok", type: "sts")
        let withToken = signer.signACS3(method: "GET", host: "h", action: "A", version: "v", credential: sts)
        #expect(withToken["x-acs-security-token"] == "tok")
        #expect(withToken["Authorization"]?.contains("x-acs-security-token") == true)
    }
}
