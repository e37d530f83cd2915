/// What a service answers, before fault effects and delivery.
struct EmulatorResponse: Sendable {
    enum Body: Sendable, Equatable {
        case empty
        case json(JSONValue)
        case text(String)
        /// Bytes with their content type (the control API's Codable output).
        case raw([UInt8], contentType: String)
    }

    var status: Int
    var body: Body
    /// Extra headers, e.g. `x-acs-request-id`.
    var headers: [(name: String, value: String)] = []
    /// The cloud error code, kept in the request record.
    var errorCode: String?
    /// Facts a service wants in the request record (e.g. `signatureEncoding`).
    var annotations: [String: String] = [:]

    init(status: Int, body: Body) {
        self.status = status
        self.body = body
    }

    init(status: Int = 200, json: JSONValue) {
        self.init(status: status, body: .json(json))
    }

    init(status: Int = 200, text: String) {
        self.init(status: status, body: .text(text))
    }

    /// The body bytes as they go on the wire.
    var bodyBytes: [UInt8] {
        switch body {
        case .empty: return []
        case .json(let value): return Array(value.serialized.utf8)
        case .text(let text): return Array(text.utf8)
        case .raw(let bytes, _): return bytes
        }
    }

    /// The `Content-Type` for the body, or nil when there is none.
    var contentType: String? {
        switch body {
        case .empty: return nil
        case .json: return "application/json;charset=utf-8"
        case .text: return "text/plain;charset=utf-8"
        case .raw(_, let contentType): return contentType
        }
    }
}
