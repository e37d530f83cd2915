#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CloudHTTP
import CredentialsCore

/// Reads CreateSecret answers: the Docker `auths` body, the expiry header, and Huawei's error bodies.
enum SWRResponse {
    /// The header with the expiry of the login (ISO-8601 or epoch milliseconds).
    static let expiryHeader = "X-Swr-Expireat"
    /// Longest server message kept in an error.
    static let maxMessage = 300

    /// The login from a CreateSecret answer, or a one-line error naming `url` that never contains `secrets`.
    static func login(
        from response: HTTPResponse, endpoint: SWREndpoint, url: String, issuedAt: Date, secrets: [String]
    ) throws -> SWRLogin {
        guard (200..<300).contains(response.status) else {
            throw failure(response, url: url, secrets: secrets)
        }
        guard let document = try? JSONValue.parse(response.body), case .object = document else {
            throw CredentialsError(
                .server, "SWR CreateSecret at \(url) answered with something that is not JSON: \(SafeBody.render(response.body))",
                hint: "check that \(endpoint.apiHost) is an SWR API endpoint (swr-api.<region>.myhuaweicloud.com)")
        }
        guard let auths = document["auths"]?.objectValue, !auths.isEmpty else {
            throw CredentialsError(.server, "SWR CreateSecret at \(url) answered without \"auths\": \(shape(document))")
        }
        let entry = auths[endpoint.registryHost] ?? auths.values.first
        guard let auth = entry?["auth"]?.stringValue, let decoded = base64Decoded(auth),
              let colon = decoded.firstIndex(of: ":")
        else {
            throw CredentialsError(
                .server, "SWR CreateSecret at \(url) answered with an \"auth\" that is not base64 of user:password")
        }
        let username = String(decoded[..<colon])
        let password = String(decoded[decoded.index(after: colon)...])
        guard !username.isEmpty, !password.isEmpty else {
            throw CredentialsError(.server, "SWR CreateSecret at \(url) answered with an empty user name or password")
        }
        let expiry = response.header(expiryHeader).flatMap(parseExpiry)
            ?? issuedAt.addingTimeInterval(SWRTemporaryLogin.defaultLifetime)
        guard expiry > issuedAt else {
            // Cached and handed to docker, a login that expired on arrival would be refused by the registry.
            throw CredentialsError(
                .server, "SWR CreateSecret at \(url) answered with a login that expired at \(TimeFormat.iso8601(expiry))",
                hint: "check the clock of this machine (\(expiryHeader) is \(Int(issuedAt.timeIntervalSince(expiry))) s in the past)")
        }
        return SWRLogin(username: username, password: password, expiresAt: expiry)
    }

    /// `SWR CreateSecret at <url> failed with HTTP <status>: <code>: <message>`.
    static func failure(_ response: HTTPResponse, url: String, secrets: [String]) -> CredentialsError {
        let document = try? JSONValue.parse(response.body)
        let code = document.flatMap { $0["error_code"]?.stringValue ?? $0["errorCode"]?.stringValue ?? $0["code"]?.stringValue }
        let message = document.flatMap {
            $0["error_msg"]?.stringValue ?? $0["errorMessage"]?.stringValue ?? $0["message"]?.stringValue
        }
        let detail: String
        if code != nil || message != nil {
            detail = [code, message.map(oneLine)].compactMap { $0 }.joined(separator: ": ")
        } else {
            detail = SafeBody.render(response.body)
        }
        return CredentialsError(
            .server, "SWR CreateSecret at \(url) failed with HTTP \(response.status): \(Redact.scrub(detail, secrets: secrets))",
            hint: hint(code: code ?? "", message: message ?? "", status: response.status))
    }

    /// ISO-8601 (fractions, `Z` or offset, `T` or space, no zone = UTC) or epoch milliseconds (seconds when short).
    static func parseExpiry(_ raw: String) -> Date? {
        let text = String(raw.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        guard !text.isEmpty else { return nil }
        if text.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Double(text) {
            return Date(timeIntervalSince1970: text.count >= 12 ? number / 1000 : number)
        }
        let normalized = text.replacing(" ", with: "T")
        return TimeFormat.parseISO8601Lenient(normalized) ?? TimeFormat.parseISO8601Lenient(normalized + "Z")
    }

    private static func hint(code: String, message: String, status: Int) -> String? {
        let lower = message.lowercased()
        if lower.contains("expired") && lower.contains("signature") {
            return "the local clock is off by more than 15 minutes: sync it (e.g. timedatectl set-ntp true)"
        }
        if code == "APIG.0301" || code == "APIGW.0301" || status == 401 {
            return "the AK/SK (or its security token) was refused: check them in the console (My Credentials → Access Keys), "
                + "and that temporary credentials have not expired"
        }
        if status == 403 { return "the IAM user or agency needs SWR permissions (e.g. SWR Admin) in this region" }
        if status == 404 { return "check the region: this SWR API endpoint does not know the request" }
        return nil
    }

    private static func base64Decoded(_ text: String) -> String? {
        var padded = text.filter { !$0.isWhitespace }
        if padded.count % 4 != 0 { padded += String(repeating: "=", count: 4 - padded.count % 4) }
        guard let data = Data(base64Encoded: padded) else { return nil }
        return String(validating: Array(data), as: UTF8.self)
    }

    private static func oneLine(_ text: String) -> String {
        let joined = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
        return joined.count > maxMessage ? String(joined.prefix(maxMessage)) + "…" : joined
    }

    /// The document with secrets masked, for "the answer lacks …" errors.
    private static func shape(_ document: JSONValue) -> String {
        let text = SafeBody.masked(document).serialized(style: .compact)
        return text.count > maxMessage ? String(text.prefix(maxMessage)) + "…" : text
    }
}
