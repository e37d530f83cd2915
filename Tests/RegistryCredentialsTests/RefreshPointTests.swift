import CredentialsCore
import Foundation
import Testing

@testable import RegistryCredentials

/// When a cached registry login is fetched again: between 40 % and 50 % of its life, fixed per password, so the
/// processes of one node agree and a fleet that fetched together does not refresh together.
@Suite("Registry login refresh point")
struct RefreshPointTests {
    let issued = Date(timeIntervalSince1970: 1_800_000_000)
    let host = "registry.cn-hangzhou.aliyuncs.com"

    func login(_ password: String, lifetime: Double? = 3600, issued: Date? = nil) -> CachedLogin {
        let issued = issued ?? self.issued
        return CachedLogin(
            host: host, username: "cr_temp_user", password: password, issuedAt: issued,
            expiresAt: lifetime.map { issued.addingTimeInterval($0) })
    }

    /// Where in the token's life the refresh point falls (0…1).
    func fraction(_ login: CachedLogin) -> Double {
        login.refreshPoint.timeIntervalSince(login.issuedAt) / login.effectiveExpiry.timeIntervalSince(login.issuedAt)
    }

    @Test("every point falls in 40–50 % of the life, and 2 000 tokens cover the window evenly")
    func window() {
        var buckets = [Int](repeating: 0, count: 10)
        var lowest = 1.0, highest = 0.0
        for number in 0..<2_000 {
            let value = fraction(login("token-\(number)-\(UUID().uuidString)"))
            #expect(CachedLogin.refreshWindow.contains(value), "fraction \(value)")
            lowest = min(lowest, value)
            highest = max(highest, value)
            buckets[min(9, Int((value - 0.4) / 0.01))] += 1
        }
        #expect(lowest < 0.405 && highest > 0.495)
        #expect(buckets.allSatisfy { $0 >= 120 }, "tenths of the window: \(buckets)")
    }

    @Test("the point is the same for every reader of one login and differs between passwords")
    func stableAndPerPassword() {
        let one = login("AcrTemporaryPassword-node-1")
        #expect(one.refreshPoint == login("AcrTemporaryPassword-node-1").refreshPoint)
        #expect(one.refreshPoint != login("AcrTemporaryPassword-node-2").refreshPoint)
        #expect(one.refreshPoint != login("AcrTemporaryPassword-node-1", issued: issued.addingTimeInterval(0.001)).refreshPoint)
    }

    @Test("processes reading the cache file agree on the point; refreshAt wins and round-trips")
    func throughDisk() throws {
        let directory = try makeTemporaryDirectory()
        let clock = ManualClock(now: issued)
        let writer = TokenCache(directory: directory, clock: clock)
        var stored = login("a-password-the-registry-made")
        writer.store(stored, source: "s")
        let reader = TokenCache(directory: directory, clock: clock)
        #expect(reader.usable(host: host, source: "s")?.refreshPoint == stored.refreshPoint)

        stored.refreshAt = issued.addingTimeInterval(100)
        writer.store(stored, source: "s")
        let again = try #require(reader.usable(host: host, source: "s"))
        #expect(again.refreshAt == stored.refreshAt && again.refreshPoint == stored.refreshAt)
        clock.advance(by: 99)
        #expect(reader.fresh(host: host, source: "s") != nil)
        clock.advance(by: 2)
        #expect(reader.fresh(host: host, source: "s") == nil)
        #expect(reader.usable(host: host, source: "s") != nil)
    }

    @Test("a record without refreshAt (older cloudcred) reads; a refreshAt that is not a time makes it a miss")
    func recordFormat() throws {
        let record = #"{"version":1,"host":"\#(host)","username":"u","password":"p","issuedAt":1800000000000,"expiresAt":1800003600000}"#
        let old = try #require(TokenCacheRecords.decodeLogin(Array(record.utf8)))
        #expect(old.refreshAt == nil && CachedLogin.refreshWindow.contains(fraction(old)))
        for broken in [#""soon""#, "null", "true", "{}"] {
            let bad = record.replacingOccurrences(of: "}", with: #","refreshAt":\#(broken)}"#)
            #expect(TokenCacheRecords.decodeLogin(Array(bad.utf8)) == nil, "refreshAt \(broken)")
        }
        var login = old
        login.refreshAt = Date(timeIntervalSince1970: 1_800_000_030)
        #expect(TokenCacheRecords.encode(login).contains(#""refreshAt":1800000030000"#))
        #expect(TokenCacheRecords.decodeLogin(Array(TokenCacheRecords.encode(login).utf8)) == login)
        #expect(!TokenCacheRecords.encode(old).contains("refreshAt"))
    }

    @Test("the description shows refreshAt, never the password")
    func description() {
        var value = login("NeverShowThisPassword1")
        value.refreshAt = issued
        #expect("\(value)".contains("refreshAt: ") && !"\(value)".contains("NeverShowThisPassword1"))
    }

    /// Benchmark 8's risk in miniature: 10 000 nodes that all fetched a 1-hour token in the same second.
    @Test("10 000 nodes that fetched in the same second refresh spread over six minutes, not in one")
    func fleetSpread() {
        var perSecond: [Int: Int] = [:]
        for node in 0..<10_000 {
            let issued = self.issued.addingTimeInterval(Double(node % 1000) / 1000)
            let point = login("token-of-node-\(node)-\(UUID().uuidString)", issued: issued).refreshPoint
            perSecond[Int(point.timeIntervalSince(self.issued)), default: 0] += 1
        }
        let seconds = perSecond.keys.sorted()
        #expect(seconds.first! >= 1440 && seconds.last! <= 1800)
        #expect(seconds.last! - seconds.first! >= 350)
        // Even spread: ≈ 28 per second; a fixed half-life would put all 10 000 in one second.
        #expect(perSecond.values.max()! <= 70, "busiest second: \(perSecond.values.max()!)")
    }
}
