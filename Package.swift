// swift-tools-version:6.2
// cloudcred: cloud credentials for Swift programs and container registries (Alibaba Cloud ACR, Huawei Cloud SWR).
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

/// What every reliability suite of issue 7 may use.
let reliabilityDependencies: [Target.Dependency] = [
    "CloudcredTestSupport", "CloudEmulator", "CredentialsCore", "CloudHTTP", "CloudSigning", "AlibabaCloudCredentials",
    "HuaweiCloudCredentials", "RegistryCredentials", "RegistryLogin", "CloudcredDoctor",
]

let package = Package(
    name: "cloudcred",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "CredentialsCore", targets: ["CredentialsCore"]),
        .library(name: "CloudSigning", targets: ["CloudSigning"]),
        .library(name: "CloudHTTP", targets: ["CloudHTTP"]),
        .library(name: "AlibabaCloudCredentials", targets: ["AlibabaCloudCredentials"]),
        .library(name: "HuaweiCloudCredentials", targets: ["HuaweiCloudCredentials"]),
        .library(name: "RegistryCredentials", targets: ["RegistryCredentials"]),
        .library(name: "RegistryLogin", targets: ["RegistryLogin"]),
        .library(name: "CloudcredDoctor", targets: ["CloudcredDoctor"]),
        .library(name: "CloudEmulator", targets: ["CloudEmulator"]),
        .executable(name: "cloudcred", targets: ["cloudcred"]),
        .executable(name: "docker-credential-cloudcred", targets: ["docker-credential-cloudcred"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        // Values, the provider protocol, the refresh engine, errors, redaction, and the
        // dependency-free parsers (JSON, INI, time, shell words). No NIO, no crypto, no full Foundation:
        // the docker credential helper links this module alone.
        .target(name: "CredentialsCore", dependencies: ["CCurrentCPU"], swiftSettings: strict),
        // One inline C function: the CPU the calling thread runs on (the engine's core-local fast path).
        .target(name: "CCurrentCPU"),

        // Request signers: Alibaba RPC v1, ROA v1, ACS3-HMAC-SHA256; Huawei SDK-HMAC-SHA256; the SWR login key.
        .target(
            name: "CloudSigning",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),

        // The one HTTP client every provider and registry API call goes through (AsyncHTTPClient).
        .target(
            name: "CloudHTTP",
            dependencies: [
                "CredentialsCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        // The library people import: providers, profiles, the default chain, CredentialsClient.
        .target(
            name: "AlibabaCloudCredentials",
            dependencies: [
                "CredentialsCore", "CloudSigning", "CloudHTTP",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        // Huawei Cloud credentials as huaweicloudsdkcore finds them: env, profile file, ECS metadata.
        .target(
            name: "HuaweiCloudCredentials",
            dependencies: [
                "CredentialsCore", "CloudSigning", "CloudHTTP",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        // What the helper answers by itself: registry host classification, the tool config, the token cache,
        // the stored-password store, docker/podman config editing. CredentialsCore only (fast start-up).
        .target(name: "RegistryCredentials", dependencies: ["CredentialsCore"], swiftSettings: strict),

        // Getting a registry password from cloud credentials: ACR and SWR token APIs, the cache-filling
        // resolver, the kubelet credential provider protocol.
        .target(
            name: "RegistryLogin",
            dependencies: [
                "CredentialsCore", "CloudSigning", "CloudHTTP", "AlibabaCloudCredentials", "HuaweiCloudCredentials",
                "RegistryCredentials",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        // `cloudcred doctor`: the troubleshooting guides as checks, each finding with its cause and fix.
        .target(
            name: "CloudcredDoctor",
            dependencies: [
                "CredentialsCore", "CloudHTTP", "CloudSigning", "AlibabaCloudCredentials", "HuaweiCloudCredentials",
                "RegistryCredentials", "RegistryLogin",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        // A local emulator of the cloud endpoints we call, with real signature checks and fault injection.
        .target(
            name: "CloudEmulator",
            dependencies: [
                "CredentialsCore", "CloudSigning",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        .executableTarget(
            name: "cloudcred",
            dependencies: [
                "CredentialsCore", "CloudHTTP", "AlibabaCloudCredentials", "CloudEmulator",
                "HuaweiCloudCredentials", "RegistryCredentials", "RegistryLogin", "CloudcredDoctor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        // Started by docker/podman on every registry operation: links CredentialsCore only.
        .executableTarget(
            name: "docker-credential-cloudcred",
            dependencies: ["CredentialsCore", "RegistryCredentials"],
            swiftSettings: strict
        ),

        .testTarget(
            name: "CredentialsCoreTests",
            dependencies: ["CredentialsCore"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CloudSigningTests",
            dependencies: ["CloudSigning"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CloudHTTPTests",
            dependencies: ["CloudHTTP", "CredentialsCore", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CloudEmulatorTests",
            dependencies: [
                "CloudEmulator", "CloudSigning", "CredentialsCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AlibabaCloudCredentialsTests",
            dependencies: ["CloudcredTestSupport", "AlibabaCloudCredentials", "CloudEmulator", "CloudHTTP", "CredentialsCore", "CloudSigning"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "HuaweiCloudCredentialsTests",
            dependencies: ["CloudcredTestSupport", "HuaweiCloudCredentials", "CloudEmulator", "CloudHTTP", "CredentialsCore", "CloudSigning"],
            swiftSettings: strict
        ),
        .testTarget(name: "RegistryCredentialsTests", dependencies: ["RegistryCredentials", "CredentialsCore"], swiftSettings: strict),
        .testTarget(
            name: "RegistryLoginTests",
            dependencies: [
                "CloudcredTestSupport", "RegistryLogin", "RegistryCredentials", "HuaweiCloudCredentials", "AlibabaCloudCredentials",
                "CloudEmulator", "CloudHTTP", "CredentialsCore", "CloudSigning",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CloudcredDoctorTests",
            dependencies: [
                "CloudcredDoctor", "RegistryLogin", "RegistryCredentials", "CloudEmulator", "CloudHTTP", "CredentialsCore",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CLITests", dependencies: ["CloudcredTestSupport", "CloudEmulator", "CredentialsCore", "RegistryCredentials", "cloudcred"],
            swiftSettings: strict),

        // Issue 7: reliability suites. Shared test code (running the built binaries, emulator set-ups) lives in
        // CloudcredTestSupport; `cloudcred-file-probe` is a tiny writer the file-safety tests kill -9 mid-write.
        .target(
            name: "CloudcredTestSupport",
            dependencies: ["CloudEmulator", "CredentialsCore", "CloudHTTP", "AlibabaCloudCredentials", "RegistryCredentials"],
            path: "Tests/Support/CloudcredTestSupport", swiftSettings: strict),
        .executableTarget(
            name: "cloudcred-file-probe", dependencies: ["CredentialsCore", "RegistryCredentials", "AlibabaCloudCredentials"],
            path: "Tests/Support/FileProbe", swiftSettings: strict),
        .testTarget(name: "FaultInjectionTests", dependencies: reliabilityDependencies, swiftSettings: strict),
        .testTarget(
            name: "SecretLeakTests", dependencies: reliabilityDependencies, exclude: ["canaries.txt"], swiftSettings: strict),
        .testTarget(name: "FileSafetyTests", dependencies: reliabilityDependencies, swiftSettings: strict),
        .testTarget(name: "BadInputTests", dependencies: reliabilityDependencies, swiftSettings: strict),

        // Benchmarks 4 and 5 of issue 6 (run by scripts/bench in release; see docs/PERFORMANCE.md).
        .target(name: "BenchmarkAllocations", path: "Benchmarks/AllocationCounter"),
        .executableTarget(
            name: "cloudcred-benchmarks",
            dependencies: ["BenchmarkAllocations", "CredentialsCore", "CloudHTTP", "AlibabaCloudCredentials", "CloudEmulator"],
            path: "Benchmarks/Swift", swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)

// Fuzz targets (issue 7; docs/RELIABILITY.md): one executable per parser in Fuzz/<Name>/. `scripts/fuzz` builds each
// alone with libFuzzer and ASan and `-DCLOUDCRED_FUZZING` (libFuzzer's `main`); an ordinary build makes each a replay
// runner for its corpus in Fuzz/Corpus/<Name>/ (`scripts/fuzz --replay`, for CI).
let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
    ("FuzzJSON", []), ("FuzzINI", []), ("FuzzShellWords", []), ("FuzzTime", []),
    ("FuzzToolConfig", ["RegistryCredentials"]), ("FuzzDockerConfig", ["RegistryCredentials"]),
    ("FuzzRegistryHost", ["RegistryCredentials"]), ("FuzzHelperStdin", ["RegistryCredentials"]),
    ("FuzzHuaweiProfile", ["HuaweiCloudCredentials"]), ("FuzzKubeletRequest", ["RegistryLogin"]),
    ("FuzzAliyunConfig", ["FuzzHTTPSupport"]), ("FuzzCredentialsINI", ["FuzzHTTPSupport"]),
    ("FuzzSTSResponse", ["FuzzHTTPSupport"]), ("FuzzECSMetadataResponse", ["FuzzHTTPSupport"]),
    ("FuzzCredentialsURIResponse", ["FuzzHTTPSupport"]), ("FuzzCloudSSOResponse", ["FuzzHTTPSupport"]),
    ("FuzzOAuthResponse", ["FuzzHTTPSupport"]), ("FuzzExternalOutput", ["FuzzHTTPSupport"]),
    ("FuzzACRResponse", ["FuzzHTTPSupport", "RegistryLogin"]), ("FuzzSWRResponse", ["FuzzHTTPSupport", "RegistryLogin"]),
    ("FuzzRegistryChallenge", ["CloudcredDoctor"]),
]
package.targets += [
    .target(name: "FuzzSupport", dependencies: ["CredentialsCore"], path: "Fuzz/Support/FuzzSupport", swiftSettings: strict),
    .target(
        name: "FuzzHTTPSupport", dependencies: ["FuzzSupport", "CredentialsCore", "CloudHTTP", "AlibabaCloudCredentials"],
        path: "Fuzz/Support/FuzzHTTPSupport", swiftSettings: strict),
] + fuzzTargets.map { target in
    .executableTarget(
        name: target.name, dependencies: ["FuzzSupport", "CredentialsCore"] + target.dependencies, path: "Fuzz/\(target.name)",
        swiftSettings: strict)
}
