#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Date formats used by the cloud APIs, written without locale or ICU (the helper links no full Foundation).
public enum TimeFormat {
    /// `2024-01-02T03:04:05Z` (UTC, whole seconds).
    public static func iso8601(_ date: Date) -> String {
        let c = civil(from: Int64(date.timeIntervalSince1970.rounded(.down)))
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))Z"
    }

    /// `20240101T000000Z`, the Huawei `X-Sdk-Date` format.
    public static func compactISO8601(_ date: Date) -> String {
        let c = civil(from: Int64(date.timeIntervalSince1970.rounded(.down)))
        return "\(pad(c.year, 4))\(pad(c.month))\(pad(c.day))T\(pad(c.hour))\(pad(c.minute))\(pad(c.second))Z"
    }

    /// `Mon, 01 Jan 2024 00:00:00 GMT` (RFC 1123, the HTTP `Date` header).
    public static func rfc1123(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let c = civil(from: seconds)
        let days = floorDiv(seconds, 86_400)
        let weekday = Int((days % 7 + 11) % 7)  // 1970-01-01 was a Thursday
        let names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(names[weekday]), \(pad(c.day)) \(months[c.month - 1]) \(pad(c.year, 4)) \(pad(c.hour)):\(pad(c.minute)):\(pad(c.second)) GMT"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ` as UTC, as Python's `strptime('%Y-%m-%dT%H:%M:%SZ')` does
    /// (single-digit fields accepted; fractions and offsets rejected). Returns nil when it does not match.
    public static func parseISO8601(_ text: String) -> Date? {
        let fields = splitFields(text, separators: ["-", "-", "T", ":", ":", "Z"])
        guard let f = fields, f.count == 6 else { return nil }
        let widths = [4, 2, 2, 2, 2, 2]
        var values: [Int] = []
        for (i, part) in f.enumerated() {
            guard !part.isEmpty, part.count <= widths[i], part.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(part) else { return nil }
            values.append(v)
        }
        return date(year: values[0], month: values[1], day: values[2], hour: values[3], minute: values[4], second: values[5])
    }

    /// Parses ISO-8601 with optional fractional seconds and a `Z` or `±HH:MM` offset
    /// (`2024-01-02T03:04:05.123456Z`, as Huawei's metadata returns). Returns nil when it does not match.
    public static func parseISO8601Lenient(_ text: String) -> Date? {
        var body = Substring(text)
        var offset = 0
        if body.hasSuffix("Z") || body.hasSuffix("z") {
            body = body.dropLast()
        } else if body.count > 6, let signIndex = body.index(body.endIndex, offsetBy: -6, limitedBy: body.startIndex),
            body[signIndex] == "+" || body[signIndex] == "-"
        {
            let tz = body[body.index(after: signIndex)...]
            let parts = tz.split(separator: ":")
            guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
            offset = (h * 3600 + m * 60) * (body[signIndex] == "-" ? -1 : 1)
            body = body[..<signIndex]
        } else {
            return nil
        }
        var fraction = 0.0
        if let dot = body.firstIndex(of: ".") {
            let digits = body[body.index(after: dot)...]
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            fraction = Double("0." + digits) ?? 0
            body = body[..<dot]
        }
        guard let base = parseISO8601(String(body) + "Z") else { return nil }
        return base.addingTimeInterval(fraction - Double(offset))
    }

    /// The date for UTC calendar fields, or nil when a field is out of range.
    public static func date(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Date? {
        guard (1...9999).contains(year), (1...12).contains(month), (0...23).contains(hour), (0...59).contains(minute), (0...61).contains(second)
        else { return nil }
        guard (1...daysInMonth(year: year, month: month)).contains(day) else { return nil }
        let days = daysFromCivil(year: Int64(year), month: Int64(month), day: Int64(day))
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + min(second, 59))
        return Date(timeIntervalSince1970: Double(seconds))
    }

    // MARK: - Calendar arithmetic (proleptic Gregorian, UTC)

    private struct Civil {
        var year, month, day, hour, minute, second: Int
    }

    private static func civil(from epochSeconds: Int64) -> Civil {
        let days = floorDiv(epochSeconds, 86_400)
        let secs = Int(epochSeconds - days * 86_400)
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return Civil(year: Int(y), month: Int(m), day: Int(d), hour: secs / 3600, minute: secs % 3600 / 60, second: secs % 60)
    }

    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    private static func splitFields(_ text: String, separators: [Character]) -> [Substring]? {
        var fields: [Substring] = []
        var rest = Substring(text)
        for sep in separators {
            guard let i = rest.firstIndex(of: sep) else { return nil }
            fields.append(rest[..<i])
            rest = rest[rest.index(after: i)...]
        }
        return rest.isEmpty ? fields : nil
    }
}
