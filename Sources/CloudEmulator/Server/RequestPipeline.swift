import CredentialsCore
import Foundation

/// One request's way through the emulator, independent of the HTTP server: dispatch, count, faults, answer,
/// body rewrites, record.
struct RequestPipeline: Sendable {
    /// The answer and how to deliver it.
    struct Outcome: Sendable {
        var response: EmulatorResponse
        var plan: FaultPlan
        /// The emulator's "now" for this request (the `Date` header).
        var date: Date
    }

    let configuration: EmulatorConfiguration
    let state: EmulatorState
    let clock: any CredentialsClock
    let dispatcher: HostDispatcher
    let registryTokens: RegistryTokenAuthority
    /// Called with every recorded request (the `cloudcred emulator` request log).
    let observer: (@Sendable (RecordedRequest) -> Void)?

    init(
        configuration: EmulatorConfiguration, state: EmulatorState, clock: any CredentialsClock,
        registryTokens: RegistryTokenAuthority, observer: (@Sendable (RecordedRequest) -> Void)? = nil
    ) {
        self.configuration = configuration
        self.registryTokens = registryTokens
        self.state = state
        self.clock = clock
        self.observer = observer
        dispatcher = HostDispatcher(control: ControlService(), services: ServiceRegistry.services(configuration: configuration))
    }

    func process(_ request: EmulatorRequest) async -> Outcome {
        guard let service = dispatcher.route(request) else {
            let now = clock.now()
            let message = "The emulator has no service for host \"\(request.host)\" and path \"\(request.path)\"."
            let error = CloudErrorBody(status: 404, code: "Emulator.NoRoute", message: message)
            return Outcome(response: error.response(requestId: RandomIdentifier.requestId(), hostId: request.host), plan: FaultPlan(), date: now)
        }
        let endpoint = service.endpoint
        let sequence = state.count(endpoint)
        let effects = endpoint == .control ? [] : state.takeFaults(endpoint: endpoint, action: service.action(of: request), path: request.path)
        let plan = FaultPlan(effects: effects)
        let now = clock.now().addingTimeInterval(TimeInterval(plan.clockSkewSeconds))
        let context = ServiceContext(
            configuration: configuration, state: state, now: now, requestId: RandomIdentifier.requestId(), registryTokens: registryTokens)

        var response: EmulatorResponse
        if let status = plan.status {
            response = FaultInjector.statusResponse(status, endpoint: endpoint, requestId: context.requestId, host: request.host)
        } else {
            response = await service.respond(to: request, context: context)
        }
        response = FaultInjector.rewriteBody(of: response, plan: plan, now: now)
        if endpoint != .control {
            let record = Self.record(request, endpoint: endpoint, sequence: sequence, response: response, plan: plan, now: now)
            state.record(record)
            observer?(record)
        }
        return Outcome(response: response, plan: plan, date: now)
    }

    static func record(
        _ request: EmulatorRequest, endpoint: EmulatorEndpoint, sequence: Int, response: EmulatorResponse, plan: FaultPlan, now: Date
    ) -> RecordedRequest {
        RecordedRequest(
            sequence: sequence,
            endpoint: endpoint,
            method: request.method,
            host: request.hostHeader,
            path: request.path,
            query: request.queryItems.map { RecordedRequest.maskedParameter($0.name, $0.value) },
            form: request.formItems.map { RecordedRequest.maskedParameter($0.name, $0.value) },
            headers: request.headers.map { RecordedRequest.maskedHeader($0.name, $0.value) },
            status: response.status,
            errorCode: response.errorCode,
            faults: plan.applied,
            annotations: response.annotations,
            receivedAt: TimeFormat.iso8601(now))
    }
}
