/// Chooses the service for a request.
///
/// 1. `/_emulator/…` on any host is the control API.
/// 2. A host a service recognises (`sts.aliyuncs.com`, `100.100.100.200`, …) goes to that service, whatever the path:
///    this is how `CLOUDCRED_CONNECT_TO` and proxied requests arrive.
/// 3. Any other host (loopback, `http://127.0.0.1:PORT` from the Python library's `sts_endpoint`) is dispatched by
///    content: the first service that claims the request (`Action=AssumeRole`, a path under `/latest/`, …).
struct HostDispatcher: Sendable {
    let control: ControlService
    let services: [any EmulatorService]

    func route(_ request: EmulatorRequest) -> (any EmulatorService)? {
        if request.path == "/_emulator" || request.path.hasPrefix("/_emulator/") { return control }
        if let byHost = services.first(where: { $0.serves(host: request.host) }) { return byHost }
        return services.first { $0.claims(request) }
    }
}
