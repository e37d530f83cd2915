import CloudEmulator
import CloudcredTestSupport
import Foundation

/// The failure paths: every endpoint cloudcred calls answers with an error, an error that echoes the request (its
/// `Authorization` header, signature and security token, as gateways and some cloud errors do), a cut-off or
/// malformed body, a reset, wrong or missing fields, expired credentials. Each fault gets a fresh token cache, so
/// every run reaches the endpoint and the remembered failure is written too.
enum FaultLeakScenarios {
    static var all: [LeakScenario] { [acr, sts, swr, signIn, registry] }

    /// A fault by label. `echo` is what the request carried that a server might quote back.
    /// `stringToSign` is what a signature-mismatch error quotes (real STS quotes its string to sign, query included).
    static func faults(echo: String, stringToSign: String? = nil) -> [(label: String, effect: FaultEffect)] {
        [
            ("500", .status(500)),
            ("403-echo-json", .status(403, body: #"{"Code":"Forbidden","Message":"request refused: \#(echo)","RequestId":"7D3B1C2A-LEAK"}"#)),
            ("400-echo-text", .status(400, body: "<html><body><h1>400 Bad Request</h1><pre>\n\(echo.replacingOccurrences(of: "; ", with: "\n"))\n</pre></body></html>")),
            ("400-signature-mismatch", .status(400, body: #"{"Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched with our calculation. server string to sign is:\#(stringToSign ?? echo)","RequestId":"7D3B1C2A-LEAK"}"#)),
            ("truncated", .truncatedBody),
            ("malformed", .malformedBody),
            ("reset", .resetMidBody),
            ("wrong-types", .wrongTypes(fields: ["Expiration", "AccessKeySecret", "authorizationToken", "expireDate"])),
            ("missing-fields", .missingFields(["AccessKeyId", "tempUsername", "Expiration"])),
            ("expired", .expiredCredentials(secondsAgo: 3600)),
        ]
    }

    /// The faults the binary scenarios try (the in-process scan tries them all): those whose answers reach an error
    /// message with something of the request or the answer in it.
    static let binaryFaults: Set<String> = ["403-echo-json", "400-signature-mismatch", "400-echo-text", "truncated", "malformed", "wrong-types"]

    /// Runs `body` once per fault on `endpoint`, each with a fresh cache directory.
    static func underEachFault(
        _ world: LeakWorld, _ endpoint: EmulatorEndpoint, echo: String, stringToSign: String? = nil, labels: Set<String> = binaryFaults,
        _ body: (String) async throws -> Void
    ) async throws {
        for fault in faults(echo: echo, stringToSign: stringToSign) where labels.contains(fault.label) {
            world.emulator.clearFaults()
            world.emulator.addFault(FaultRule(endpoint: endpoint, effect: fault.effect))
            world.setEnvironment(["XDG_CACHE_HOME": "\(world.home)/cache/\(endpoint.id)-\(fault.label)"])
            world.setStage("\(endpoint.id) \(fault.label)")
            try await body(fault.label)
        }
        world.emulator.clearFaults()
        world.setStage("")
    }

    static let fakeSignature = "6f1c0a9b2e7d4c3f8a5b1e0d9c7f3a2b6e4d8c1f0a9b7e5d3c2f1a0b9e8d7c6f"

    /// ACR token APIs (`GET /tokens`, `GetAuthorizationToken`, `ListInstance`) signed with an AccessKey from the
    /// environment.
    static let acr = LeakScenario(name: "faults-acr") { world in
        world.setEnvironment([
            "ALIBABA_CLOUD_ACCESS_KEY_ID": LeakIdentities.envAK, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": world.canary("env-ak-secret"),
        ])
        world.sealPlanting()
        let echo = "Authorization: ACS3-HMAC-SHA256 Credential=\(LeakIdentities.envAK),SignedHeaders=host;x-acs-date,Signature=\(fakeSignature)"
        try await underEachFault(world, .acr, echo: echo) { label in
            try await world.cloudcred(["get-login-password", LeakIdentities.acr])
            try await world.helper("get", stdin: LeakIdentities.acr)
            if ["403-echo-json", "truncated", "malformed"].contains(label) {
                try await world.cloudcred(["get-login", LeakIdentities.acrEnterprise, "--json"])
            }
        }
    }

    /// STS `AssumeRole` from a RamRoleArn profile, a role chained on static STS credentials (the request carries
    /// their security token), and a registry login through that profile.
    static let sts = LeakScenario(name: "faults-sts") { world in
        try world.plant(".aliyun/config.json", LeakIdentities.aliyunConfig(world))
        try world.plant("config/cloudcred/config.json", """
            {"version": 1, "profiles": {"default": {"registries": [{"match": "\(LeakIdentities.acr)", "alibabaProfile": "role"}]}}}
            """)
        world.sealPlanting()
        let echo = "GET /?AccessKeyId=STS.LeakStaticKey0001&Action=AssumeRole&SecurityToken=\(world.canary("cfg-sts-token"))"
            + "&Signature=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg%3D&SignatureMethod=HMAC-SHA1"
        let stringToSign = "GET&%2F&AccessKeyId%3DSTS.LeakStaticKey0001%26Action%3DAssumeRole%26Format%3DJSON%26SecurityToken%3D"
            + world.canary("cfg-sts-token") + "%26SignatureMethod%3DHMAC-SHA1%26SignatureVersion%3D1.0"
        try await underEachFault(world, .sts, echo: echo, stringToSign: stringToSign) { label in
            try await world.cloudcred(["credentials", "--profile", "role", "--json"])
            try await world.cloudcred(["credentials", "--profile", "chain-sts"])
            if ["403-echo-json", "truncated", "400-signature-mismatch"].contains(label) { try await world.helper("get", stdin: LeakIdentities.acr) }
        }
    }

    /// SWR `CreateSecret` signed with a Huawei AK/SK from the environment.
    static let swr = LeakScenario(name: "faults-swr") { world in
        try world.plant("config/cloudcred/config.json", """
            {"version": 1, "profiles": {"default": {"registries": [{"match": "\(LeakIdentities.swr)", "swrLogin": "temporary"}]}}}
            """)
        world.setEnvironment(["HUAWEICLOUD_SDK_AK": LeakIdentities.huaweiEnvAK, "HUAWEICLOUD_SDK_SK": world.canary("env-huawei-sk")])
        world.sealPlanting()
        let echo = "Authorization: SDK-HMAC-SHA256 Access=\(LeakIdentities.huaweiEnvAK), SignedHeaders=host;x-sdk-date, Signature=\(fakeSignature)"
        try await underEachFault(world, .swr, echo: echo) { _ in
            try await world.cloudcred(["get-login-password", LeakIdentities.swr])
            try await world.helper("get", stdin: LeakIdentities.swr)
        }
    }

    /// The sign-in and instance endpoints: CloudSSO, OAuth (exchange and refresh), the credentials URI, ECS metadata.
    static let signIn = LeakScenario(name: "faults-sign-in") { world in
        try world.plant(".aliyun/config.json", LeakIdentities.aliyunConfig(world))
        world.sealPlanting()
        let someFaults: Set<String> = ["403-echo-json", "400-echo-text", "truncated", "malformed"]
        let cases: [(EmulatorEndpoint, String, [String])] = [
            (.cloudSSO, "Authorization: Bearer \(world.canary("cfg-sso-access-token"))", ["sso"]),
            (.oauth, "Authorization: Bearer \(world.canary("cfg-oauth-access-token")); refresh_token=\(world.canary("cfg-oauth-refresh-token"))",
             ["oauth", "oauth-refresh"]),
            (.credentialsURI, "Authorization: Basic \(Data("leak:\(world.canary("cfg-uri-password"))".utf8).base64EncodedString())", ["uri"]),
            (.ecsMetadata, "X-aliyun-ecs-metadata-token: AQAEAFakeMetadataSessionToken0123456789", ["ecs"]),
        ]
        for (endpoint, echo, profiles) in cases {
            try await underEachFault(world, endpoint, echo: echo, labels: someFaults) { _ in
                for profile in profiles {
                    try await world.cloudcred(["credentials", "--profile", profile, "--json"])
                }
            }
        }
    }

    /// The registry token realm and `/v2/` as the doctor's round trip reaches them, with a stored password.
    static let registry = LeakScenario(name: "faults-registry") { world in
        world.setEnvironment([
            "ALIBABA_CLOUD_ACCESS_KEY_ID": LeakIdentities.envAK, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": world.canary("env-ak-secret"),
            "PATH": BinaryRunner.productsDirectory.path + ":/usr/bin:/bin",
        ])
        world.sealPlanting()
        let echo = "Authorization: Basic Y3JfdGVtcF91c2VyOmV5SkxlYWtTY2FuRmFrZVRva2VuMDEyMzQ1Njc4OQ=="
        try await underEachFault(world, .registry, echo: echo, labels: ["403-echo-json", "400-echo-text", "truncated", "malformed"]) { _ in
            try await world.cloudcred(["doctor", LeakIdentities.acr + "/ns/app", "--json", "--timeout", "20"])
        }
    }
}
