import CloudHTTP
import CredentialsCore

/// What a canned exchange answers: a response, or a transport failure as `CloudHTTPClient` reports it.
public enum CannedAnswer: Sendable {
    /// A complete response.
    case response(HTTPResponse)
    /// A failure with the transport's wording: `connection refused`, `connection reset by the server`,
    /// `read timed out after … ms`.
    case failure(String)
}

/// A fuzz input read as the server's side of a conversation, so one file drives a whole multi-request flow.
///
/// Answers are separated by a line `=====`. Each answer is either a raw body (status 200), or starts with a
/// status line and headers like a (simplified) HTTP response:
///
/// ```
/// HTTP 403
/// Content-Type: application/json
///
/// {"Code": "NoPermission", "Message": "…"}
/// =====
/// HTTP refused
/// ```
///
/// The status is a number (outside 100–599 reads as 200) or one of `refused`, `reset`, `timeout` for a
/// transport failure. Header lines are `Name: value` up to the first empty line.
public enum CannedResponses {
    /// The answers of `input`, at least one.
    public static func parse(_ input: [UInt8]) -> [CannedAnswer] {
        split(input, separator: Array("\n=====\n".utf8)).map(answer)
    }

    private static func answer(_ part: ArraySlice<UInt8>) -> CannedAnswer {
        let prefix = Array("HTTP ".utf8)
        guard part.starts(with: prefix) else { return .response(HTTPResponse(status: 200, body: Array(part))) }
        var lines = part.split(separator: 0x0A, maxSplits: 1, omittingEmptySubsequences: false)
        let statusText = text(lines[0].dropFirst(prefix.count))
        var rest = lines.count > 1 ? lines[1] : []
        switch statusText {
        case "refused": return .failure("connection refused")
        case "reset": return .failure("connection reset by the server")
        case "timeout": return .failure("read timed out after 1000 ms")
        default: break
        }
        let status = Int(statusText).flatMap { (100...599).contains($0) ? $0 : nil } ?? 200
        var headers: [(name: String, value: String)] = []
        while !rest.isEmpty {
            lines = rest.split(separator: 0x0A, maxSplits: 1, omittingEmptySubsequences: false)
            let line = text(lines[0])
            rest = lines.count > 1 ? lines[1] : []
            guard !line.isEmpty else { break }
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((name: String(line[..<colon]), value: String(line[line.index(after: colon)...].drop(while: { $0 == " " }))))
        }
        return .response(HTTPResponse(status: status, headers: headers, body: Array(rest)))
    }

    /// The line's text without a trailing carriage return.
    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.last == 0x0D ? bytes.dropLast() : bytes, as: UTF8.self)
    }

    private static func split(_ input: [UInt8], separator: [UInt8]) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var start = 0
        var i = 0
        while i + separator.count <= input.count {
            if input[i] == separator[0], input[i..<(i + separator.count)].elementsEqual(separator) {
                parts.append(input[start..<i])
                i += separator.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(input[start...])
        return parts
    }
}

extension CannedResponses {
    /// One JSON body every credentials endpoint accepts as a success (STS `Credentials`, ECS and credentials-URI
    /// fields, CloudSSO `CloudCredential`, OAuth tokens), for targets that fuzz a file rather than an answer.
    public static let universalSuccess: [CannedAnswer] = {
        let credentials: JSONValue = [
            "AccessKeyId": "STS.FuzzUniversalKeyId01", "AccessKeySecret": "FuzzUniversalSecret0001",
            "SecurityToken": "FuzzUniversalSecurityToken01", "Expiration": "2030-01-01T00:00:00Z",
        ]
        var body = credentials.objectValue ?? JSONObject()
        body["Code"] = "Success"
        body["Credentials"] = credentials
        body["CloudCredential"] = credentials
        body["access_token"] = "FuzzUniversalAccessToken01"
        body["refresh_token"] = "FuzzUniversalRefreshToken01"
        body["expires_in"] = 3600
        return [.response(HTTPResponse(status: 200, body: Array(JSONValue.object(body).serialized().utf8)))]
    }()
}
