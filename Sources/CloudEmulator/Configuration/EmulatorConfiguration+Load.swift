import Foundation

/// A configuration file that cannot be used, with a one-line message naming the file and the problem.
public struct EmulatorConfigurationError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// The file, when the configuration came from one.
    public let path: String?
    /// What is wrong, e.g. `roles[0].maxSessionDuration: must be 900…43200, got 60`.
    public let problem: String

    public init(path: String?, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { path.map { "\($0): \(problem)" } ?? problem }
    public var errorDescription: String? { description }
}

extension EmulatorConfiguration {
    /// Reads a JSON configuration file. Keys left out keep their ``standard`` value; unknown keys are errors.
    /// - Throws: ``EmulatorConfigurationError`` with a one-line message naming the file and the problem.
    public static func load(path: String) throws -> EmulatorConfiguration {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file"
            throw EmulatorConfigurationError(path: path, problem: reason)
        }
        return try decode(data, path: path)
    }

    /// Decodes and validates a JSON configuration.
    static func decode(_ data: Data, path: String?) throws -> EmulatorConfiguration {
        let configuration: EmulatorConfiguration
        do {
            configuration = try JSONDecoder().decode(EmulatorConfiguration.self, from: data)
        } catch let error as DecodingError {
            throw EmulatorConfigurationError(path: path, problem: error.oneLine)
        } catch {
            throw EmulatorConfigurationError(path: path, problem: "not valid JSON")
        }
        if let problem = configuration.problems.first {
            throw EmulatorConfigurationError(path: path, problem: problem)
        }
        return configuration
    }

    /// Everything semantically wrong with this configuration, one line each (empty when it is usable).
    public var problems: [String] {
        var problems: [String] = []
        for (index, key) in accessKeys.enumerated() {
            if key.id.isEmpty || key.secret.isEmpty { problems.append("accessKeys[\(index)]: id and secret must not be empty") }
            if accessKeys[..<index].contains(where: { $0.id == key.id }) { problems.append("accessKeys[\(index)]: duplicate id \(key.id)") }
        }
        for (index, role) in roles.enumerated() {
            if RoleARN(parsing: role.arn) == nil {
                problems.append("roles[\(index)].arn: \"\(role.arn)\" is not of the form acs:ram::<account>:role/<name>")
            }
            if !(900...43200).contains(role.maxSessionDuration) {
                problems.append("roles[\(index)].maxSessionDuration: must be 900…43200, got \(role.maxSessionDuration)")
            }
        }
        for (index, provider) in oidcProviders.enumerated() where !Self.isOIDCProviderARN(provider.arn) {
            problems.append("oidcProviders[\(index)].arn: \"\(provider.arn)\" is not of the form acs:ram::<account>:oidc-provider/<name>")
        }
        for (index, pair) in rsaKeyPairs.enumerated() {
            if pair.publicKeyId.isEmpty || pair.privateKey.isEmpty { problems.append("rsaKeyPairs[\(index)]: publicKeyId and privateKey must not be empty") }
            if pair.maxSessionDuration < 900 { problems.append("rsaKeyPairs[\(index)].maxSessionDuration: must be at least 900") }
        }
        if ecs.mode != .noRole, ecs.roleName.isEmpty || ecs.roleName.contains("/") {
            problems.append("ecs.roleName: must be a non-empty name without \"/\"")
        }
        if ecs.lifetimeSeconds < 1 { problems.append("ecs.lifetimeSeconds: must be positive") }
        if !credentialsURIPath.hasPrefix("/") || credentialsURIPath.hasPrefix("/_emulator") || credentialsURIPath.contains("?") {
            problems.append("credentialsURIPath: must start with \"/\", not be under /_emulator and have no query")
        }
        if credentialLifetimeSeconds < 1 { problems.append("credentialLifetimeSeconds: must be positive") }
        return problems
    }

    static func isOIDCProviderARN(_ arn: String) -> Bool {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 5 && parts[0] == "acs" && parts[1] == "ram" && parts[2].isEmpty && !parts[3].isEmpty
            && parts[4].hasPrefix("oidc-provider/") && parts[4].count > "oidc-provider/".count
    }
}

extension DecodingError {
    /// `roles[0].arn: expected a string` — the coding path and the problem on one line.
    var oneLine: String {
        func path(_ keys: [any CodingKey]) -> String {
            var text = ""
            for key in keys {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text
        }
        func located(_ keys: [any CodingKey], _ problem: String) -> String {
            let where_ = path(keys)
            return where_.isEmpty ? problem : "\(where_): \(problem)"
        }
        switch self {
        case .typeMismatch(let type, let context):
            return located(context.codingPath, "expected \(Self.describe(type))")
        case .valueNotFound(let type, let context):
            return located(context.codingPath, "expected \(Self.describe(type)), found null")
        case .keyNotFound(let key, let context):
            return located(context.codingPath, "missing key \"\(key.stringValue)\"")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty, context.underlyingError != nil || context.debugDescription.contains("JSON") {
                return "not valid JSON (\(context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription))"
                    .replacingOccurrences(of: "\n", with: " ")
            }
            return located(context.codingPath, context.debugDescription)
        @unknown default:
            return "cannot be decoded"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "an integer"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") || name.hasPrefix("Emulator") || name.hasPrefix("Fault") { return "an object" }
            return name
        }
    }
}
