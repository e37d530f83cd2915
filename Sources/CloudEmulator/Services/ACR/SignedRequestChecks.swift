import CredentialsCore
import Foundation

/// The checks every header-signed Alibaba request shares (ACS3 and ROA v1): required headers, the timestamp window,
/// the nonce, and the request's headers as the signers take them.
enum SignedRequestChecks {
    /// A header that must be present and non-empty, else `MissingParameter` naming it.
    static func requiredHeader(_ name: String, in request: EmulatorRequest) throws(CloudErrorBody) -> String {
        guard let value = request.header(name), !value.isEmpty else { throw .missingParameter(name) }
        return value
    }

    /// Within ``STSAuthenticator/timestampWindow`` of the emulator clock; `date` nil means it did not parse.
    static func checkTimestamp(_ date: Date?, now: Date) throws(CloudErrorBody) {
        guard let date else { throw .timestampFormat }
        guard abs(date.timeIntervalSince(now)) <= STSAuthenticator.timestampWindow else { throw .timestampExpired }
    }

    /// Remembers the nonce; `SignatureNonceUsed` when it was seen within the last half hour.
    static func useNonce(_ nonce: String, state: EmulatorState, now: Date) throws(CloudErrorBody) {
        guard state.useNonce(nonce, now: now) else { throw .nonceUsed }
    }

    /// Every header, name lower-cased; repeated headers' values joined with `,` in the order received.
    /// `host` comes from the request line's authority when the header list lacks it (HTTP/1.1 servers move it there).
    static func headerMap(_ request: EmulatorRequest) -> [String: String] {
        var map: [String: String] = [:]
        for header in request.headers {
            let name = header.name.lowercased()
            map[name] = map[name].map { $0 + "," + header.value } ?? header.value
        }
        if map["host"] == nil, !request.hostHeader.isEmpty { map["host"] = request.hostHeader }
        return map
    }

    /// Query parameters as the signers take them (the last duplicate wins).
    static func queryMap(_ request: EmulatorRequest) -> [String: String] {
        Dictionary(request.queryItems.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// `Mon, 01 Jan 2024 00:00:00 GMT` (RFC 1123, the ROA `Date` header), or nil.
    static func parseRFC1123(_ text: String) -> Date? {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[0].hasSuffix(","), parts[5] == "GMT" || parts[5] == "UTC",
              let day = Int(parts[1]), let month = months.firstIndex(of: String(parts[2])), let year = Int(parts[3])
        else { return nil }
        let time = parts[4].split(separator: ":")
        guard time.count == 3, let hour = Int(time[0]), let minute = Int(time[1]), let second = Int(time[2]) else { return nil }
        return TimeFormat.date(year: year, month: month + 1, day: day, hour: hour, minute: minute, second: second)
    }
}
