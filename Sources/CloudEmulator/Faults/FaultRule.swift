/// A fault to inject into the answers of one endpoint.
///
/// JSON form (the configuration file's `faults` and `POST /_emulator/faults`): the match keys plus exactly one
/// effect key, e.g. `{"endpoint": "sts", "action": "AssumeRole", "times": 1, "status": 503}` or
/// `{"endpoint": "ecs-metadata", "path": "/latest/api/token", "delayMs": 300}`. See ``FaultEffect``.
public struct FaultRule: Sendable, Codable, Equatable {
    /// The endpoint whose requests this rule affects.
    public var endpoint: EmulatorEndpoint
    /// Only requests with this `Action` parameter (STS and other RPC APIs).
    public var action: String?
    /// Only requests with this path; a trailing `*` matches any path with that prefix.
    public var path: String?
    /// The next `times` matching requests; nil means every matching request.
    public var times: Int?
    public var effect: FaultEffect

    public init(endpoint: EmulatorEndpoint, action: String? = nil, path: String? = nil, times: Int? = nil, effect: FaultEffect) {
        self.endpoint = endpoint
        self.action = action
        self.path = path
        self.times = times
        self.effect = effect
    }

    /// Whether a request matches (ignoring `times`).
    func matches(endpoint: EmulatorEndpoint, action: String?, path: String) -> Bool {
        guard endpoint == self.endpoint else { return false }
        if let wanted = self.action, wanted != action { return false }
        if let pattern = self.path {
            if pattern.hasSuffix("*") {
                guard path.hasPrefix(String(pattern.dropLast())) else { return false }
            } else if pattern != path {
                return false
            }
        }
        return true
    }

    private enum MatchKeys: String, CodingKey, CaseIterable { case endpoint, action, path, times }

    public init(from decoder: any Decoder) throws {
        let known = MatchKeys.allCases.map(\.rawValue) + FaultEffect.jsonKeys
        try ConfigurationKeys.rejectUnknownKeys(in: decoder, known: known)
        let container = try decoder.container(keyedBy: MatchKeys.self)
        endpoint = try container.decode(EmulatorEndpoint.self, forKey: .endpoint)
        action = try container.decodeIfPresent(String.self, forKey: .action)
        path = try container.decodeIfPresent(String.self, forKey: .path)
        times = try container.decodeIfPresent(Int.self, forKey: .times)
        if let times, times < 1 {
            throw DecodingError.dataCorruptedError(forKey: .times, in: container, debugDescription: "times must be at least 1 (omit it for always)")
        }
        effect = try FaultEffect(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: MatchKeys.self)
        try container.encode(endpoint, forKey: .endpoint)
        try container.encodeIfPresent(action, forKey: .action)
        try container.encodeIfPresent(path, forKey: .path)
        try container.encodeIfPresent(times, forKey: .times)
        try effect.encode(to: encoder)
    }
}

/// What a fault does. Several rules may match one request; their effects combine (the first rule of each kind wins).
public enum FaultEffect: Sendable, Equatable {
    /// Answer this HTTP status instead of the service. `body` is sent verbatim; without it the body is a cloud
    /// error JSON with `code`/`message` (defaults chosen from the status). JSON: `"status": 503` plus optional
    /// `"body"`, `"code"`, `"message"`.
    case status(Int, body: String? = nil, code: String? = nil, message: String? = nil)
    /// Wait this long before answering (real time, not the emulator clock). JSON: `"delayMs": 300`.
    case delay(milliseconds: Int)
    /// Send only the first half of the body (Content-Length matches, so the HTTP exchange is valid and the JSON is
    /// not). JSON: `"truncatedBody": true`.
    case truncatedBody
    /// Replace the body with text that is not JSON. JSON: `"malformedBody": true`.
    case malformedBody
    /// Give these fields the wrong JSON type (a string becomes a number, anything else a string).
    /// JSON: `"wrongTypes": true` (means `["Expiration"]`) or a list of field names.
    case wrongTypes(fields: [String])
    /// Remove these fields from the JSON body. JSON: `"missingFields": true` (means `["AccessKeyId"]`) or a list.
    case missingFields([String])
    /// Set every expiry of the answer to this many seconds in the past: `Expiration` and `expires_at` (ISO-8601),
    /// `expireDate` and `ExpireTime` (ACR, epoch milliseconds) and the `X-Swr-Expireat` header (SWR).
    /// JSON: `"expiredCredentials": true` (3600 s) or a number of seconds.
    case expiredCredentials(secondsAgo: Int)
    /// Shift the emulator's "now" (timestamp checks, expirations, the `Date` header). JSON: `"clockSkewSeconds": -1200`.
    case clockSkew(seconds: Int)
    /// Close the connection without answering. JSON: `"dropConnection": true`.
    case dropConnection
    /// Send the head and part of the body, then reset the connection (TCP RST). JSON: `"resetMidBody": true`.
    case resetMidBody
    /// Send the body a few bytes at a time with pauses; the response completes, slowly.
    /// JSON: `"slowDrip": true` (4 bytes every 20 ms) or `{"chunkBytes": 4, "intervalMs": 20}`.
    case slowDrip(chunkBytes: Int, intervalMilliseconds: Int)

    /// A short name for records and messages: the JSON key of the effect.
    public var name: String {
        switch self {
        case .status: return "status"
        case .delay: return "delayMs"
        case .truncatedBody: return "truncatedBody"
        case .malformedBody: return "malformedBody"
        case .wrongTypes: return "wrongTypes"
        case .missingFields: return "missingFields"
        case .expiredCredentials: return "expiredCredentials"
        case .clockSkew: return "clockSkewSeconds"
        case .dropConnection: return "dropConnection"
        case .resetMidBody: return "resetMidBody"
        case .slowDrip: return "slowDrip"
        }
    }
}
