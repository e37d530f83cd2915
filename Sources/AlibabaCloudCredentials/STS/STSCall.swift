#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CloudHTTP
import CloudSigning
import CredentialsCore

/// One call to STS: builds the (signed) request, sends it, and reads the `Credentials` out of the answer.
struct STSCall: Sendable {
    /// The provider name used in error texts (`ram_role_arn`, `oidc_role_arn`, `rsa_key_pair`).
    let providerName: String
    let endpoint: String
    let options: HTTPOptions
    let context: ProviderContext

    /// Sends an RPC request with `parameters` (in the Python library's order); signs it when `signingSecret` is given.
    func send(parameters: [(String, String)], signingSecret: String?) async throws -> JSONValue {
        var all = parameters
        if let secret = signingSecret {
            let dictionary = Dictionary(all, uniquingKeysWith: { _, last in last })
            let signature = AlibabaRPCSigner.sign(method: "GET", parameters: dictionary, secret: secret, spaceEncoding: .percent20)
            all.append(("Signature", signature))
        }
        let query = all.map { "\(PercentEncoder.rfc3986($0.0))=\(PercentEncoder.rfc3986($0.1))" }.joined(separator: "&")
        let (scheme, host, port) = STSEndpoint.target(endpoint)
        let request = HTTPRequest(
            method: "GET", scheme: scheme, host: host, port: port, path: "/", rawQuery: query,
            connectTimeoutMs: options.connectTimeout(default: 5000), readTimeoutMs: options.readTimeout(default: 10000),
            routing: .cloudEndpoint, proxy: options.proxy)
        let response = try await context.transport.send(request)
        guard response.status == 200 else {
            throw CredentialsError(
                .server,
                "error refreshing credentials from \(providerName), http_code: \(response.status), result: \(SafeBody.render(response.body))",
                hint: STSErrorHints.hint(for: response.body))
        }
        do {
            return try JSONValue.parse(response.body)
        } catch {
            throw CredentialsError(.server, "error retrieving credentials from \(providerName) result: \(SafeBody.render(response.body)) (\(error.description))")
        }
    }

    /// Reads `{"Credentials": {AccessKeyId, AccessKeySecret, SecurityToken, Expiration}}`.
    func credential(from document: JSONValue, body: [UInt8], providerName reported: String) throws -> Credential {
        guard let creds = document["Credentials"], let id = creds["AccessKeyId"]?.stringValue,
            let secret = creds["AccessKeySecret"]?.stringValue, let token = creds["SecurityToken"]?.stringValue
        else {
            throw CredentialsError(.server, "error retrieving credentials from \(providerName) result: \(SafeBody.masked(document).serialized(style: .python))")
        }
        let expiration = try Self.expiration(creds["Expiration"], provider: providerName)
        return Credential(accessKeyId: id, accessKeySecret: secret, securityToken: token, expiration: expiration, providerName: reported)
    }

    /// Parses an `Expiration` field strictly (`YYYY-MM-DDTHH:MM:SSZ`), as the Python library does.
    static func expiration(_ value: JSONValue?, provider: String) throws -> Date {
        guard let text = value?.stringValue else {
            throw CredentialsError(.server, "error retrieving credentials from \(provider): the Expiration field is missing or not a string")
        }
        guard let date = TimeFormat.parseISO8601(text) else {
            throw CredentialsError(.server, "time data '\(text)' does not match format '%Y-%m-%dT%H:%M:%SZ'")
        }
        return date
    }

    /// The common RPC parameters of a signed STS call, in the Python library's order.
    func signedCommon(action: String, durationSeconds: Int) -> [(String, String)] {
        [
            ("Action", action), ("Format", "JSON"), ("Version", "2015-04-01"), ("DurationSeconds", String(durationSeconds)),
        ]
    }

    func signatureParameters() -> [(String, String)] {
        [
            ("SignatureMethod", "HMAC-SHA1"), ("SignatureVersion", "1.0"),
            ("Timestamp", TimeFormat.iso8601(context.clock.now())), ("SignatureNonce", context.makeNonce()),
        ]
    }
}

/// Short fixes for the STS error codes users meet most.
enum STSErrorHints {
    static func hint(for body: [UInt8]) -> String? {
        guard let code = (try? JSONValue.parse(body))?["Code"]?.stringValue else { return nil }
        switch code {
        case "InvalidAccessKeyId.NotFound", "InvalidAccessKeyId":
            return "the AccessKey ID does not exist: check it in the RAM console (ram.console.aliyun.com/manage/ak)"
        case "SignatureDoesNotMatch":
            return "the AccessKey secret is wrong: copy it again, without spaces or a trailing newline"
        case "InvalidTimeStamp.Expired":
            return "the local clock is off by more than 15 minutes: sync it (e.g. timedatectl set-ntp true)"
        case "NoPermission", "EntityNotExist.Role":
            return "the caller may not assume this role: check the role ARN and its trust policy"
        case "InvalidParameter.DurationSeconds":
            return "the session duration must be between 900 seconds and the role's maximum session duration"
        case "InvalidSecurityToken.Expired":
            return "the source STS token has expired: refresh the source credentials"
        default:
            return nil
        }
    }
}
