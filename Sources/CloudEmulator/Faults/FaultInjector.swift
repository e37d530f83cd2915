import CredentialsCore
import Foundation

/// The fault effects for one request, combined: when several rules match, the first of each kind wins.
struct FaultPlan: Sendable {
    /// How the response leaves the emulator.
    enum Delivery: Sendable, Equatable {
        case normal
        case dropConnection
        case resetMidBody
        case slowDrip(chunkBytes: Int, intervalMilliseconds: Int)
    }

    var status: FaultEffect?
    var delayMilliseconds: Int?
    var clockSkewSeconds = 0
    var delivery = Delivery.normal
    /// Effects that rewrite the body, in rule order.
    var bodyEffects: [FaultEffect] = []
    /// The effect names applied, for the request record.
    var applied: [String] = []

    init(effects: [FaultEffect] = []) {
        var seen: Set<String> = []
        for effect in effects where seen.insert(effect.name).inserted {
            applied.append(effect.name)
            switch effect {
            case .status: status = effect
            case .delay(let milliseconds): delayMilliseconds = milliseconds
            case .clockSkew(let seconds): clockSkewSeconds = seconds
            case .dropConnection where delivery == .normal: delivery = .dropConnection
            case .resetMidBody where delivery == .normal: delivery = .resetMidBody
            case .slowDrip(let chunk, let interval) where delivery == .normal:
                delivery = .slowDrip(chunkBytes: chunk, intervalMilliseconds: interval)
            case .truncatedBody, .malformedBody, .wrongTypes, .missingFields, .expiredCredentials: bodyEffects.append(effect)
            default: applied.removeLast()  // a second delivery effect: the first one wins
            }
        }
    }
}

/// Builds fault answers and rewrites bodies.
enum FaultInjector {
    /// The body of a `malformedBody` fault: not JSON by any reading.
    static let malformedText = "<html><body>502 Bad Gateway (emulator: malformed body fault)</body>\n{\"AccessKeyId\": "

    /// The answer of a `status` fault.
    static func statusResponse(_ effect: FaultEffect, endpoint: EmulatorEndpoint, requestId: String, host: String) -> EmulatorResponse {
        guard case .status(let status, let body, let code, let message) = effect else {
            return EmulatorResponse(status: 500, body: .empty)
        }
        if let body {
            var response = EmulatorResponse(status: status, text: body)
            if body.first == "{" || body.first == "[" { response.body = .raw(Array(body.utf8), contentType: "application/json;charset=utf-8") }
            response.errorCode = code
            return response
        }
        var error = CloudErrorBody.forStatus(status)
        if let code { error.code = code }
        if let message { error.message = message }
        if endpoint == .ecsMetadata, code == nil, message == nil {
            var response = EmulatorResponse(status: status, text: "\(status) - \(error.code)")
            response.errorCode = error.code
            return response
        }
        return error.response(requestId: requestId, hostId: host)
    }

    /// Applies the plan's body effects in order.
    static func rewriteBody(of response: EmulatorResponse, plan: FaultPlan, now: Date) -> EmulatorResponse {
        var response = response
        for effect in plan.bodyEffects {
            switch effect {
            case .expiredCredentials(let secondsAgo):
                response = expire(response, at: now.addingTimeInterval(-TimeInterval(secondsAgo)))
            case .missingFields(let fields):
                response.body = rewriteJSON(response.body, fields: Set(fields)) { _, _ in nil }
            case .wrongTypes(let fields):
                response.body = rewriteJSON(response.body, fields: Set(fields)) { _, value in wrongType(for: value) }
            case .malformedBody:
                response.body = .raw(Array(malformedText.utf8), contentType: response.contentType ?? "application/json")
            case .truncatedBody:
                let bytes = response.bodyBytes
                response.body = .raw(Array(bytes.prefix(bytes.count / 2)), contentType: response.contentType ?? "application/json")
            default:
                break
            }
        }
        return response
    }

    /// Every expiry the answers carry, set to `past`: ISO-8601 `Expiration` (STS, ECS, credentials URI, CloudSSO,
    /// OAuth) and `expires_at` (Huawei metadata), epoch-millisecond `expireDate` / `ExpireTime` (ACR tokens), and the
    /// `X-Swr-Expireat` header (SWR CreateSecret).
    private static func expire(_ response: EmulatorResponse, at past: Date) -> EmulatorResponse {
        var response = response
        let iso = JSONValue.string(TimeFormat.iso8601(past))
        let milliseconds = JSONValue.int(Int(past.timeIntervalSince1970 * 1000))
        response.body = rewriteJSON(response.body, fields: ["Expiration", "expires_at", "expireDate", "ExpireTime"]) { key, value in
            switch key {
            case "expireDate", "ExpireTime":
                if case .int = value { return milliseconds }
                return value
            default:
                return iso
            }
        }
        response.headers = response.headers.map { header in
            guard header.name.lowercased() == "x-swr-expireat" else { return header }
            return (name: header.name, value: TimeFormat.iso8601(past))
        }
        return response
    }

    private static func rewriteJSON(
        _ body: EmulatorResponse.Body, fields: Set<String>, _ transform: (String, JSONValue) -> JSONValue?
    ) -> EmulatorResponse.Body {
        guard case .json(let value) = body else { return body }
        return .json(value.rewritingMembers(named: fields, transform))
    }

    /// A string becomes a number (a timestamp its epoch seconds); anything else becomes a string.
    private static func wrongType(for value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text):
            if let date = TimeFormat.parseISO8601(text) { return .int(Int(date.timeIntervalSince1970)) }
            return .int(Int(text) ?? 12345)
        case .int(let number): return .string(String(number))
        case .bool(let flag): return .string(flag ? "true" : "false")
        case .null: return .int(0)
        case .array, .object: return .string(value.serialized)
        }
    }
}
