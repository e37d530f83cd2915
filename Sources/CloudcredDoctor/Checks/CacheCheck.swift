#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CredentialsCore
import RegistryCredentials

/// `cache`: the token cache directory (0700) and files (0600), the entry for the host (age, expiry), unreadable
/// entries and a remembered failure. With `--fix` it repairs modes and removes the host's bad entries: after asking
/// on a terminal, or at once with `--yes`; never without one of the two.
struct CacheCheck: Sendable {
    let context: DoctorContext

    /// One cache file and what is wrong with it.
    private struct Entry {
        var name: String
        var mode: UInt32
        var host: String?
        var issuedAt: Date?
        var expiresAt: Date?
        var readable: Bool
    }

    func run(host: String, target: RegistryTarget) async -> [Finding] {
        if context.environment.isEnabled("CLOUDCRED_DISABLE_CACHE") {
            return [.keyed(.cache, .ok, "cache.disabled")]
        }
        let directory = TokenCache.directory(environment: context.environment)
        guard let directoryMode = Self.mode(of: directory) else {
            return [.keyed(.cache, .ok, "cache.empty", directory)]
        }
        let entries = Self.entries(in: directory)
        let now = context.clock.now()
        var findings: [Finding] = []
        var repairs: [Repair] = []
        if directoryMode & 0o077 != 0 {
            findings.append(.keyed(.cache, .warn, "cache.directoryMode", directory, Self.octal(directoryMode)))
            repairs.append(.chmod(directory, 0o700))
        }
        let loose = entries.filter { $0.mode & 0o077 != 0 }
        if !loose.isEmpty {
            findings.append(.keyed(.cache, .warn, "cache.fileMode", directory, String(loose.count), Self.octal(loose[0].mode)))
            repairs += loose.map { .chmod(directory + "/" + $0.name, 0o600) }
        }
        let corrupt = entries.filter { !$0.readable }
        if !corrupt.isEmpty {
            findings.append(.keyed(.cache, .warn, "cache.corrupt", directory, String(corrupt.count)))
            repairs += corrupt.map { .remove(directory + "/" + $0.name) }
        }
        let mine = entries.filter { $0.host == host && $0.readable }
        let expired = mine.filter { ($0.expiresAt ?? .distantFuture) <= now }
        if !expired.isEmpty {
            findings.append(.keyed(.cache, .warn, "cache.expired", host, TimeFormat.iso8601(expired[0].expiresAt ?? now)))
            repairs.append(.forget(host))
        }
        if let failure = rememberedFailure(host: host, target: target) {
            findings.append(.keyed(.cache, .warn, "cache.failureRemembered", host, failure))
            repairs.append(.forget(host))
        }
        if let live = mine.first(where: { ($0.expiresAt ?? .distantFuture) > now }) {
            let age = Int(now.timeIntervalSince(live.issuedAt ?? now) / 60)
            let expiry = live.expiresAt.map(TimeFormat.iso8601) ?? "-"
            findings.append(.keyed(.cache, .ok, "cache.entry", host, String(age), expiry, directory))
        } else if findings.isEmpty {
            findings.append(.keyed(.cache, .ok, "cache.noEntry", host, directory))
        }
        if !repairs.isEmpty { findings.append(await repair(repairs, host: host)) }
        return findings
    }

    // MARK: - Repairs

    private enum Repair: Hashable {
        case chmod(String, UInt32)
        case remove(String)
        case forget(String)
    }

    private func repair(_ repairs: [Repair], host: String) async -> Finding {
        switch context.options.fix {
        case .off:
            return .keyed(.cache, .warn, "cache.fixAvailable", host)
        case .ask:
            guard let confirmer = context.confirmer else { return .keyed(.cache, .warn, "cache.fixNeedsTerminal", host) }
            let question = DoctorText("cache.fixQuestion", [host]).rendered(in: context.language)
            guard await confirmer.confirm(question) else { return .keyed(.cache, .warn, "cache.fixDeclined", host) }
        case .yes:
            break
        }
        var unique: [Repair] = []
        for repair in repairs where !unique.contains(repair) { unique.append(repair) }
        var failed: [String] = []
        for repair in unique {
            switch repair {
            case .chmod(let path, let mode):
                if chmod(path, mode_t(mode)) != 0 { failed.append(path) }
            case .remove(let path):
                if unlink(path) != 0 && errno != ENOENT { failed.append(path) }
            case .forget(let host):
                TokenCache(environment: context.environment, clock: context.clock).remove(host: host)
            }
        }
        if !failed.isEmpty { return .keyed(.cache, .fail, "cache.fixFailed", failed.joined(separator: ", ")) }
        return .keyed(.cache, .ok, "cache.fixed", String(unique.count), host)
    }

    // MARK: - Reading the directory

    private func rememberedFailure(host: String, target: RegistryTarget) -> String? {
        let cache = TokenCache(environment: context.environment, clock: context.clock)
        let source = CredentialSource.identity(for: target, environment: context.environment)
        let fingerprint = SourceFingerprint.current(environment: context.environment, toolConfigPath: context.toolConfig.path)
        return cache.rememberedFailure(host: host, source: source, fingerprint: fingerprint)
    }

    /// The login records (`<64 hex>.json`) of the directory, read as ``TokenCache`` writes them (format version 1).
    private static func entries(in directory: String) -> [Entry] {
        names(in: directory).compactMap { name -> Entry? in
            guard name.utf8.count == 69, name.hasSuffix(".json"), name.prefix(64).allSatisfy(\.isHexDigit) else { return nil }
            let path = directory + "/" + name
            let mode = Self.mode(of: path) ?? 0
            guard let bytes = try? LocalFile.read(path, limit: 64 << 10), let document = try? JSONValue.parse(bytes),
                  document["version"]?.intValue == 1, let host = document["host"]?.stringValue
            else { return Entry(name: name, mode: mode, host: nil, readable: false) }
            return Entry(
                name: name, mode: mode, host: host, issuedAt: milliseconds(document["issuedAt"]),
                expiresAt: milliseconds(document["expiresAt"]), readable: true)
        }
    }

    private static func milliseconds(_ value: JSONValue?) -> Date? {
        value?.int64Value.map { Date(timeIntervalSince1970: Double($0) / 1000) }
    }

    private static func names(in directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The permission bits of `path`, nil when it does not exist.
    static func mode(of path: String) -> UInt32? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return UInt32(info.st_mode) & 0o777
    }

    static func octal(_ mode: UInt32) -> String {
        "0" + String(mode, radix: 8)
    }
}
