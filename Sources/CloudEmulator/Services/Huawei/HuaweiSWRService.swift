import CredentialsCore
import Foundation

/// Huawei Cloud SWR's API (`swr-api.<region>.myhuaweicloud.com`, `.myhuaweicloud.eu`, `swr-api.<region>.otc.t-systems.com`):
/// `POST /v2/manage/utils/secret` (CreateSecret, the temporary login command), with the SDK-HMAC-SHA256 signature
/// checked for real (see ``HuaweiSignatureVerifier``).
///
/// The answer is the Docker `auths` body for `swr.<region>.<domain>` with user `<project>@<random id>` and a random
/// password, plus the headers `X-Swr-Dockerlogin` (the whole `docker login` command) and `X-Swr-Expireat` (ISO-8601);
/// the login is recorded so the emulator's registry accepts it until it expires. Errors are shaped like APIG's.
struct HuaweiSWRService: EmulatorService {
    let endpoint = EmulatorEndpoint.swr

    static let secretPath = "/v2/manage/utils/secret"
    static let apiPrefix = "swr-api."
    static let domains = ["myhuaweicloud.com", "myhuaweicloud.eu", "otc.t-systems.com"]
    /// The region assumed for requests that reach the emulator by path on a loopback host.
    static let fallbackRegion = "cn-north-4"

    func serves(host: String) -> Bool { Self.regionAndDomain(apiHost: host) != nil }

    func claims(_ request: EmulatorRequest) -> Bool { request.path == Self.secretPath }

    func action(of request: EmulatorRequest) -> String? { request.path == Self.secretPath ? "CreateSecret" : nil }

    func respond(to request: EmulatorRequest, context: ServiceContext) async -> EmulatorResponse {
        do {
            guard request.path == Self.secretPath else { throw HuaweiAPIGError.noSuchAPI }
            guard request.method == "POST" else { throw HuaweiAPIGError.methodNotAllowed }
            let verifier = HuaweiSignatureVerifier(configuration: context.configuration, state: context.state, now: context.now)
            let caller = try verifier.authenticate(request)
            return createSecret(request, caller: caller, context: context)
        } catch let error as HuaweiAPIGError {
            return error.response(requestId: context.requestId)
        } catch {
            return HuaweiAPIGError(status: 500, code: "APIG.0203", message: "Backend error").response(requestId: context.requestId)
        }
    }

    private func createSecret(_ request: EmulatorRequest, caller: HuaweiCaller, context: ServiceContext) -> EmulatorResponse {
        let (region, domain) = Self.regionAndDomain(apiHost: request.host) ?? (Self.fallbackRegion, "myhuaweicloud.com")
        let registryHost = "swr.\(region).\(domain)"
        let project = request.queryItems.first { $0.name == "projectname" }?.value.nonEmptyValue ?? region
        let username = "\(project)@\(RandomIdentifier.alphanumeric(20).uppercased())"
        let password = Self.randomHex(64)
        let expiration = context.now.addingTimeInterval(TimeInterval(context.configuration.huawei.temporaryLoginLifetimeSeconds))
        context.state.issueRegistryLogin(IssuedRegistryLogin(
            kind: .swrTemporary, hosts: [registryHost], username: username, password: password, expiration: expiration,
            issuedAt: context.now, requestedBy: caller.accessKey))
        let auth = Data("\(username):\(password)".utf8).base64EncodedString()
        var response = EmulatorResponse(json: .object(["auths": .object([registryHost: .object(["auth": .string(auth)])])]))
        response.headers = [
            (name: "X-Swr-Dockerlogin", value: "docker login -u \(username) -p \(password) \(registryHost)"),
            (name: "X-Swr-Expireat", value: Self.iso8601Milliseconds(expiration)),
            (name: "X-Request-Id", value: context.requestId),
        ]
        return response
    }

    /// `swr-api.cn-north-4.myhuaweicloud.com` → (`cn-north-4`, `myhuaweicloud.com`).
    static func regionAndDomain(apiHost host: String) -> (region: String, domain: String)? {
        guard host.hasPrefix(apiPrefix), let domain = domains.first(where: { host.hasSuffix("." + $0) }) else { return nil }
        let region = host.dropFirst(apiPrefix.count).dropLast(domain.count + 1)
        guard !region.isEmpty, !region.contains(".") else { return nil }
        return (String(region), domain)
    }

    /// `2024-12-26T11:22:50.769Z`, the form SWR's expiry headers use.
    static func iso8601Milliseconds(_ date: Date) -> String {
        let whole = date.timeIntervalSince1970.rounded(.down)
        let milliseconds = Int((date.timeIntervalSince1970 - whole) * 1000)
        let text = String(milliseconds)
        let base = TimeFormat.iso8601(Date(timeIntervalSince1970: whole)).dropLast()
        return "\(base).\(String(repeating: "0", count: 3 - text.count))\(text)Z"
    }

    static func randomHex(_ count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<count).map { _ in Array("0123456789abcdef").randomElement(using: &generator) ?? "0" })
    }
}

extension String {
    /// nil when empty.
    fileprivate var nonEmptyValue: String? { isEmpty ? nil : self }
}
