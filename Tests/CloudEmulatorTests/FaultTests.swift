import AsyncHTTPClient
import CredentialsCore
import Foundation
import NIOCore
import Testing

@testable import CloudEmulator

@Suite("Fault injection")
struct FaultTests {
    func assumeRole(_ emulator: CloudEmulator, timeout: TimeAmount = .seconds(10)) async throws -> Reply {
        try await fetch(emulator, host: "sts.aliyuncs.com", query: signedQuery(assumeRoleParameters(), secret: Standard.secret), timeout: timeout)
    }

    @Test("status: the next N matching requests get the status and a cloud error body, then the service answers")
    func status() async throws {
        try await withEmulator { emulator async throws in
            emulator.addFault(FaultRule(endpoint: .sts, action: "AssumeRole", times: 2, effect: .status(503)))
            emulator.addFault(FaultRule(endpoint: .sts, action: "GenerateSessionAccessKey", effect: .status(500)))
            for _ in 0..<2 {
                let reply = try await assumeRole(emulator)
                #expect(reply.status == 503)
                #expect(reply.code == "ServiceUnavailable")
            }
            #expect(try await assumeRole(emulator).status == 200)
            #expect(emulator.recordedRequests(.sts).map(\.faults) == [["status"], ["status"], []])
            #expect(emulator.activeFaults().count == 1, "the GenerateSessionAccessKey rule is untouched")
        }
    }

    @Test("status with a custom body and code")
    func statusBody() async throws {
        try await withEmulator { emulator async throws in
            emulator.addFault(FaultRule(endpoint: .credentialsURI, effect: .status(500, body: "boom")))
            emulator.addFault(FaultRule(endpoint: .sts, effect: .status(403, code: "NoPermission", message: "denied")))
            let uri = try await fetch(emulator, path: "/credentials")
            #expect(uri.status == 500)
            #expect(uri.text == "boom")
            let sts = try await assumeRole(emulator)
            #expect(sts.status == 403)
            #expect(sts.code == "NoPermission")
            #expect(sts.json["Message"] as? String == "denied")
        }
    }

