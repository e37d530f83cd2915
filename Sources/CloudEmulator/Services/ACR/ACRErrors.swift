/// The Container Registry API errors the emulator answers (gateway errors shared with STS are in `STSErrors.swift`).
extension CloudErrorBody {
    /// No `Authorization` header and no RPC `Signature` parameters.
    static let signatureMissing = CloudErrorBody(
        status: 400, code: "SignatureDoesNotMatch",
        message: "The request is not signed: send an Authorization header (ACS3-HMAC-SHA256 or acs <AccessKeyId>:<signature>).")

    /// An `Authorization` header in none of the accepted forms.
    static func incompleteSignature(_ detail: String) -> CloudErrorBody {
        CloudErrorBody(
            status: 400, code: "IncompleteSignature",
            message: "The request signature does not conform to Aliyun standards: \(detail).")
    }

    /// An ACS3 signature that does not match, with the server's string to sign and canonical request (security token masked).
    static func acs3SignatureMismatch(stringToSign: String, canonicalRequest: String) -> CloudErrorBody {
        CloudErrorBody(
            status: 400, code: "SignatureDoesNotMatch",
            message: "Specified signature does not match our calculation. server StringToSign is [\(stringToSign)], "
                + "server CanonicalRequest is [\(canonicalRequest)]")
    }

    /// `x-acs-content-sha256` differs from the SHA-256 of the body received.
    static let contentHashMismatch = CloudErrorBody(
        status: 400, code: "SignatureDoesNotMatch",
        message: "The x-acs-content-sha256 header does not match the SHA-256 of the request body.")

    /// The API version is not the one the path or action belongs to.
    static func acrVersion(_ received: String?, expected: String) -> CloudErrorBody {
        CloudErrorBody(
            status: 400, code: "InvalidVersion",
            message: "Specified parameter Version \"\(received ?? "")\" is not valid; this API is version \(expected).")
    }

    /// No instance with this id in the endpoint's region.
    static func instanceNotFound(_ instanceId: String, region: String) -> CloudErrorBody {
        CloudErrorBody(
            status: 404, code: "INSTANCE_NOT_EXIST", message: "The instance \(instanceId) does not exist in region \(region).")
    }

    /// A personal instance without the temporary token API.
    static func fixedPasswordOnly(_ instanceId: String) -> CloudErrorBody {
        CloudErrorBody(
            status: 403, code: "NOT_SUPPORTED",
            message: "The instance \(instanceId) does not support temporary tokens: it only supports the fixed login "
                + "password set in the console.")
    }

    /// `/tokens` with anything but GET, `/` with anything but GET or POST.
    static let acrMethodNotAllowed = CloudErrorBody(
        status: 405, code: "UnsupportedHTTPMethod", message: "This API does not support this HTTP method.")
}
