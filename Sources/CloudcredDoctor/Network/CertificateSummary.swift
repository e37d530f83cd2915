#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NIOSSL

/// What the report says about a server certificate: who issued it, until when it is valid, which names it covers.
struct CertificateSummary: Sendable, Hashable {
    /// The issuer's common name, else its organization.
    var issuer: String
    /// The subject's common name.
    var subject: String
    /// When it stops being valid.
    var notValidAfter: Date
    /// DNS names and IP addresses of the subject alternative names.
    var names: [String]

    init(_ certificate: NIOSSLCertificate) {
        issuer = Self.displayName(certificate.issuerName)
        subject = Self.displayName(certificate.subjectName)
        notValidAfter = Date(timeIntervalSince1970: TimeInterval(certificate.notValidAfter))
        var names: [String] = []
        for name in certificate._subjectAlternativeNames() {
            let bytes = Array(name.contents)
            if name.nameType == .dnsName {
                names.append(String(decoding: bytes, as: UTF8.self))
            } else if name.nameType == .ipAddress, bytes.count == 4 {
                names.append(bytes.map(String.init).joined(separator: "."))
            }
        }
        self.names = names
    }

    init(issuer: String, subject: String, notValidAfter: Date, names: [String]) {
        self.issuer = issuer
        self.subject = subject
        self.notValidAfter = notValidAfter
        self.names = names
    }

    /// True when a name of the certificate covers `host` (`*.example.com` covers one label).
    func covers(_ host: String) -> Bool {
        let host = host.lowercased()
        return names.contains { name in
            let name = name.lowercased()
            if name == host { return true }
            guard name.hasPrefix("*."), let dot = host.firstIndex(of: ".") else { return false }
            return host[host.index(after: dot)...] == name.dropFirst(2)
        }
    }

    private static func displayName(_ name: [SSLCertificateName]) -> String {
        name.first { $0.type == .commonName }?.value ?? name.first { $0.type == .organization }?.value ?? "?"
    }
}
