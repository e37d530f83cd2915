import CredentialsCore
import FuzzSupport
import RegistryCredentials

@_cdecl("LLVMFuzzerTestOneInput")
public func libFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzToolConfig.libFuzzerEntry(data, size)
}

#if !CLOUDCRED_FUZZING
@main extension FuzzToolConfig {}
#endif

/// cloudcred's own config file, `ToolConfig.load(path:)` (RegistryCredentials), read from a scratch file as the
/// helper reads `~/.config/cloudcred/config.json`.
///
/// Invariants: a refusal is a `CredentialsError` naming the file, on one line, without the values of secret-looking
/// keys; an accepted file has only valid profile names, and every exact `match` rule of a profile is what
/// `ToolConfig.target(for:profile:)` finds for that host, with the rule's region and kind; `exactHosts` lists
/// each exact rule once.
enum FuzzToolConfig: FuzzTarget {
    static func test(_ input: [UInt8]) {
        let path = Scratch.write(input, to: "config.json")
        let loaded = load(path)
        SecretLeaks.check(input, text: errorText(loaded)) { errorText(load(Scratch.write($0, to: "config.json"))) }
        let config: ToolConfig
        switch loaded {
        case .success(let value):
            config = value
        case .failure(let error):
            Invariant.check(error.code == .file && error.message.contains(path), "the error does not name the file: \(Quoted(error.message))")
            Invariant.oneLine(error.message, "a tool config error")
            return
        }
        Invariant.check(config.path == path, "the config forgot its path")
        for name in config.profileNames {
            Invariant.check(
                !name.isEmpty && name.utf8.allSatisfy { isNameByte($0) }, "accepted the profile name \(Quoted(name))")
            checkProfile(config, name)
        }
    }

    private static func load(_ path: String) -> Result<ToolConfig, CredentialsError> {
        Result { () throws(CredentialsError) in try ToolConfig.load(path: path) }
    }

    private static func errorText(_ result: Result<ToolConfig, CredentialsError>) -> String? {
        guard case .failure(let error) = result else { return nil }
        return error.message + "\n" + (error.hint ?? "")
    }

    private static func checkProfile(_ config: ToolConfig, _ name: String) {
        let rules = config.profiles[name]?.registries ?? []
        let exact = config.exactHosts(profile: name)
        Invariant.check(Set(exact).count == exact.count, "exactHosts repeats a host: \(exact)")
        for rule in rules where rule.isExact {
            Invariant.check(exact.contains(rule.match), "exactHosts misses \(Quoted(rule.match))")
            let first = rules.first { $0.isExact && $0.match == rule.match }
            guard let target = config.target(for: rule.match, profile: name) else {
                Invariant.check(false, "profile \(Quoted(name)) accepts the exact rule \(Quoted(rule.match)), which matches no host")
                return
            }
            Invariant.check(target.host == rule.match, "rule \(Quoted(rule.match)) gives host \(Quoted(target.host))")
            if let region = first?.region { Invariant.check(target.region == region, "rule \(Quoted(rule.match)) lost its region") }
            if let kind = first?.kind { Invariant.check(target.kind == kind, "rule \(Quoted(rule.match)) lost its kind") }
            Invariant.check(target.toolProfile == name, "target of profile \(Quoted(name)) names \(Quoted(target.toolProfile))")
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: ".")
    }
}
