import CloudcredTestSupport
import CloudEmulator
import CredentialsCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

@Suite("cloudcred CLI (built binary)")
struct CloudcredCLITests {
    @Test("quickstart resolves a RAM role through the default chain and masks the secrets")
    func quickstart() async throws {
        let home = try BinaryRunner.makeHome()
        let result = try await BinaryRunner.run("cloudcred", ["quickstart"], environment: BinaryRunner.cleanEnvironment(home: home))
        #expect(result.status == 0)
        #expect(result.stdout.contains("provider:          default/cli_profile/ram_role_arn/static_ak"))
        #expect(result.stdout.contains("AccessKey ID:      STS.****"))
        #expect(!result.stdout.contains("EmulatorExampleSecretNotForProduction01"))
        #expect(result.stderr.isEmpty)
    }

    @Test("credentials --json prints one object with masked secrets; --reveal shows them")
    func credentialsJSON() async throws {
        let emulator = CloudEmulator()
        _ = try await emulator.start()
        defer { Task { await emulator.stop() } }
        let home = try BinaryRunner.makeHome()
        let key = try #require(emulator.configuration.accessKeys.first)
        let role = try #require(emulator.configuration.roles.first)
        try FileManager.default.createDirectory(atPath: home + "/.aliyun", withIntermediateDirectories: true)
        let config = """
            {"current": "p", "profiles": [{"name": "p", "mode": "RamRoleArn", "access_key_id": "\(key.id)",
            "access_key_secret": "\(key.secret)", "ram_role_arn": "\(role.arn)"}]}
            """
        try config.write(toFile: home + "/.aliyun/config.json", atomically: true, encoding: .utf8)
        let env = BinaryRunner.cleanEnvironment(home: home, extra: ["CLOUDCRED_CONNECT_TO": emulator.connectTo])

        let masked = try await BinaryRunner.run("cloudcred", ["credentials", "--json"], environment: env)
        #expect(masked.status == 0, "\(masked.stderr)")
        let object = try #require(try JSONValue.parse(masked.stdout).objectValue)
        #expect(object["provider_name"]?.stringValue == "default/cli_profile/ram_role_arn/static_ak")
        #expect(object["access_key_secret"]?.stringValue == "******")
        #expect(object["security_token"]?.stringValue == "******")
        #expect(object["expiration"]?.stringValue?.hasSuffix("Z") == true)
        #expect(masked.stdout.split(separator: "\n").count == 1)

        let revealed = try await BinaryRunner.run("cloudcred", ["credentials", "--json", "--reveal"], environment: env)
        let issued = emulator.issuedCredentials().map(\.accessKeyId)
        let shown = try #require(try JSONValue.parse(revealed.stdout)["access_key_id"]?.stringValue)
        #expect(issued.contains(shown))
        #expect(try JSONValue.parse(revealed.stdout)["access_key_secret"]?.stringValue != "******")
    }

    @Test("with no credentials anywhere: exit 1 and one error line naming every source")
    func noCredentials() async throws {
        let home = try BinaryRunner.makeHome()
        let result = try await BinaryRunner.run("cloudcred", ["credentials"], environment: BinaryRunner.cleanEnvironment(home: home))
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.first?.hasPrefix("cloudcred: error: unable to load credentials from any of the providers in the chain: [") == true)
        #expect(lines.count <= 2)
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test("a broken config.json names the file and the position")
    func brokenConfig() async throws {
        let home = try BinaryRunner.makeHome()
        try FileManager.default.createDirectory(atPath: home + "/.aliyun", withIntermediateDirectories: true)
        try "{\"current\": \"p\",\n \"profiles\": [}".write(toFile: home + "/.aliyun/config.json", atomically: true, encoding: .utf8)
        let result = try await BinaryRunner.run("cloudcred", ["credentials", "--profile", "p"], environment: BinaryRunner.cleanEnvironment(home: home))
        #expect(result.status == 1)
        #expect(result.stderr.contains("failed to parse credential form cli credentials file: \(home)/.aliyun/config.json"))
        #expect(result.stderr.contains("line 2 column"))
    }

    @Test("--version shows version and commit")
    func version() async throws {
        let result = try await BinaryRunner.run("cloudcred", ["--version"], environment: ["PATH": "/usr/bin:/bin"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("cloudcred \(CloudcredVersion.version) (commit "))
    }
}

@Suite("cloudcred emulator (built binary)")
struct EmulatorCommandTests {
    @Test("prints `listening on http://HOST:PORT` first, serves STS, and stops cleanly on SIGTERM")
    func listensAndStops() async throws {
        let process = Process()
        process.executableURL = BinaryRunner.productsDirectory.appendingPathComponent("cloudcred")
        process.arguments = ["emulator", "--port", "0"]
        process.environment = ["PATH": "/usr/bin:/bin"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let firstLine: String = try await withCheckedThrowingContinuation { continuation in
            OwnThread.detach {
                var bytes: [UInt8] = []
                while let chunk = try? output.fileHandleForReading.read(upToCount: 1), let byte = chunk.first, byte != 10 {
                    bytes.append(byte)
                }
                continuation.resume(returning: String(decoding: bytes, as: UTF8.self))
            }
        }
        #expect(firstLine.hasPrefix("listening on http://127.0.0.1:"))
        let port = try #require(Int(firstLine.split(separator: ":").last ?? ""))
        let health = try await URLSessionFree.get(port: port, path: "/_emulator/counters")
        #expect(health.hasPrefix("HTTP/1.1 200"))
        process.terminate()
        let status: Int32 = await withCheckedContinuation { continuation in
            OwnThread.detach {
                process.waitUntilExit()
                continuation.resume(returning: process.terminationStatus)
            }
        }
        #expect(status == 0 || status == 15)
    }
}

/// A plain HTTP GET over a socket (no URLSession), enough to talk to the emulator.
enum URLSessionFree {
    static func get(port: Int, path: String) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            OwnThread.detach {
                let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
                defer { close(fd) }
                var address = sockaddr_in()
                address.sin_family = sa_family_t(AF_INET)
                address.sin_addr.s_addr = inet_addr("127.0.0.1")
                address.sin_port = in_port_t(UInt16(port).bigEndian)
                let connected = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
                }
                guard connected == 0 else { return continuation.resume(throwing: CredentialsError(.network, "connect failed")) }
                let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
                _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
                var response: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 4096)
                while true {
                    let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                    if n <= 0 { break }
                    response.append(contentsOf: buffer[0..<n])
                }
                continuation.resume(returning: String(decoding: response, as: UTF8.self))
            }
        }
    }
}
