/// An error as Alibaba Cloud POP APIs report it: HTTP status plus
/// `{"RequestId","HostId","Code","Message","Recommend"}`.
struct CloudErrorBody: Error, Sendable, Equatable {
    var status: Int
    var code: String
    var message: String

    init(status: Int, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// The JSON body real STS sends for this error.
    func json(requestId: String, hostId: String, product: String = "Sts") -> JSONValue {
        .object([
            "RequestId": .string(requestId),
            "HostId": .string(hostId),
            "Code": .string(code),
            "Message": .string(message),
            "Recommend": .string("https://api.aliyun.com/troubleshoot?q=\(code)&product=\(product)&requestId=\(requestId)"),
        ])
    }

    /// The complete response for this error.
    func response(requestId: String, hostId: String, product: String = "Sts") -> EmulatorResponse {
        var response = EmulatorResponse(status: status, json: json(requestId: requestId, hostId: hostId, product: product))
        response.errorCode = code
        return response
    }

    // MARK: - Errors shared by POP-style services

    static func missingParameter(_ name: String) -> CloudErrorBody {
        CloudErrorBody(
            status: 400, code: "MissingParameter",
            message: "The input parameter \"\(name)\" that is mandatory for processing this request is not supplied.")
    }

    static func invalidParameter(_ name: String, _ message: String) -> CloudErrorBody {
        CloudErrorBody(status: 400, code: "InvalidParameter.\(name)", message: message)
    }

    /// The default body of a `status` fault: a plausible cloud error for that HTTP status.
    static func forStatus(_ status: Int) -> CloudErrorBody {
        switch status {
        case 400: return CloudErrorBody(status: status, code: "InvalidParameter", message: "The specified parameter is not valid.")
        case 401: return CloudErrorBody(status: status, code: "Unauthorized", message: "The request is not authorized.")
        case 403: return CloudErrorBody(status: status, code: "Forbidden", message: "User not authorized to operate on the specified resource.")
        case 404: return CloudErrorBody(status: status, code: "NotFound", message: "The specified resource is not found.")
        case 429: return CloudErrorBody(status: status, code: "Throttling", message: "Request was denied due to request throttling.")
        case 503: return CloudErrorBody(status: status, code: "ServiceUnavailable", message: "The request has failed due to a temporary failure of the server.")
        default:
            return CloudErrorBody(status: status, code: "InternalError", message: "The request processing has failed due to some unknown error, exception or failure.")
        }
    }
}
