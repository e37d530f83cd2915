#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CloudHTTP
import CredentialsCore

/// Reads ACR API answers and turns failures into one-line errors that name the endpoint, with the fix.
enum ACRResponse {
    /// The JSON body of a 2xx answer; anything else becomes a ``CredentialsError``.
    static func document(_ response: HTTPResponse, endpoint: String, action: String) throws -> JSONValue {
        let parsed = try? JSONValue.parse(response.body)
        guard (200..<300).contains(response.status) else {
            let code = parsed.flatMap { $0["Code"]?.stringValue ?? $0["code"]?.stringValue } ?? ""
            // A server or gateway may echo the request (its Authorization header, security token) in the message.
            let message = SecretTextMask.mask(parsed.flatMap { $0["Message"]?.stringValue ?? $0["message"]?.stringValue } ?? "")
            let detail = code.isEmpty ? SafeBody.render(response.body) : "\(code): \(message)"
            throw CredentialsError(
                .server, "ACR \(action) at https://\(endpoint) failed with HTTP \(response.status): \(detail)",
                hint: hint(code: code, status: response.status))
        }
        guard let parsed, case .object = parsed else {
            throw CredentialsError(
                .server, "ACR \(action) at https://\(endpoint) answered with something that is not a JSON object: \(SafeBody.render(response.body))",
                hint: "check that the endpoint is an Alibaba Cloud Container Registry API endpoint (cr.<region>.aliyuncs.com)")
        }
        return parsed
    }

    /// The 2018-12-01 API reports some failures with HTTP 200 and `IsSuccess: false`.
    static func checkSuccess(_ document: JSONValue, endpoint: String, action: String) throws {
        let isSuccess = document["IsSuccess"]?.boolValue
        let code = document["Code"]?.stringValue
        guard isSuccess == false || (code != nil && code?.lowercased() != "success") else { return }
        throw CredentialsError(
            .server, "ACR \(action) at https://\(endpoint) failed: \(code ?? "unknown"): \(SecretTextMask.mask(document["Message"]?.stringValue ?? ""))",
            hint: hint(code: code ?? "", status: 200))
    }

    static func unexpected(endpoint: String, action: String, document: JSONValue) -> CredentialsError {
        CredentialsError(
            .server,
            "ACR \(action) at https://\(endpoint) answered without a user name and password: \(SafeBody.masked(document).serialized(style: .compact))")
    }

    /// Epoch milliseconds (number or numeric string) as a date.
    /// `expiry` unless it has already passed: a token that expired on arrival (a server or proxy clock far off, a
    /// replayed answer) would be cached and handed to docker as valid, and the registry would refuse it.
    static func unexpired(_ expiry: Date?, now: Date, endpoint: String, action: String) throws -> Date? {
        guard let expiry, expiry <= now else { return expiry }
        throw CredentialsError(
            .server, "ACR \(action) at https://\(endpoint) answered with a token that expired at \(TimeFormat.iso8601(expiry))",
            hint: "check the clock of this machine (the token API's expiry is in the past by \(Int(now.timeIntervalSince(expiry))) s)")
    }

    static func epochMilliseconds(_ value: JSONValue?) -> Date? {
        let milliseconds = value?.doubleValue ?? value?.stringValue.flatMap(Double.init)
        return milliseconds.map { Date(timeIntervalSince1970: $0 / 1000) }
    }

    /// What to do about the error codes people meet.
    static func hint(code: String, status: Int) -> String? {
        switch code {
        case "InvalidAccessKeyId.NotFound", "InvalidAccessKeyId":
            return "the AccessKey ID does not exist: check it in the RAM console (ram.console.aliyun.com/manage/ak)"
        case "SignatureDoesNotMatch", "IncompleteSignature":
            return "the AccessKey secret is wrong: copy it again, without spaces or a trailing newline"
        case "InvalidTimeStamp.Expired":
            return "the local clock is off by more than 15 minutes: sync it (e.g. timedatectl set-ntp true)"
        case "InvalidSecurityToken.Expired", "InvalidSecurityToken.Malformed", "InvalidSecurityToken.MismatchWithAccessKey":
            return "the STS token is expired or does not belong to this AccessKey: refresh the source credentials"
        case "NoPrivilege", "Forbidden.RAM", "Forbidden", "NoPermission":
            return "the RAM user or role needs cr:GetAuthorizationToken (and cr:ListInstance for Enterprise instances); attach AliyunContainerRegistryReadOnlyAccess or a custom policy"
        case "INSTANCE_NOT_EXIST", "InstanceNotExist", "INSTANCE_NOT_EXISTS":
            return "no such instance in this region: check the instance id and region in the ACR console, or set them for this host in the cloudcred config"
        default:
            return status == 404 ? "check the region: the cr API endpoint for this registry does not know the request" : nil
        }
    }
}
