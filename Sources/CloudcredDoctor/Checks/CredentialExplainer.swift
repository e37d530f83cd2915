import CredentialsCore

/// Reads what a source of a credential chain said and names the cause: the failures of the credentials FAQ
/// (seed 002) and of the Huawei chain, recognised by the library's own messages (the Python library's texts).
enum CredentialExplainer {
    /// What one source's failure means.
    enum Verdict: Sendable, Equatable {
        /// The source is simply not set up (no variable, no file, not on ECS): not a problem by itself.
        case notSetUp(reason: String)
        /// The source is set up and broken: a finding with this key and these arguments.
        case broken(key: String, arguments: [String])
    }

    /// The verdict for the failure of the source `link` (a chain class name) with `error`.
    static func explain(link: String, error: CredentialsError, environment: Environment) -> Verdict {
        let message = error.message
        if let verdict = alibabaFile(message, error: error) ?? ecs(link: link, message: message, error: error, environment: environment)
            ?? sts(message) ?? uri(link: link, message: message, error: error) {
            return verdict
        }
        if message == "Environment variable accessKeyId cannot be empty" || message == "cli credentials file is disabled"
            || message == "IMDS credentials is disabled" || message.hasSuffix("are not set") {
            return .notSetUp(reason: message)
        }
        if message == "Environment variable accessKeySecret cannot be empty" {
            return .broken(key: "credentials.envSecretMissing", arguments: [])
        }
        if message.contains("oidc_token_file_path") || message.contains("No such file or directory"), link.contains("OIDC") {
            return .broken(key: "credentials.oidcTokenFile", arguments: [environment["ALIBABA_CLOUD_OIDC_TOKEN_FILE"] ?? "?"])
        }
        if message == "role_arn or environment variable ALIBABA_CLOUD_ROLE_ARN cannot be empty" {
            return .broken(key: "credentials.roleArnEmpty", arguments: [])
        }
        if message == "session duration should be in the range of 900s - max session duration" {
            return .broken(key: "credentials.roleDuration", arguments: ["900"])
        }
        if error.isMissingSource { return .notSetUp(reason: message) }
        return .broken(key: "credentials.sourceFailed", arguments: [link, message, error.hint ?? ""])
    }

    // MARK: - Files

    private static func alibabaFile(_ message: String, error: CredentialsError) -> Verdict? {
        if message.hasPrefix("unable to open credentials file: ") { return .notSetUp(reason: message) }
        if message.hasPrefix("failed to parse credential form cli credentials file: ") {
            let path = String(message.dropFirst("failed to parse credential form cli credentials file: ".count))
            guard let position = jsonPosition(error.hint ?? "") else {
                return .broken(key: "credentials.cliUnreadable", arguments: [path, error.hint ?? ""])
            }
            return .broken(key: "credentials.cliSyntax", arguments: [path, position.line, position.column, position.message])
        }
        if message.hasPrefix("unable to get profile with '") {
            let name = message.dropFirst("unable to get profile with '".count).prefix { $0 != "'" }
            return .broken(key: "credentials.cliProfileMissing", arguments: [String(name)])
        }
        if message == "invalid profile name" { return .broken(key: "credentials.cliNoCurrent", arguments: []) }
        if message.hasPrefix("unsupported profile mode '") {
            let mode = message.dropFirst("unsupported profile mode '".count).prefix { $0 != "'" }
            return .broken(key: "credentials.cliMode", arguments: [String(mode)])
        }
        if message.hasPrefix("failed to get credential from credentials file: $") {
            let path = String(message.dropFirst("failed to get credential from credentials file: $".count))
            if error.isMissingSource || !LocalFile.exists(path) { return .notSetUp(reason: message) }
            return .broken(key: "credentials.iniProfileMissing", arguments: [path, error.hint ?? ""])
        }
        if message.hasPrefix("unsupported credential type ") {
            return .broken(key: "credentials.iniType", arguments: [message])
        }
        return nil
    }

    /// `Expecting ',' delimiter: line 3 column 5 (char 27)` → ("3", "5", "Expecting ',' delimiter").
    static func jsonPosition(_ text: String) -> (line: String, column: String, message: String)? {
        guard let lineRange = text.range(of: ": line ") else { return nil }
        let after = text[lineRange.upperBound...]
        let line = after.prefix { $0.isNumber }
        guard !line.isEmpty, let columnRange = after.range(of: " column ") else { return nil }
        let column = after[columnRange.upperBound...].prefix { $0.isNumber }
        guard !column.isEmpty else { return nil }
        return (String(line), String(column), String(text[..<lineRange.lowerBound]))
    }

