import CredentialsCore
import Foundation

/// Alibaba Cloud STS: AssumeRole, AssumeRoleWithOIDC, GenerateSessionAccessKey (and GetCallerIdentity), with
/// real signature checks against the configured AccessKeys and the credentials the emulator issued.
struct STSService: EmulatorService {
    let endpoint = EmulatorEndpoint.sts

    static let actions: Set<String> = ["AssumeRole", "AssumeRoleWithOIDC", "GenerateSessionAccessKey", "GetCallerIdentity"]
    static let apiVersion = "2015-04-01"

    /// `sts.aliyuncs.com`, `sts.<region>.aliyuncs.com`, `sts-vpc.<region>.aliyuncs.com`.
    func serves(host: String) -> Bool {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.first == "sts" || labels.first == "sts-vpc", host.hasSuffix(".aliyuncs.com") else { return false }
        return labels.count == 3 || labels.count == 4
    }

    func claims(_ request: EmulatorRequest) -> Bool {
        request.parameters["Action"].map(Self.actions.contains) ?? false
    }

    func respond(to request: EmulatorRequest, context: ServiceContext) async -> EmulatorResponse {
        let hostId = serves(host: request.host) ? request.host : "sts.aliyuncs.com"
        var annotations: [String: String] = [:]
        var response: EmulatorResponse
        do throws(CloudErrorBody) {
            response = EmulatorResponse(json: try answer(request, context: context, annotations: &annotations))
        } catch {
            response = error.response(requestId: context.requestId, hostId: hostId)
        }
        response.annotations = annotations
        response.headers.append((name: "x-acs-request-id", value: context.requestId))
        return response
    }

    private func answer(
        _ request: EmulatorRequest, context: ServiceContext, annotations: inout [String: String]
    ) throws(CloudErrorBody) -> JSONValue {
        guard request.method == "GET" || request.method == "POST" else {
            throw CloudErrorBody(status: 405, code: "UnsupportedHTTPMethod", message: "This action does not support the \(request.method) method.")
        }
        let parameters = request.parameters
        guard let action = parameters["Action"], !action.isEmpty else { throw .missingParameter("Action") }
        guard Self.actions.contains(action) else { throw .actionNotFound }
        guard let version = parameters["Version"], !version.isEmpty else { throw .missingParameter("Version") }
        guard version == Self.apiVersion else {
            throw CloudErrorBody(status: 400, code: "InvalidVersion", message: "Specified parameter Version is not valid.")
        }
        let actions = STSActions(configuration: context.configuration, state: context.state, now: context.now, requestId: context.requestId)
        let authenticator = STSAuthenticator(configuration: context.configuration, state: context.state, now: context.now)
        switch action {
        case "AssumeRoleWithOIDC":
            return try actions.assumeRoleWithOIDC(parameters)
        case "GenerateSessionAccessKey":
            let caller = try authenticator.authenticate(
                method: request.method, parameters: parameters, keys: .rsaKeyPairs, annotations: &annotations)
            return try actions.generateSessionAccessKey(parameters, caller: caller)
        case "GetCallerIdentity":
            let caller = try authenticator.authenticate(
                method: request.method, parameters: parameters, keys: .accessKeys, annotations: &annotations)
            return actions.callerIdentity(caller)
        default:
            let caller = try authenticator.authenticate(
                method: request.method, parameters: parameters, keys: .accessKeys, annotations: &annotations)
            return try actions.assumeRole(parameters, caller: caller)
        }
    }
}
