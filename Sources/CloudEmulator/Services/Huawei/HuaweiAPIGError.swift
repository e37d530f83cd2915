/// An error as Huawei Cloud's API gateway (APIG) reports it: HTTP status plus
/// `{"error_msg", "error_code", "request_id"}`.
struct HuaweiAPIGError: Error, Sendable, Equatable {
    var status: Int
    var code: String
    var message: String

    /// The complete response, with the request id also in `X-Request-Id`.
    func response(requestId: String) -> EmulatorResponse {
        var response = EmulatorResponse(status: status, json: .object([
            "error_msg": .string(message),
            "error_code": .string(code),
            "request_id": .string(requestId),
        ]))
        response.headers.append((name: "X-Request-Id", value: requestId))
        response.errorCode = code
        return response
    }

    /// `APIG.0301`, 401: "Incorrect IAM authentication information: <detail>".
    static func authentication(_ detail: String) -> HuaweiAPIGError {
        HuaweiAPIGError(status: 401, code: "APIG.0301", message: "Incorrect IAM authentication information: \(detail)")
    }

    /// `APIG.0101`, 404: the gateway knows no such API.
    static let noSuchAPI = HuaweiAPIGError(
        status: 404, code: "APIG.0101", message: "The API does not exist or has not been published in the environment")

    /// `APIG.0101`-like 405 for a known path with another method.
    static let methodNotAllowed = HuaweiAPIGError(
        status: 405, code: "APIG.0101", message: "The API does not exist or has not been published in the environment (method)")
}
