import CredentialsCore

/// One measured figure, printed for people and collected as JSON for `scripts/bench`'s report.
struct BenchmarkResult {
    /// A stable id, e.g. `cached.provider.1task`.
    let id: String
    let title: String
    /// The figures, in insertion order (`median_ns`, `p99_ns`, `allocations_per_call`, …).
    var figures: [(String, JSONValue)]

    init(id: String, title: String, _ figures: [(String, JSONValue)]) {
        self.id = id
        self.title = title
        self.figures = figures
    }

    static func number(_ value: Double) -> JSONValue {
        JSONNumber((value * 1000).rounded() / 1000).map(JSONValue.number) ?? .null
    }

    static func number(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }

    /// `median_ns`, `p99_ns`, `min_ns`, `max_ns`, `samples` from nanosecond statistics.
    static func latency(_ statistics: Statistics) -> [(String, JSONValue)] {
        [
            ("median_ns", number(statistics.median)), ("p99_ns", number(statistics.p99)),
            ("min_ns", number(statistics.min)), ("max_ns", number(statistics.max)), ("samples", number(statistics.count)),
        ]
    }

    var json: JSONValue {
        .object(JSONObject([("id", .string(id)), ("title", .string(title))] + figures))
    }

    var line: String {
        "\(id): \(title)\n    " + figures.map { "\($0.0)=\($0.1.serialized(style: .compact))" }.joined(separator: " ")
    }
}