    @Test("delayMs makes a client with a shorter timeout give up")
    func delay() async throws {
        try await withEmulator { emulator async throws in
            emulator.addFault(FaultRule(endpoint: .ecsMetadata, times: 1, effect: .delay(milliseconds: 300)))
            let start = ContinuousClock.now
            await #expect(throws: HTTPClientError.self) {
                _ = try await fetch(emulator, host: "100.100.100.200", path: "/latest/meta-data/region-id", timeout: .milliseconds(100))
            }
            #expect(ContinuousClock.now - start < .seconds(5))
            let reply = try await fetch(emulator, host: "100.100.100.200", path: "/latest/meta-data/region-id")
            #expect(reply.status == 200)
        }
    }

    @Test("dropConnection closes without an answer: the client gets an error")
    func dropConnection() async throws {
        try await withEmulator { emulator async throws in
            emulator.addFault(FaultRule(endpoint: .credentialsURI, times: 1, effect: .dropConnection))
            await #expect(throws: (any Error).self) { _ = try await fetch(emulator, path: "/credentials") }
            let raw = try await rawExchange(port: emulator.port, "GET /credentials HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            #expect(raw.received.hasPrefix("HTTP/1.1 200"), "the rule was used up")
            emulator.addFault(FaultRule(endpoint: .credentialsURI, times: 1, effect: .dropConnection))
            let dropped = try await rawExchange(port: emulator.port, "GET /credentials HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(dropped.received.isEmpty)
        }
    }

    @Test("resetMidBody sends the head and part of the body, then resets the connection")
    func resetMidBody() async throws {
        try await withEmulator { emulator async throws in
            emulator.addFault(FaultRule(endpoint: .credentialsURI, effect: .resetMidBody))
            await #expect(throws: (any Error).self) { _ = try await fetch(emulator, path: "/credentials") }

            let raw = try await rawExchange(port: emulator.port, "GET /credentials HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(raw.received.hasPrefix("HTTP/1.1 200 OK"))
            #expect(raw.received.contains("\r\n\r\n{\"Code\":\"Success\""))
            #expect(raw.endErrno == ECONNRESET)
            let parts = raw.received.components(separatedBy: "\r\n\r\n")
            let length = parts.first?.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }
            #expect((parts.last?.utf8.count ?? 0) < (length ?? 0))
        }
    }

    @Test("truncatedBody and malformedBody give valid HTTP with unreadable JSON")
    func truncatedAndMalformed() async throws {
        try await withEmulator { emulator async throws in
            emulator.addFault(FaultRule(endpoint: .sts, times: 1, effect: .truncatedBody))
            let truncated = try await assumeRole(emulator)
            #expect(truncated.status == 200)
            #expect(truncated.text.hasPrefix("{\"RequestId\""))
            #expect((try? JSONSerialization.jsonObject(with: Data(truncated.text.utf8))) == nil)

            emulator.addFault(FaultRule(endpoint: .sts, times: 1, effect: .malformedBody))
            let malformed = try await assumeRole(emulator)
            #expect(malformed.status == 200)
            #expect((try? JSONSerialization.jsonObject(with: Data(malformed.text.utf8))) == nil)
        }
    }

    @Test("wrongTypes, missingFields and expiredCredentials rewrite valid JSON")
    func bodyRewrites() async throws {
        try await withEmulator { emulator async throws in
            emulator.addFault(FaultRule(endpoint: .sts, times: 1, effect: .wrongTypes(fields: ["Expiration"])))
            let wrong = try await assumeRole(emulator)
            #expect(wrong.credentials["Expiration"] is NSNumber)

            emulator.addFault(FaultRule(endpoint: .ecsMetadata, times: 1, effect: .missingFields(["AccessKeyId"])))
            let missing = try await fetch(emulator, host: "100.100.100.200", path: "/latest/meta-data/ram/security-credentials/EcsEmulatorRole")
            #expect(missing.json["AccessKeyId"] == nil)
            #expect(missing.json["AccessKeySecret"] is String)

            emulator.addFault(FaultRule(endpoint: .credentialsURI, times: 1, effect: .expiredCredentials(secondsAgo: 100)))
            let expired = try await fetch(emulator, path: "/credentials")
            let expiration = try #require(TimeFormat.parseISO8601(expired.json["Expiration"] as? String ?? ""))
            #expect(abs(expiration.timeIntervalSinceNow + 100) < 10)
        }
    }

    @Test("clockSkewSeconds shifts the emulator's now: the Date header and the timestamp check")
    func clockSkew() async throws {
        try await withEmulator { emulator async throws in
            emulator.addFault(FaultRule(endpoint: .sts, effect: .clockSkew(seconds: 1200)))
            let reply = try await assumeRole(emulator)
            #expect(reply.code == "InvalidTimeStamp.Expired")
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
            let date = try #require(formatter.date(from: reply.header("Date") ?? ""))
            #expect(abs(date.timeIntervalSinceNow - 1200) < 10)

            let skewed = assumeRoleParameters(now: Date().addingTimeInterval(1200))
            #expect(try await sts(emulator, signedQuery(skewed, secret: Standard.secret)).status == 200)
        }
    }

    @Test("slowDrip completes, slowly")
    func slowDrip() async throws {
        try await withEmulator { emulator async throws in
            emulator.addFault(FaultRule(endpoint: .credentialsURI, times: 1, effect: .slowDrip(chunkBytes: 64, intervalMilliseconds: 20)))
            let start = ContinuousClock.now
            let reply = try await fetch(emulator, path: "/credentials")
            let elapsed = ContinuousClock.now - start
            #expect(reply.status == 200)
            #expect(reply.json["Code"] as? String == "Success")
            let chunks = (reply.text.utf8.count + 63) / 64
            #expect(elapsed >= .milliseconds(20 * (chunks - 1)))
        }
    }

    @Test("path rules match exactly or by prefix with *")
    func pathMatch() async throws {
        try await withEmulator { emulator async throws in
            emulator.addFault(FaultRule(endpoint: .ecsMetadata, path: "/latest/api/token", effect: .status(403)))
            emulator.addFault(FaultRule(endpoint: .ecsMetadata, path: "/latest/meta-data/ram/*", times: 1, effect: .status(500)))
            let token = try await fetch(
                emulator, host: "100.100.100.200", method: "PUT", path: "/latest/api/token",
                headers: [("X-aliyun-ecs-metadata-token-ttl-seconds", "21600")])
            #expect(token.status == 403)
            #expect(try await fetch(emulator, host: "100.100.100.200", path: "/latest/meta-data/region-id").status == 200)
            #expect(try await fetch(emulator, host: "100.100.100.200", path: "/latest/meta-data/ram/security-credentials/").status == 500)
            #expect(try await fetch(emulator, host: "100.100.100.200", path: "/latest/meta-data/ram/security-credentials/").status == 200)
        }
    }

    @Test("faults from the configuration are active from the start and come back after reset")
    func configuredFaults() async throws {
        var configuration = EmulatorConfiguration.standard
        configuration.faults = [FaultRule(endpoint: .credentialsURI, times: 1, effect: .status(503))]
        try await withEmulator(configuration) { emulator async throws in
            #expect(try await fetch(emulator, path: "/credentials").status == 503)
            #expect(try await fetch(emulator, path: "/credentials").status == 200)
            emulator.reset()
            #expect(emulator.requestCount(.credentialsURI) == 0)
            #expect(try await fetch(emulator, path: "/credentials").status == 503)
            emulator.clearFaults()
            emulator.addFault(FaultRule(endpoint: .credentialsURI, times: 1, effect: .status(503)))
            emulator.clearFaults()
            #expect(try await fetch(emulator, path: "/credentials").status == 200)
        }
    }
}
