import Foundation

/// The emulator's own API under `/_emulator/` (on any host; never faulted):
///
/// | Request | Answer |
/// |---|---|
/// | `GET /_emulator/health` | `{"status":"ok"}` |
/// | `GET /_emulator/counters` | `{"sts": 3, "ecs-metadata": 0, …}` |
/// | `GET /_emulator/requests[?endpoint=sts]` | recorded requests, secrets masked |
/// | `GET /_emulator/faults` | active fault rules (with the `times` left) |
/// | `POST /_emulator/faults` | body: a fault rule or a list of them → `{"added": n}` |
/// | `DELETE /_emulator/faults` | removes every fault → `{"cleared": n}` |
/// | `POST /_emulator/reset` | clears counters, records, nonces; restores the configured faults |
/// | `GET /_emulator/registry/token-cert.pem`, `POST /_emulator/registry/logins` | see ``RegistryControlRoutes`` |
///
/// Errors answer 4xx with `{"error": "…"}`.
struct ControlService: EmulatorService {
    let endpoint = EmulatorEndpoint.control

    func serves(host: String) -> Bool { false }
    func claims(_ request: EmulatorRequest) -> Bool { request.path.hasPrefix("/_emulator/") }
    func action(of request: EmulatorRequest) -> String? { nil }

    func respond(to request: EmulatorRequest, context: ServiceContext) async -> EmulatorResponse {
        let state = context.state
        if RegistryControlRoutes.paths.contains(request.path) { return RegistryControlRoutes.respond(to: request, context: context) }
        switch (request.method, request.path) {
        case ("GET", "/_emulator/health"):
            return Self.json(["status": "ok"])
        case ("GET", "/_emulator/counters"):
            let counts = Dictionary(uniqueKeysWithValues: EmulatorEndpoint.all.map { ($0.id, state.requestCount($0)) })
            return Self.json(counts)
        case ("GET", "/_emulator/requests"):
            let filter = request.queryItems.last { $0.name == "endpoint" }?.value
            if let filter, EmulatorEndpoint(id: filter) == nil {
                return Self.error(400, "unknown endpoint \"\(filter)\" (known: \(EmulatorEndpoint.all.map(\.id).joined(separator: ", ")))")
            }
            return Self.json(state.records(filter.flatMap { EmulatorEndpoint(id: $0) }))
        case ("GET", "/_emulator/faults"):
            return Self.json(state.activeFaults())
        case ("POST", "/_emulator/faults"):
            return addFaults(body: request.body, state: state)
        case ("DELETE", "/_emulator/faults"):
            let count = state.activeFaults().count
            state.clearFaults()
            return Self.json(["cleared": count])
        case ("POST", "/_emulator/reset"):
            state.reset()
            return Self.json(["reset": true])
        case (_, "/_emulator/health"), (_, "/_emulator/counters"), (_, "/_emulator/requests"), (_, "/_emulator/faults"), (_, "/_emulator/reset"):
            return Self.error(405, "\(request.method) is not supported on \(request.path)")
        default:
            return Self.error(404, "no control endpoint \(request.path) (see /_emulator/health, counters, requests, faults, reset)")
        }
    }

    /// Accepts one rule or a list of rules; nothing is added when any rule is invalid.
    private func addFaults(body: [UInt8], state: EmulatorState) -> EmulatorResponse {
        let data = Data(body)
        let decoder = JSONDecoder()
        let rules: [FaultRule]
        do {
            if body.first(where: { !$0.isWhitespace }) == UInt8(ascii: "[") {
                rules = try decoder.decode([FaultRule].self, from: data)
            } else {
                rules = [try decoder.decode(FaultRule.self, from: data)]
            }
        } catch let error as DecodingError {
            return Self.error(400, "invalid fault rule: \(error.oneLine)")
        } catch {
            return Self.error(400, "invalid fault rule: not valid JSON")
        }
        rules.forEach(state.addFault)
        return Self.json(["added": rules.count])
    }

    static func json(_ value: some Encodable) -> EmulatorResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let bytes = (try? encoder.encode(value)).map(Array.init) ?? Array("{}".utf8)
        return EmulatorResponse(status: 200, body: .raw(bytes, contentType: "application/json"))
    }

    static func error(_ status: Int, _ message: String) -> EmulatorResponse {
        var response = json(["error": message])
        response.status = status
        response.errorCode = "EmulatorControlError"
        return response
    }
}

private extension UInt8 {
    var isWhitespace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
}