    // MARK: - ECS metadata

    private static func ecs(link: String, message: String, error: CredentialsError, environment: Environment) -> Verdict? {
        guard link.hasPrefix("EcsRamRole") else { return nil }
        if message.hasPrefix("Failed to get token from ECS Metadata Service.") {
            return .broken(key: "credentials.imdsToken", arguments: [statusCode(in: message)])
        }
        if message.hasPrefix("Failed to get RAM session credentials from ECS metadata service.") {
            switch statusCode(in: message) {
            case "404": return .broken(key: "credentials.imdsNoRole", arguments: [])
            case "401", "403": return .broken(key: "credentials.imdsV2Only", arguments: [])
            default: return .broken(key: "credentials.imdsFailed", arguments: [message])
            }
        }
        if error.code == .network {
            // Outside ECS the metadata address does not answer: not set up, unless a role name says ECS is meant.
            if environment.nonEmpty("ALIBABA_CLOUD_ECS_METADATA") == nil { return .notSetUp(reason: "not on ECS (\(message))") }
            return .broken(key: "credentials.imdsUnreachable", arguments: [message])
        }
        return nil
    }

    private static func statusCode(in message: String) -> String {
        guard let range = message.range(of: "HttpCode=") else { return "?" }
        return String(message[range.upperBound...].prefix { $0.isNumber })
    }

    // MARK: - STS (RAM role, OIDC, RSA key pair)

    private static func sts(_ message: String) -> Verdict? {
        guard message.hasPrefix("error refreshing credentials from ") || message.hasPrefix("error retrieving credentials from "),
              let provider = ["ram_role_arn", "oidc_role_arn", "rsa_key_pair"].first(where: { message.contains("from \($0)") })
        else {
            if message == "unable to load original credentials from the provider in RAM role arn" {
                return .broken(key: "credentials.stsSource", arguments: [])
            }
            return nil
        }
        let code = serverCode(in: message) ?? "?"
        switch code {
        case "InvalidParameter.DurationSeconds":
            return .broken(key: "credentials.roleDuration", arguments: [maximumDuration(in: message) ?? "900"])
        case "NoPermission", "NoPermission.AssumeRole", "Forbidden.RAM":
            return .broken(key: "credentials.stsNoPermission", arguments: [provider])
        case "EntityNotExist.Role", "EntityNotExist.OIDCProvider":
            return .broken(key: "credentials.stsRoleNotFound", arguments: [provider, code])
        case "InvalidAccessKeyId.NotFound", "InvalidAccessKeyId":
            return .broken(key: "credentials.stsAccessKey", arguments: [provider])
        case "SignatureDoesNotMatch":
            return .broken(key: "credentials.stsSignature", arguments: [provider])
        case "InvalidTimeStamp.Expired":
            return .broken(key: "credentials.stsClock", arguments: [provider])
        default:
            return .broken(key: "credentials.stsFailed", arguments: [provider, code, message])
        }
    }

    /// The `Code` of a quoted cloud error body: `…"Code": "NoPermission"…`.
    static func serverCode(in text: String) -> String? {
        for marker in ["\"Code\": \"", "\"Code\":\"", "'Code': '"] {
            if let range = text.range(of: marker) {
                let code = text[range.upperBound...].prefix { $0 != "\"" && $0 != "'" }
                if !code.isEmpty { return String(code) }
            }
        }
        return nil
    }

    /// `The Min/Max value of DurationSeconds is 900s/3600s.` → `3600`.
    private static func maximumDuration(in text: String) -> String? {
        guard let range = text.range(of: "900s/") else { return nil }
        let digits = text[range.upperBound...].prefix { $0.isNumber }
        return digits.isEmpty ? nil : String(digits)
    }

    // MARK: - Credentials URI

    private static func uri(link: String, message: String, error: CredentialsError) -> Verdict? {
        guard link.hasPrefix("URLCredentials") else { return nil }
        if message.hasPrefix("error refreshing credentials from ") {
            let status = message.range(of: "http_code=").map { String(message[$0.upperBound...].prefix { $0.isNumber }) } ?? "?"
            return .broken(key: "credentials.uriStatus", arguments: [status])
        }
        if message.hasPrefix("error retrieving credentials from ") || error.code == .server {
            return .broken(key: "credentials.uriShape", arguments: [])
        }
        if error.code == .network { return .broken(key: "credentials.uriUnreachable", arguments: [message]) }
        return nil
    }
}
