import CredentialsCore
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("Time formats")
struct TimeFormatTests {
    private let instant = Date(timeIntervalSince1970: 1_700_000_000)  // 2023-11-14T22:13:20Z, a Tuesday

    @Test("formatting")
    func formatting() {
        #expect(TimeFormat.iso8601(instant) == "2023-11-14T22:13:20Z")
        #expect(TimeFormat.compactISO8601(instant) == "20231114T221320Z")
        #expect(TimeFormat.rfc1123(instant) == "Tue, 14 Nov 2023 22:13:20 GMT")
        #expect(TimeFormat.iso8601(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
        #expect(TimeFormat.rfc1123(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 GMT")
    }

    @Test("strict parsing, as Python's strptime('%Y-%m-%dT%H:%M:%SZ')")
    func strictParsing() {
        #expect(TimeFormat.parseISO8601("2023-11-14T22:13:20Z") == instant)
        #expect(TimeFormat.parseISO8601("2024-2-29T1:2:3Z") == Date(timeIntervalSince1970: 1_709_168_523))
        for bad in ["2023-11-14T22:13:20", "2023-11-14T22:13:20.5Z", "2023-11-14T22:13:20+00:00", "2023-02-29T00:00:00Z", "", "x"] {
            #expect(TimeFormat.parseISO8601(bad) == nil, "\(bad)")
        }
    }

    @Test("lenient parsing with fractions and offsets")
    func lenientParsing() throws {
        #expect(TimeFormat.parseISO8601Lenient("2023-11-14T22:13:20Z") == instant)
        #expect(TimeFormat.parseISO8601Lenient("2023-11-15T06:13:20+08:00") == instant)
        let fractional = try #require(TimeFormat.parseISO8601Lenient("2023-11-14T22:13:20.250000Z"))
        #expect(abs(fractional.timeIntervalSince1970 - 1_700_000_000.25) < 1e-6)
        #expect(TimeFormat.parseISO8601Lenient("2023-11-14T22:13:20") == nil)
    }
}
