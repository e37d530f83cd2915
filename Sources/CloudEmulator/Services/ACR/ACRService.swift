import CredentialsCore
import Foundation

/// Alibaba Cloud Container Registry API on `cr.<region>.aliyuncs.com` and `cr-vpc.<region>.aliyuncs.com`:
///
/// * personal edition, cr 2016-06-07 (ROA): `GET /tokens` → an account-wide temporary login for the legacy
///   `registry[-intl][-vpc|-internal].<region>.aliyuncs.com` registries;
/// * Enterprise, cr 2018-12-01 (RPC, `POST /` or `GET /`, parameters in the query or a form body):
///   `GetAuthorizationToken(InstanceId, ExpiresInHours?)` and `ListInstance(InstanceName, InstanceStatus, PageNo, PageSize)`.
///
/// Signatures are checked for real (see ``ACRAuthenticator``). On loopback hosts the region is the `RegionId`
/// parameter, else `cn-hangzhou`. Errors are POP-style JSON (`{"RequestId","HostId","Code","Message","Recommend"}`).
struct ACRService: EmulatorService {
    let endpoint = EmulatorEndpoint.acr

    static let personalVersion = "2016-06-07"
    static let enterpriseVersion = "2018-12-01"
    static let tokensPath = "/tokens"
    static let enterpriseActions: Set<String> = ["GetAuthorizationToken", "ListInstance"]
    /// The region of requests that arrive for a host that names none (loopback).
    static let defaultRegion = "cn-hangzhou"

    func serves(host: String) -> Bool { Self.region(ofHost: host) != nil }

    /// Loopback requests with a cr `x-acs-version` header or a cr `Action`.
    func claims(_ request: EmulatorRequest) -> Bool {
        if let version = request.header("x-acs-version"), version == Self.personalVersion || version == Self.enterpriseVersion {
            return true
        }
        return request.parameters["Action"].map(Self.enterpriseActions.contains) ?? false
    }

    /// The `Action` parameter, else the `x-acs-action` header (ACS3, ROA), else `GetAuthorizationToken` for `/tokens`.
    func action(of request: EmulatorRequest) -> String? {
        if let action = request.parameters["Action"], !action.isEmpty { return action }
        if let action = request.header("x-acs-action"), !action.isEmpty { return action }
        return request.path == Self.tokensPath ? "GetAuthorizationToken" : nil
    }

    /// `cr.<region>.aliyuncs.com` / `cr-vpc.<region>.aliyuncs.com` → the region; nil for other hosts.
    static func region(ofHost host: String) -> String? {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count == 4, labels[0] == "cr" || labels[0] == "cr-vpc", !labels[1].isEmpty,
              labels[2] == "aliyuncs", labels[3] == "com"
        else { return nil }
        return String(labels[1])
    }

    func respond(to request: EmulatorRequest, context: ServiceContext) async -> EmulatorResponse {
        let region = Self.region(ofHost: request.host) ?? request.parameters["RegionId"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultRegion
        let hostId = serves(host: request.host) ? request.host : "cr.\(region).aliyuncs.com"
        var annotations: [String: String] = [:]
        var response: EmulatorResponse
        do throws(CloudErrorBody) {
            response = EmulatorResponse(json: try answer(request, region: region, context: context, annotations: &annotations))
        } catch {
            response = error.response(requestId: context.requestId, hostId: hostId, product: "cr")
        }
        response.annotations = annotations
        response.headers.append((name: "x-acs-request-id", value: context.requestId))
        return response
    }

    private func answer(
        _ request: EmulatorRequest, region: String, context: ServiceContext, annotations: inout [String: String]
    ) throws(CloudErrorBody) -> JSONValue {
        let authenticator = ACRAuthenticator(configuration: context.configuration, state: context.state, now: context.now)
        let tokens = ACRTokenIssuer(
            configuration: context.configuration, state: context.state, now: context.now, requestId: context.requestId, region: region)
        switch request.path {
        case Self.tokensPath:
            guard request.method == "GET" else { throw .acrMethodNotAllowed }
            let version = request.header("x-acs-version")
            guard version == Self.personalVersion else { throw .acrVersion(version, expected: Self.personalVersion) }
            let caller = try authenticator.authenticate(request, style: .roa, annotations: &annotations)
            return tokens.personalToken(caller: caller)
        case "/":
            guard request.method == "GET" || request.method == "POST" else { throw .acrMethodNotAllowed }
            guard let action = action(of: request) else { throw .missingParameter("Action") }
            guard Self.enterpriseActions.contains(action) else { throw .actionNotFound }
            let version = request.parameters["Version"] ?? request.header("x-acs-version")
            guard version == Self.enterpriseVersion else { throw .acrVersion(version, expected: Self.enterpriseVersion) }
            let caller = try authenticator.authenticate(request, style: .rpc, annotations: &annotations)
            if action == "ListInstance" {
                return try ACRInstanceListing(configuration: context.configuration, requestId: context.requestId, region: region)
                    .list(request.parameters)
            }
            return try tokens.instanceToken(request.parameters, caller: caller)
        default:
            throw .actionNotFound
        }
    }
}
