#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CredentialsCore

/// Remembers which Enterprise instance id belongs to an instance name, on disk next to the token cache
/// (`acr-instances.json`): the mapping practically never changes, and looking it up costs a `ListInstance` call.
///
/// The file holds no secrets; a missing, corrupt or unwritable file only means asking the API again.
public struct ACRInstanceDirectory: Sendable {
    /// The file, or nil when there is no cache directory (nothing is remembered).
    public let path: String?

    static let formatVersion = 1

    public init(cacheDirectory: String?) {
        path = cacheDirectory.map { $0 + "/acr-instances.json" }
    }

    /// The remembered id of instance `name` in `region`.
    public func instanceId(region: String, name: String) -> String? {
        read()[Self.key(region: region, name: name)]
    }

    /// Remembers an id (best effort: failures to write are ignored).
    public func remember(region: String, name: String, instanceId: String) {
        guard let path else { return }
        var entries = read()
        entries[Self.key(region: region, name: name)] = instanceId
        write(entries, to: path)
    }

    /// Forgets an id the API no longer knows.
    public func forget(region: String, name: String) {
        guard let path, instanceId(region: region, name: name) != nil else { return }
        var entries = read()
        entries[Self.key(region: region, name: name)] = nil
        write(entries, to: path)
    }

    private func write(_ entries: [String: String], to path: String) {
        var instances = JSONObject()
        for (key, value) in entries.sorted(by: { $0.key < $1.key }) { instances[key] = .string(value) }
        let document: JSONValue = ["version": JSONValue(integerLiteral: Int64(Self.formatVersion)), "instances": .object(instances)]
        try? AtomicFile.write(document.serialized(style: .compact), to: path, createDirectories: true)
    }

    private func read() -> [String: String] {
        guard let path, let bytes = try? LocalFile.read(path, limit: 1 << 20), let document = try? JSONValue.parse(bytes),
              document["version"]?.intValue == Self.formatVersion, let instances = document["instances"]?.objectValue
        else { return [:] }
        var entries: [String: String] = [:]
        for (key, value) in instances { if let id = value.stringValue { entries[key] = id } }
        return entries
    }

    private static func key(region: String, name: String) -> String { "\(region)/\(name)" }
}
