#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CloudHTTP
import CredentialsCore

/// `clock`: the local clock against the `Date` header of an unsigned request to the API endpoint. Signed requests
/// fail when the clocks are about 15 minutes apart (`InvalidTimeStamp.Expired`, Huawei's "signature expired");
/// past 5 minutes the check warns.
struct ClockCheck: Sendable {
    let context: DoctorContext

    static let warnSeconds = 300
    static let failSeconds = 900

    func run(apiEndpoint: String) async -> [Finding] {
        let (connect, read) = context.httpTimeouts()
        let request = HTTPRequest(
            method: "GET", scheme: "https", host: apiEndpoint, path: "/", connectTimeoutMs: connect, readTimeoutMs: read,
            routing: .cloudEndpoint)
        let transport = context.transport
        let sentAt = context.clock.now()
        let answer = await context.timeBox.run(limit: context.limits.http) { () -> Result<HTTPResponse, CredentialsError> in
            do {
                return .success(try await transport.send(request))
            } catch {
                return .failure(CredentialsError.wrapping(error))
            }
        }
        guard case .success(let response)? = answer else {
            let reason: String
            if case .failure(let error)? = answer { reason = error.message } else { reason = "timed out" }
            return [.keyed(.clock, .warn, "clock.unreachable", apiEndpoint, reason)]
        }
        guard let header = response.header("Date"), let serverTime = Self.parseHTTPDate(header) else {
            return [.keyed(.clock, .warn, "clock.noDate", apiEndpoint)]
        }
        let receivedAt = context.clock.now()
        let localMidpoint = sentAt.addingTimeInterval(receivedAt.timeIntervalSince(sentAt) / 2)
        let skew = Int(localMidpoint.timeIntervalSince(serverTime).rounded())
        let signed = skew > 0 ? "+\(skew)" : "\(skew)"
        let arguments = [signed, apiEndpoint, TimeFormat.iso8601(serverTime), TimeFormat.iso8601(localMidpoint)]
        switch abs(skew) {
        case ..<Self.warnSeconds: return [.keyed(.clock, .ok, "clock.ok", arguments)]
        case ..<Self.failSeconds: return [.keyed(.clock, .warn, "clock.skewed", arguments)]
        default: return [.keyed(.clock, .fail, "clock.skewedTooFar", arguments)]
        }
    }

    /// `Mon, 01 Jan 2024 00:00:00 GMT` (RFC 1123, the HTTP `Date` header) → the date, or nil.
    static func parseHTTPDate(_ text: String) -> Date? {
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
