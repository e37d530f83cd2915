import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL
import Testing

@testable import CloudEmulator

@Suite("TLS listener")
struct TLSTests {
    @Test("the TLS listener serves the same services with a certificate from the emulator's CA")
    func tlsListener() async throws {
        try await withEmulator { emulator async throws in
            #expect(emulator.caCertificatePEM == nil)
            let port = try await emulator.startTLS()
            #expect(emulator.tlsPort == port)
            let pem = try #require(emulator.caCertificatePEM)
            #expect(pem.hasPrefix("-----BEGIN CERTIFICATE-----"))

            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .certificates([try NIOSSLCertificate(bytes: Array(pem.utf8), format: .pem)])
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
            do {
                var request = HTTPClientRequest(url: "https://127.0.0.1:\(port)/latest/meta-data/ram/security-credentials/")
                request.headers.replaceOrAdd(name: "Host", value: "100.100.100.200")
                let response = try await client.execute(request, timeout: .seconds(10))
                #expect(response.status.code == 200)
                #expect(String(buffer: try await response.body.collect(upTo: 1 << 16)) == "EcsEmulatorRole")

                // Verified by name as well: localhost is in the certificate.
                let byName = try await client.execute(HTTPClientRequest(url: "https://localhost:\(port)/credentials"), timeout: .seconds(10))
                #expect(byName.status.code == 200)
            } catch {
                try await client.shutdown()
                throw error
            }
            try await client.shutdown()

            // An untrusting client refuses the certificate (AHC retries connecting until the deadline: keep it short).
            await #expect(throws: (any Error).self) {
                _ = try await HTTPClient.shared.execute(HTTPClientRequest(url: "https://127.0.0.1:\(port)/credentials"), timeout: .milliseconds(500))
            }
            #expect(emulator.requestCount(.ecsMetadata) == 1)
        }
    }
}
