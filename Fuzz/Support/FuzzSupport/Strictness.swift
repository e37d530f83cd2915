#if canImport(Glibc)
import Glibc
#endif

/// Known, reported problems a target may tolerate so that fuzzing goes on looking for new ones.
///
/// `CLOUDCRED_FUZZ_STRICT=1` turns every tolerance off (the known problems then fail as they should once fixed).
/// Tolerated hits are counted and printed on standard error when the process exits:
/// `known issue <id>: <n> inputs`, which `scripts/fuzz` shows in its table.
public enum Strictness {
    /// True when `CLOUDCRED_FUZZ_STRICT` is `1`.
    public static let isStrict: Bool = getenv("CLOUDCRED_FUZZ_STRICT").map { String(cString: $0) == "1" } ?? false

    nonisolated(unsafe) private static var hits: [String: Int] = [:]
    nonisolated(unsafe) private static var reporting = false

    /// Counts one input that hit the known problem `id`.
    public static func record(_ id: String) {
        if !reporting {
            reporting = true
            atexit { Strictness.report() }
        }
        hits[id, default: 0] += 1
    }

    /// Whether to tolerate known problem `id` on this input (false in strict mode); counts it when tolerated.
    public static func tolerates(_ id: String) -> Bool {
        guard !isStrict else { return false }
        record(id)
        return true
    }

    private static func report() {
        for (id, count) in hits.sorted(by: { $0.key < $1.key }) {
            let line = Array("known issue \(id): \(count) inputs\n".utf8)
            _ = line.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
        }
    }
}
