import CredentialsCore

/// `~/.aliyun/config.json`, the aliyun CLI's profile file, as read by the Python library.
struct CLIConfigFile: Sendable {
    let path: String
    let document: JSONObject

    /// Loads and parses the file, with the Python library's messages.
    static func load(path: String) throws -> CLIConfigFile {
        let bytes: [UInt8]
        do {
            bytes = try LocalFile.read(path)
        } catch .notFound, .notRegularFile {
            throw CredentialsError(.file, "unable to open credentials file: \(path)", hint: "run `aliyun configure`, or create the file")
                .missingSource()
        } catch {
            throw CredentialsError(.file, "failed to parse credential form cli credentials file: \(path)", hint: error.description)
        }
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch {
            throw CredentialsError(
                .file, "failed to parse credential form cli credentials file: \(path)",
                hint: "\(error.description); fix the JSON syntax at that position")
        }
        guard case .object(let object) = value else {
            throw CredentialsError(.file, "failed to parse credential form cli credentials file: \(path)", hint: "the file must hold a JSON object")
        }
        return CLIConfigFile(path: path, document: object)
    }

    /// The `current` profile name, when set.
    var current: String? { document["current"]?.stringValue }

    /// The first profile whose `name` is `name`.
    func profile(named name: String) throws -> CLIProfile {
        guard case .array(let profiles)? = document["profiles"], !profiles.isEmpty else {
            throw CredentialsError(.file, "unable to get profile with '\(name)' form cli credentials file.")
        }
        for case .object(let profile) in profiles where profile["name"]?.stringValue == name {
            return CLIProfile(fields: profile)
        }
        throw CredentialsError(.file, "unable to get profile with '\(name)' form cli credentials file.")
    }
}

/// One entry of `profiles` in `config.json`.
struct CLIProfile: Sendable {
    let fields: JSONObject

    var name: String { string("name") ?? "" }
    var mode: String? { fields["mode"]?.stringValue }

    /// A string field; numbers and booleans are not strings (nil).
    func string(_ key: String) -> String? { fields[key]?.stringValue }

    /// An integer field given as a number or a numeric string.
    func int(_ key: String) -> Int? {
        if let number = fields[key]?.intValue { return number }
        if let text = fields[key]?.stringValue { return Int(text) }
        return nil
    }

    /// A field tested for Python truthiness (any non-empty string, non-zero number, true).
    func truthy(_ key: String) -> Bool? {
        guard let value = fields[key] else { return nil }
        switch value {
        case .null: return nil
        case .bool(let b): return b
        case .string(let s): return !s.isEmpty
        case .number(let n): return n.double != 0
        case .array(let a): return !a.isEmpty
        case .object(let o): return !o.isEmpty
        }
    }
}
