import CredentialsCore

/// Turns the JSON of a tool config into a ``ToolConfig``, refusing anything it does not understand with one
/// line that names the file, the JSON path and the fix.
struct ToolConfigReader {
    let path: String

    private static let topKeys = ["version", "secretStore", "profiles"]
    private static let profileKeys = ["onError", "registries"]
    private static let ruleKeys = [
        "match", "kind", "region", "instanceId", "instanceName", "alibabaProfile", "swrProject", "swrLogin", "vpc",
        "apiEndpoint", "onError",
    ]

    /// The fix that applies to every problem of the file.
    static func hint(_ path: String) -> String {
        "edit \(path) (format: docs/REGISTRIES.md), or set CLOUDCRED_CONFIG to another file"
    }

    func read(_ bytes: [UInt8]) throws(CredentialsError) -> ToolConfig {
        let document: JSONValue
        do {
            document = try JSONValue.parse(bytes, maximumDepth: 32)
        } catch {
            throw problem(nil, "is not valid JSON (\(error)); fix the syntax")
        }
        let top = try object(document, at: nil, example: #"{"version": 1, "profiles": {"default": {"registries": []}}}"#)
        try checkKeys(top, allowed: Self.topKeys, at: nil)
        if let version = top["version"] {
            guard version.int64Value == Int64(ToolConfig.currentVersion) else {
                throw problem("version", "unsupported version \(version); this cloudcred reads version \(ToolConfig.currentVersion): upgrade cloudcred or write \"version\": 1")
            }
        }
        var config = ToolConfig(path: path, secretStore: try secretStore(top["secretStore"]))
        if let profilesValue = top["profiles"] {
            let profiles = try object(profilesValue, at: "profiles", example: #"{"default": {"registries": []}}"#)
            for (name, value) in profiles {
                config.profiles[name] = try profile(name: name, value)
            }
        }
        return config
    }

    // MARK: - Sections

    private func secretStore(_ value: JSONValue?) throws(CredentialsError) -> ToolConfig.SecretStoreChoice {
        guard let value else { return .file }
        let fix = #"use "file" or {"helper": "pass"}"#
        if let text = value.stringValue {
            guard text == "file" else { throw problem("secretStore", "unknown value \"\(text)\"; \(fix)") }
            return .file
        }
        guard let object = value.objectValue else { throw problem("secretStore", "expected a string or an object, found \(typeName(value)); \(fix)") }
        try checkKeys(object, allowed: ["helper"], at: "secretStore")
        guard let name = object["helper"]?.stringValue else { throw problem("secretStore.helper", "expected a helper name such as \"pass\" or \"secretservice\"; \(fix)") }
        guard !name.isEmpty, name.utf8.allSatisfy(Self.isNameByte) else {
            throw problem("secretStore.helper", "\"\(name)\" is not a helper name; give the part after docker-credential-, such as \"pass\"")
        }
        guard name != "cloudcred", !name.hasPrefix("cloudcred-") else {
            throw problem("secretStore.helper", "\"\(name)\" is cloudcred itself; name another helper (\"pass\", \"secretservice\") or use \"file\"")
        }
        return .helper(name)
    }

    private func profile(name: String, _ value: JSONValue) throws(CredentialsError) -> ToolConfig.Profile {
        let at = "profiles.\(name)"
        guard !name.isEmpty, name.utf8.allSatisfy(Self.isNameByte) else {
            throw problem(at, "profile names may use letters, digits, '.', '_' and '-' (they become docker-credential-cloudcred-<profile>); rename the profile")
        }
        let object = try object(value, at: at, example: #"{"registries": [{"match": "registry.cn-hangzhou.aliyuncs.com"}]}"#)
        try checkKeys(object, allowed: Self.profileKeys, at: at)
        var profile = ToolConfig.Profile(name: name)
        if let onError = object["onError"] {
            profile.onError = try enumeration(onError, at: "\(at).onError", as: FailureMode.self)
        }
        if let registries = object["registries"] {
            guard let rules = registries.arrayValue else {
                throw problem("\(at).registries", "expected a list of rules such as [{\"match\": \"registry.cn-hangzhou.aliyuncs.com\"}], found \(typeName(registries))")
            }
            for (index, ruleValue) in rules.enumerated() {
                profile.registries.append(try rule(ruleValue, at: "\(at).registries[\(index)]"))
            }
        }
        return profile
    }

    private func rule(_ value: JSONValue, at: String) throws(CredentialsError) -> ToolConfig.RegistryRule {
        let object = try object(value, at: at, example: #"{"match": "registry.cn-hangzhou.aliyuncs.com"}"#)
        try checkKeys(object, allowed: Self.ruleKeys, at: at)
        guard let matchValue = object["match"] else {
            throw problem(at, "missing \"match\"; add the registry host, e.g. \"match\": \"registry.cn-hangzhou.aliyuncs.com\"")
        }
        let match = try string(matchValue, at: "\(at).match")
        guard var rule = ToolConfig.RegistryRule(match: match) else {
            throw problem("\(at).match", "\"\(match)\" is not a host name pattern; write a host[:port] such as registry.cn-hangzhou.aliyuncs.com or a glob such as *.cn-shanghai.cr.aliyuncs.com (no scheme or path)")
        }
        if let kind = object["kind"] { rule.kind = try enumeration(kind, at: "\(at).kind", as: RegistryKind.self) }
        if let region = object["region"] {
            let text = try string(region, at: "\(at).region")
            guard text.utf8.allSatisfy({ HostName.isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }) else {
                throw problem("\(at).region", "\"\(text)\" is not a region id; write one such as cn-hangzhou or cn-north-4")
            }
            rule.region = text
        }
        if let value = object["instanceId"] { rule.instanceId = try string(value, at: "\(at).instanceId") }
        if let value = object["instanceName"] { rule.instanceName = try string(value, at: "\(at).instanceName") }
        if let value = object["alibabaProfile"] { rule.alibabaProfile = try string(value, at: "\(at).alibabaProfile") }
        if let value = object["swrProject"] { rule.swrProject = try string(value, at: "\(at).swrProject") }
        if let value = object["apiEndpoint"] { rule.apiEndpoint = try string(value, at: "\(at).apiEndpoint") }
        if let value = object["swrLogin"] { rule.swrLogin = try enumeration(value, at: "\(at).swrLogin", as: SWRLoginMode.self) }
        if let value = object["onError"] { rule.onError = try enumeration(value, at: "\(at).onError", as: FailureMode.self) }
        if let value = object["vpc"] {
            guard let flag = value.boolValue else { throw problem("\(at).vpc", "expected true or false, found \(typeName(value))") }
            rule.vpc = flag
        }
        try checkCustomDomain(rule, at: at)
        return rule
    }

    /// An exact host the built-in patterns do not know is a custom domain: it needs `kind` and `region`
    /// (and an instance for ACR Enterprise).
    private func checkCustomDomain(_ rule: ToolConfig.RegistryRule, at: String) throws(CredentialsError) {
        guard rule.isExact, RegistryHosts.classifyNormalized(HostName.withoutPort(rule.match)) == nil else { return }
        let kinds = RegistryKind.allCases.map(\.rawValue).joined(separator: ", ")
        guard let kind = rule.kind else {
            throw problem(at, "\(rule.match) is not a built-in ACR or SWR host name, so it is a custom domain; add \"kind\" (\(kinds)) and \"region\"")
        }
        guard rule.region != nil else {
            throw problem(at, "\(rule.match) is a custom domain; add \"region\" (the registry's region id, e.g. cn-hangzhou)")
        }
        if kind == .acrEnterprise && rule.instanceId == nil && rule.instanceName == nil {
            throw problem(at, "\(rule.match) is a custom domain of an ACR Enterprise instance; add \"instanceId\" (cri-…) or \"instanceName\"")
        }
    }

    // MARK: - Values

    private func object(_ value: JSONValue, at: String?, example: String) throws(CredentialsError) -> JSONObject {
        guard let object = value.objectValue else { throw problem(at, "expected an object such as \(example), found \(typeName(value))") }
        return object
    }

    private func string(_ value: JSONValue, at: String) throws(CredentialsError) -> String {
        guard let text = value.stringValue else { throw problem(at, "expected a string, found \(typeName(value))") }
        guard !text.isEmpty else { throw problem(at, "is empty; give a value or remove the key") }
        return text
    }

    private func enumeration<Value: RawRepresentable & CaseIterable>(_ value: JSONValue, at: String, as type: Value.Type) throws(CredentialsError) -> Value
    where Value.RawValue == String {
        let choices = Value.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        guard let text = value.stringValue else { throw problem(at, "expected one of \(choices), found \(typeName(value))") }
        guard let parsed = Value(rawValue: text) else { throw problem(at, "unknown value \"\(text)\"; use one of \(choices)") }
        return parsed
    }

    private func checkKeys(_ object: JSONObject, allowed: [String], at: String?) throws(CredentialsError) {
        for key in object.keys where !allowed.contains(key) {
            throw problem(join(at, key), "unknown key; the keys here are \(allowed.joined(separator: ", ")) (check the spelling)")
        }
    }

    private func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "an object"
        }
    }

    private func join(_ at: String?, _ key: String) -> String {
        at.map { "\($0).\(key)" } ?? key
    }

    /// `<file>: <json path>: <what is wrong and how to fix it>`, on one line: keys and values quoted from the file
    /// may hold line breaks or other control characters, shown escaped.
    private func problem(_ at: String?, _ text: String) -> CredentialsError {
        let location = at.map { "\(path): \($0)" } ?? path
        return CredentialsError(.file, OneLine.escaping("cloudcred config \(location): \(text)"), hint: Self.hint(path))
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        HostName.isLowerAlphanumeric(byte) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }
}
