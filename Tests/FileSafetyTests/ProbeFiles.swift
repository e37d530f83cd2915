import CloudcredTestSupport
import CredentialsCore
import Foundation
import RegistryCredentials

/// The four files the probe writes in a loop, each in its own temporary directory: how to set one up, where it is,
/// and whether what is on disk is exactly one complete version.
enum ProbeFile: String, CaseIterable, Sendable, CustomStringConvertible {
    case tokenCache = "token-cache"
    case secretStore = "secret-store"
    case configWriteBack = "config-writeback"
    case dockerConfig = "docker-config"

    var description: String { rawValue }

    /// The length base of the probe's payloads for this kind (see `Tests/Support/FileProbe/main.swift`).
    var payloadBase: Int {
        switch self {
        case .tokenCache: 30_000
        case .secretStore: 60_000
        case .configWriteBack: 40_000
        case .dockerConfig: 0
        }
    }

    static let fillerBase = 100_000
    static let fillerTag = "filler"

    /// The probe's path argument under `root`: a directory for the cache and the store, a file for the others.
    func target(in root: String) -> String {
        switch self {
        case .tokenCache: root + "/cache"
        case .secretStore: root + "/secrets"
        case .configWriteBack: root + "/aliyun/config.json"
        case .dockerConfig: root + "/docker/config.json"
        }
    }

    /// The directory whose leftovers (temporary files) matter.
    func directory(in root: String) -> String {
        switch self {
        case .tokenCache, .secretStore: target(in: root)
        case .configWriteBack, .dockerConfig: (target(in: root) as NSString).deletingLastPathComponent
        }
    }

    /// Writes the starting file (config.json with an External profile; docker config.json with a big `auths`
    /// entry, mode 0644 so the test sees it kept).
    func prepare(in root: String, externalProfiles: [String] = ["probe"]) throws {
        let target = target(in: root)
        switch self {
        case .tokenCache, .secretStore:
            return
        case .configWriteBack:
            try FileManager.default.createDirectory(atPath: root + "/aliyun", withIntermediateDirectories: true)
            let profiles: [JSONValue] = externalProfiles.map { name in
                ["name": .string(name), "mode": "External", "process_command": .string("/bin/cat \(target).out-\(name)")]
            } + [["name": "filler", "mode": "AK", "access_key_id": "filler", "access_key_secret": .string(Self.filler)]]
            let document: JSONValue = ["current": .string(externalProfiles[0]), "profiles": .array(profiles)]
            try write(document.serialized(style: .pythonIndented(4)), to: target, mode: 0o600)
        case .dockerConfig:
            try FileManager.default.createDirectory(atPath: root + "/docker", withIntermediateDirectories: true)
            let document: JSONValue = ["auths": ["filler.example.com": ["auth": .string(Self.filler)]], "credsStore": "desktop"]
            try write(document.serialized(style: .dockerCLI), to: target, mode: 0o644)
        }
    }

    static var filler: String { FileProbePayload.make(tag: fillerTag, base: fillerBase) }

    private func write(_ text: String, to path: String, mode: Int) throws {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    /// The generation on disk (the probe's tag), or a description of what is wrong with the file.
    func version(in root: String) -> Result<String, VersionProblem> {
        let target = target(in: root)
        switch self {
        case .tokenCache:
            guard let login = TokenCache(directory: target).fresh(host: "probe.example.com", source: "probe-source") else {
                return .failure(VersionProblem("no readable entry in \(target): \(FileTestSupport.names(in: target))"))
            }
            return check(login.password)
        case .secretStore:
            do {
                guard let secret = try FileSecretStore(directory: target).get("probe.example.com") else {
                    return .failure(VersionProblem("no stored password in \(target)"))
                }
                return check(secret.secret)
            } catch {
                return .failure(VersionProblem("\(error)"))
            }
        case .configWriteBack:
            guard let document = parse(target), let profiles = document["profiles"]?.arrayValue else {
                return .failure(VersionProblem("\(target) does not parse"))
            }
            guard profiles.last?["access_key_secret"]?.stringValue == Self.filler else { return .failure(VersionProblem("the filler profile changed")) }
            guard let secret = profiles.first?["access_key_secret"]?.stringValue else { return .failure(VersionProblem("no secret written back")) }
            let result = check(secret)
            if case .success(let tag) = result, profiles.first?["access_key_id"]?.stringValue != "id-\(tag)" {
                return .failure(VersionProblem("access_key_id and access_key_secret are from different writes"))
            }
            return result
        case .dockerConfig:
            guard let document = parse(target) else { return .failure(VersionProblem("\(target) does not parse")) }
            guard document["auths"]?["filler.example.com"]?["auth"]?.stringValue == Self.filler, document["credsStore"]?.stringValue == "desktop" else {
                return .failure(VersionProblem("the other keys of \(target) changed"))
            }
            guard let helper = document["credHelpers"]?["docker-config.example.com"]?.stringValue, helper.hasPrefix("cloudcred-g") else {
                return .failure(VersionProblem("no credHelpers entry in \(target)"))
            }
            return .success(String(helper.dropFirst("cloudcred-".count)))
        }
    }

    private func check(_ payload: String) -> Result<String, VersionProblem> {
        guard let tag = FileProbePayload.tag(of: payload, base: payloadBase) else {
            return .failure(VersionProblem("a payload of \(payload.utf8.count) bytes is not a complete version"))
        }
        return .success(tag)
    }

    private func parse(_ path: String) -> JSONValue? {
        guard let bytes = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONValue.parse(Array(bytes))
    }

    /// Temporary files `AtomicFile` left behind in the directory of this kind's file (a kill between the
    /// temporary file's creation and the rename); the probe's own command output file is not counted.
    func leftovers(in root: String) -> [String] {
        FileTestSupport.names(in: directory(in: root)).filter { $0.contains(".tmp-") && !$0.contains(".out-") }
    }
}

struct VersionProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
