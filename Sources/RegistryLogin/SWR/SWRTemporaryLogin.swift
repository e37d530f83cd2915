#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CloudHTTP
import CloudSigning
import CredentialsCore
import Logging

/// The SWR temporary login ("Generating a Temporary Login Command", CreateSecret): a `docker login` user name and
/// password valid for 6 hours, from any Huawei Cloud credentials, permanent or temporary (metadata, STS).
///
/// `POST https://swr-api.<region>.<domain>/v2/manage/utils/secret?projectname=<project>`, empty body, signed with
/// SDK-HMAC-SHA256 over `Content-Type`, `Host`, `X-Sdk-Date` and, for temporary credentials, `X-Security-Token`.
/// The request is routed as a cloud endpoint, so `CLOUDCRED_CONNECT_TO` sends it to an emulator.
public struct SWRTemporaryLogin: Sendable {
    /// The API path.
    public static let path = "/v2/manage/utils/secret"
    /// How long a temporary login lasts when the answer does not say (the SWR FAQ's 6 hours).
    public static let defaultLifetime: TimeInterval = 6 * 3600
    /// Lower-hex SHA-256 of the empty body.
    static let emptyBodyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    private let transport: any HTTPTransport
    private let clock: any CredentialsClock
    private let logger: Logger
    private let connectTimeoutMs: Int
    private let readTimeoutMs: Int

    /// - Parameters:
    ///   - transport: sends the request.
    ///   - clock: the signing time (`X-Sdk-Date`) and the issue time for the default expiry.
    ///   - logger: one line per call at `.debug` (endpoint and status; never a header or the answer).
    ///   - connectTimeoutMs: default 5000.
    ///   - readTimeoutMs: default 10000.
    public init(
        transport: any HTTPTransport, clock: any CredentialsClock = SystemClock(),
        logger: Logger = Logger(label: "cloudcred.swr", factory: { _ in SwiftLogNoOpLogHandler() }),
        connectTimeoutMs: Int = 5000, readTimeoutMs: Int = 10000
    ) {
        self.transport = transport
        self.clock = clock
        self.logger = logger
        self.connectTimeoutMs = connectTimeoutMs
        self.readTimeoutMs = readTimeoutMs
    }

    /// Calls CreateSecret and returns the login it hands out.
    /// - Parameters:
    ///   - endpoint: the region (and domain) of the registry.
    ///   - credential: AK/SK, with the security token for temporary credentials.
    ///   - projectName: the `projectname` query parameter; nil uses the region id.
    /// - Returns: the login; `expiresAt` from the `X-Swr-Expireat` header, else the issue time plus 6 hours.
    /// - Throws: ``CredentialsError`` naming the endpoint: `.network` from the transport, `.server` for an error
    ///   answer (with Huawei's code and message) or an answer that cannot be read.
    public func login(endpoint: SWREndpoint, credential: Credential, projectName: String? = nil) async throws -> SWRLogin {
        let project = projectName.flatMap { $0.isEmpty ? nil : $0 } ?? endpoint.region
        let issuedAt = clock.now()
        let request = signedRequest(endpoint: endpoint, credential: credential, project: project, now: issuedAt)
        let url = "https://\(endpoint.apiHost)\(Self.path)"
        logger.debug("SWR CreateSecret", metadata: ["endpoint": "\(url)", "project": "\(project)"])
        let response = try await transport.send(request)
        logger.debug("SWR CreateSecret answered", metadata: ["endpoint": "\(url)", "status": "\(response.status)"])
        let secrets = [credential.accessKeySecret, credential.securityToken ?? "", request.authorizationSignature]
        return try SWRResponse.login(from: response, endpoint: endpoint, url: url, issuedAt: issuedAt, secrets: secrets)
    }

    /// The signed request (headers `Content-Type`, `Host`, `X-Sdk-Date`, `X-Security-Token`, `Authorization`).
    func signedRequest(endpoint: SWREndpoint, credential: Credential, project: String, now: Date) -> HTTPRequest {
        var headers = [
            "Content-Type": "application/json",
            "Host": endpoint.apiHost,
            HuaweiSigner.dateHeader: TimeFormat.compactISO8601(now),
        ]
        if let token = credential.securityToken, !token.isEmpty { headers["X-Security-Token"] = token }
        let query = ["projectname": project]
        let authorization = HuaweiSigner.authorization(
            accessKey: credential.accessKeyId, secretKey: credential.accessKeySecret, method: "POST", path: Self.path,
            query: query, headers: headers, payloadHashHex: Self.emptyBodyHash)
        var wire = headers.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
        wire.append((name: "Authorization", value: authorization))
        return HTTPRequest(
            method: "POST", scheme: "https", host: endpoint.apiHost, path: Self.path,
            rawQuery: "projectname=" + PercentEncoder.rfc3986(project), headers: wire,
            connectTimeoutMs: connectTimeoutMs, readTimeoutMs: readTimeoutMs, routing: .cloudEndpoint)
    }
}

extension HTTPRequest {
    /// The `Signature=` value of the `Authorization` header (to keep it out of error messages).
    fileprivate var authorizationSignature: String {
        guard let header = headers.first(where: { $0.name.lowercased() == "authorization" })?.value,
              let range = header.firstRange(of: "Signature=")
        else { return "" }
        return String(header[range.upperBound...])
    }
}
