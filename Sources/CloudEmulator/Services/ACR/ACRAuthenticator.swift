import CloudSigning
import Foundation

/// Who signed a Container Registry API request, and until when their credentials last.
struct ACRCaller: Sendable {
    var accessKeyId: String
    /// When the caller's credentials expire (issued STS, ECS role, … credentials); nil for long-term AccessKeys.
    var credentialExpiration: Date?
}

/// Chooses the signature scheme of a Container Registry API request and verifies it:
///
/// * `Authorization: ACS3-HMAC-SHA256 …` (what current SDKs send) for both API styles;
/// * `Authorization: acs <AccessKeyId>:<signature>` (ROA v1) for the ROA API (`GET /tokens`);
/// * the `Signature` query parameter (RPC v1, checked exactly as STS checks it) for the RPC API.
///
/// `annotations["signatureScheme"]` records which one was accepted: `acs3`, `roa-v1` or `rpc-v1`.
struct ACRAuthenticator {
    /// The API style of the request.
    enum Style {
        /// cr 2016-06-07 (`GET /tokens`).
        case roa
        /// cr 2018-12-01 (`POST /` or `GET /` with `Action`).
        case rpc
    }

    let configuration: EmulatorConfiguration
    let state: EmulatorState
    let now: Date

    func authenticate(
        _ request: EmulatorRequest, style: Style, annotations: inout [String: String]
    ) throws(CloudErrorBody) -> ACRCaller {
        let caller: STSCaller
        if let header = request.header("Authorization") {
            guard let authorization = ParsedAuthorization.parse(header) else {
                throw .incompleteSignature("the Authorization header is in none of the accepted forms")
            }
            switch authorization.algorithm {
            case ACS3Signer.algorithm:
                caller = try ACS3RequestVerifier(configuration: configuration, state: state, now: now)
                    .verify(request, authorization: authorization)
                annotations["signatureScheme"] = "acs3"
            case "acs" where style == .roa:
                caller = try ROARequestVerifier(configuration: configuration, state: state, now: now)
                    .verify(request, authorization: authorization)
                annotations["signatureScheme"] = "roa-v1"
            case "acs":
                throw .incompleteSignature("the acs <AccessKeyId>:<signature> form is for ROA APIs; sign RPC calls with ACS3-HMAC-SHA256 or the Signature parameter")
            default:
                throw .incompleteSignature("unsupported algorithm \(authorization.algorithm); use \(ACS3Signer.algorithm)")
            }
        } else if style == .rpc, request.parameters["Signature"] != nil || request.parameters["AccessKeyId"] != nil {
            caller = try STSAuthenticator(configuration: configuration, state: state, now: now)
                .authenticate(method: request.method, parameters: request.parameters, keys: .accessKeys, annotations: &annotations)
            annotations["signatureScheme"] = "rpc-v1"
        } else {
            throw .signatureMissing
        }
        let expiration = AlibabaCallerLookup(configuration: configuration, state: state, now: now).expiration(of: caller.accessKeyId)
        return ACRCaller(accessKeyId: caller.accessKeyId, credentialExpiration: expiration)
    }
}
