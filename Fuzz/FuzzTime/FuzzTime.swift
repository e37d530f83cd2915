#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CredentialsCore
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func libFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTime.libFuzzerEntry(data, size)
}

#if !CLOUDCRED_FUZZING
@main extension FuzzTime {}
#endif

/// `TimeFormat` (CredentialsCore): the strict `Expiration` parser of every STS-style answer, the lenient ISO-8601
/// parser of Huawei's metadata and SWR's expiry header, and the writers used in signatures and logs.
///
/// Invariants: a parsed date writes back to text that parses to the same date; whatever the strict parser reads,
/// the lenient one reads the same; the lenient parser gives finite dates; and for the first 8 bytes taken as a
/// time in years 1–9999, `iso8601`, `compactISO8601` and `rfc1123` agree with each other, `iso8601` reads back,
/// and `rfc1123` names the right weekday.
enum FuzzTime: FuzzTarget {
    static let firstSecond: Int64 = -62_135_596_800  // 0001-01-01T00:00:00Z
    static let lastSecond: Int64 = 253_402_300_799  // 9999-12-31T23:59:59Z

    static func test(_ input: [UInt8]) {
        let text = String(decoding: input, as: UTF8.self)
        let strict = TimeFormat.parseISO8601(text)
        let lenient = TimeFormat.parseISO8601Lenient(text)
        if let strict {
            Invariant.check(TimeFormat.parseISO8601(TimeFormat.iso8601(strict)) == strict, "\(Quoted(text)) does not survive a rewrite")
            Invariant.check(lenient == strict, "the lenient parser reads \(Quoted(text)) as \(String(describing: lenient)), not \(strict)")
        }
        if let lenient {
            Invariant.check(lenient.timeIntervalSince1970.isFinite, "a non-finite date from \(Quoted(text))")
        }
        if input.count >= 8 {
            let raw = input.prefix(8).reduce(Int64(0)) { $0 << 8 | Int64($1) }
            let span = UInt64(lastSecond - firstSecond + 1)
            checkWriters(seconds: firstSecond + Int64(UInt64(bitPattern: raw) % span))
        }
    }

    private static func checkWriters(seconds: Int64) {
        let date = Date(timeIntervalSince1970: Double(seconds))
        let iso = TimeFormat.iso8601(date)
        Invariant.check(TimeFormat.parseISO8601(iso) == date, "\(iso) does not read back as \(seconds)")
        let compact = TimeFormat.compactISO8601(date)
        Invariant.check(compact == iso.filter { $0 != "-" && $0 != ":" }, "\(compact) and \(iso) disagree")
        let rfc = TimeFormat.rfc1123(date)
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][Int(((days % 7) + 7) % 7)]
        Invariant.check(rfc.hasPrefix(weekday + ", "), "\(rfc) is not a \(weekday) (\(iso))")
        Invariant.check(rfc.hasSuffix(" GMT") && rfc.contains(String(iso.dropFirst(11).dropLast())), "\(rfc) and \(iso) disagree")
    }
}
