/// The STS / POP gateway errors the emulator answers, with real STS's codes and HTTP statuses.
extension CloudErrorBody {
    static let actionNotFound = CloudErrorBody(
        status: 404, code: "InvalidAction.NotFound", message: "Specified api is not found, please check your url and method.")

    static let accessKeyNotFound = CloudErrorBody(
        status: 404, code: "InvalidAccessKeyId.NotFound", message: "Specified access key is not found.")

    static let timestampExpired = CloudErrorBody(
        status: 400, code: "InvalidTimeStamp.Expired",
        message: "Specified time stamp or date value is expired (more than 15 minutes away from the server time).")

    static let timestampFormat = CloudErrorBody(
        status: 400, code: "InvalidTimeStamp.Format", message: "Specified time stamp or date value is not well formatted.")

    static let nonceUsed = CloudErrorBody(status: 400, code: "SignatureNonceUsed", message: "Specified signature nonce was used already.")

    static let securityTokenExpired = CloudErrorBody(status: 400, code: "InvalidSecurityToken.Expired", message: "Specified SecurityToken is expired.")

    static let securityTokenMismatch = CloudErrorBody(
        status: 400, code: "InvalidSecurityToken.MismatchWithAccessKey", message: "Specified SecurityToken mismatch with the AccessKey.")

    static let securityTokenMissing = CloudErrorBody(
        status: 400, code: "InvalidSecurityToken.Missing",
        message: "An STS AccessKeyId (STS.*) was used without its SecurityToken parameter.")

    static let accessKeyExpired = CloudErrorBody(status: 400, code: "InvalidAccessKeyId.Expired", message: "Specified access key is expired.")

    static let noPermission = CloudErrorBody(
        status: 403, code: "NoPermission", message: "You are not authorized to do this action. You should be authorized by RAM.")

    static let sessionNameMalformed = CloudErrorBody(
        status: 400, code: "InvalidParameter.RoleSessionName",
        message: "The parameter RoleSessionName is wrongly formed: use 2 to 64 letters, digits and . @ - _")

    static let policyMalformed = CloudErrorBody(
        status: 400, code: "InvalidParameter.PolicyGrammar", message: "The parameter Policy has not a valid JSON grammar.")

    static func signatureMismatch(stringToSign: String) -> CloudErrorBody {
        CloudErrorBody(
            status: 400, code: "SignatureDoesNotMatch",
            message: "Specified signature does not match our calculation. server string to sign is:\(stringToSign)")
    }

    static func roleNotFound(_ arn: String) -> CloudErrorBody {
        CloudErrorBody(status: 404, code: "EntityNotExist.Role", message: "The role not exists: \(arn).")
    }

    static func oidcProviderNotFound(_ arn: String) -> CloudErrorBody {
        CloudErrorBody(status: 404, code: "EntityNotExist.OIDCProvider", message: "The OIDC provider not exists: \(arn).")
    }

    static func durationOutOfRange(max: Int) -> CloudErrorBody {
        CloudErrorBody(
            status: 400, code: "InvalidParameter.DurationSeconds",
            message: "The Min/Max value of DurationSeconds is 900s/\(max)s.")
    }

    static func unsupported(_ parameter: String, _ value: String, expected: String) -> CloudErrorBody {
        CloudErrorBody(
            status: 400, code: "InvalidParameter.\(parameter)",
            message: "Specified \(parameter) \"\(value)\" is not supported; use \(expected).")
    }
}
