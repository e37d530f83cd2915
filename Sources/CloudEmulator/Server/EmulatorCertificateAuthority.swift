import Crypto
import Foundation
import NIOSSL
import SwiftASN1
import X509

/// A throw-away certificate authority made in memory, and a server certificate it signed for the cloud hosts the
/// emulator stands in for. Clients trust ``caCertificatePEM`` to talk TLS to the emulator.
struct EmulatorCertificateAuthority: Sendable {
    /// The CA certificate, PEM.
    let caCertificatePEM: String
    /// The server certificate chain and key for the TLS listener.
    let serverCertificate: NIOSSLCertificate
    let serverKey: NIOSSLPrivateKey

    /// Regions whose `*.<region>.aliyuncs.com` / `*.<region>.myhuaweicloud.com` names the server certificate covers.
    static let alibabaRegions = [
        "cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-shenzhen", "cn-qingdao", "cn-zhangjiakou", "cn-huhehaote",
        "cn-wulanchabu", "cn-chengdu", "cn-heyuan", "cn-guangzhou", "cn-hongkong", "ap-northeast-1", "ap-northeast-2",
        "ap-southeast-1", "ap-southeast-3", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ap-south-1",
        "us-west-1", "us-east-1", "eu-central-1", "eu-west-1", "me-east-1", "me-central-1",
    ]
    static let huaweiRegions = [
        "cn-north-1", "cn-north-4", "cn-north-9", "cn-east-2", "cn-east-3", "cn-south-1", "cn-southwest-2",
        "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "af-south-1", "la-south-2", "sa-brazil-1", "tr-west-1",
    ]

    /// Every DNS name in the server certificate.
    static var dnsNames: [String] {
        ["localhost", "aliyuncs.com", "*.aliyuncs.com", "*.aliyun.com", "*.myhuaweicloud.com", "*.myhuaweicloud.cn"]
            + alibabaRegions.map { "*.\($0).aliyuncs.com" }
            + huaweiRegions.map { "*.\($0).myhuaweicloud.com" }
    }

    /// IP addresses in the server certificate: loopback and the metadata services.
    static let ipAddresses: [[UInt8]] = [[127, 0, 0, 1], [100, 100, 100, 200], [169, 254, 169, 254], Array(repeating: 0, count: 15) + [1]]

    init(now: Date = Date()) throws {
        let caKey = P256.Signing.PrivateKey()
        let caName = try DistinguishedName {
            OrganizationName("cloudcred emulator")
            CommonName("cloudcred emulator throw-away CA")
        }
        let caPublicKey = Certificate.PublicKey(caKey.publicKey)
        let ca = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: caPublicKey,
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(30 * 86400),
            issuer: caName, subject: caName, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: caPublicKey)
            },
            issuerPrivateKey: Certificate.PrivateKey(caKey))

        let serverKey = P256.Signing.PrivateKey()
        let serverName = try DistinguishedName {
            OrganizationName("cloudcred emulator")
            CommonName("sts.aliyuncs.com")
        }
        let names = Self.dnsNames.map(GeneralName.dnsName) + Self.ipAddresses.map { .ipAddress(ASN1OctetString(contentBytes: $0[...])) }
        let server = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: Certificate.PublicKey(serverKey.publicKey),
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(30 * 86400),
            issuer: caName, subject: serverName, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(names)
            },
            issuerPrivateKey: Certificate.PrivateKey(caKey))

        caCertificatePEM = try ca.serializeAsPEM().pemString
        var serializer = DER.Serializer()
        try serializer.serialize(server)
        serverCertificate = try NIOSSLCertificate(bytes: serializer.serializedBytes, format: .der)
        self.serverKey = try NIOSSLPrivateKey(bytes: Array(serverKey.pemRepresentation.utf8), format: .pem)
    }

    /// The server-side TLS configuration for the listener.
    var tlsConfiguration: TLSConfiguration {
        TLSConfiguration.makeServerConfiguration(certificateChain: [.certificate(serverCertificate)], privateKey: .privateKey(serverKey))
    }
}
