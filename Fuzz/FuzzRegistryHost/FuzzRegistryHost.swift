import CredentialsCore
import FuzzSupport
import RegistryCredentials

@_cdecl("LLVMFuzzerTestOneInput")
public func libFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzRegistryHost.libFuzzerEntry(data, size)
}

#if !CLOUDCRED_FUZZING
@main extension FuzzRegistryHost {}
#endif

/// Registry host normalisation and classification (RegistryCredentials): `RegistryHosts.normalize`,
/// `RegistryHosts.classify`, tool-config `match` patterns and `ToolConfig.target(for:profile:)`. The input is a
/// server URL as docker, podman or a script sends it.
///
/// Invariants: normalising is idempotent and gives lower-case ASCII without scheme, path, user-info, spaces or
/// `:443`; classifying a URL equals classifying its host; a classified host has no port, and neither a suffix
/// (`.evil.example`) nor a port makes a look-alike of it ours; an empty tool config classifies as the built-in
/// patterns; a `match` pattern folds idempotently, an exact one matches its own host, and a glob matches the host
/// made by filling its stars.
enum FuzzRegistryHost: FuzzTarget {
    static let emptyConfig = ToolConfig(path: "/nonexistent/cloudcred-fuzz.json")

    static func test(_ input: [UInt8]) {
        let url = String(decoding: input, as: UTF8.self)
        checkNormalize(url)
        checkClassify(url)
        checkPattern(url)
    }

    private static func checkNormalize(_ url: String) {
        guard let host = RegistryHosts.normalize(url) else {
            Invariant.check(RegistryHosts.classify(url) == nil, "classified a URL that does not normalise: \(Quoted(url))")
            return
        }
        Invariant.check(RegistryHosts.normalize(host) == host, "normalising \(Quoted(host)) again changes it (from \(Quoted(url)))")
        Invariant.check(!host.isEmpty && host.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }, "not printable ASCII: \(Quoted(host))")
        Invariant.check(host == host.lowercased(), "not lower-case: \(Quoted(host))")
        Invariant.check(!host.contains("/") && !host.contains("@") && !host.hasSuffix(":443"), "left a path, user-info or :443: \(Quoted(host))")
        Invariant.check(host.utf8.count <= 253 + 2 + 6, "longer than a host name and port: \(Quoted(host))")
    }

    private static func checkClassify(_ url: String) {
        let target = RegistryHosts.classify(url)
        let configured = emptyConfig.target(for: url, profile: ToolConfig.defaultProfile)
        Invariant.check(configured == target, "an empty tool config disagrees with the built-in patterns for \(Quoted(url))")
        guard let target, let host = RegistryHosts.normalize(url) else { return }
        Invariant.check(target.host == host, "target host \(Quoted(target.host)) is not the normalised \(Quoted(host))")
        Invariant.check(RegistryHosts.classify(host) == target, "classifying the host differs from classifying the URL")
        Invariant.check(!host.contains(":"), "a classified host with a port: \(Quoted(host))")
        Invariant.check(host.split(separator: ".").contains(Substring(target.region)), "region \(target.region) is not a label of \(host)")
        Invariant.check(RegistryHosts.classify(host + ".evil.example") == nil, "a look-alike of \(host) is ours")
        Invariant.check(RegistryHosts.classify("evil-" + host) == nil || target.kind == .acrEnterprise, "a prefixed \(host) is ours")
        Invariant.check(RegistryHosts.classify(host + ":5000") == nil, "\(host):5000 is ours")
        Invariant.check(!target.apiEndpoint.isEmpty && RegistryHosts.normalize(target.apiEndpoint) == target.apiEndpoint, "bad API endpoint \(target.apiEndpoint)")
    }

    /// The input as a tool-config `match` pattern, with a rule that says which registry it is.
    private static func checkPattern(_ text: String) {
        guard var rule = ToolConfig.RegistryRule(match: text) else { return }
        Invariant.check(ToolConfig.RegistryRule(match: rule.match)?.match == rule.match, "folding \(Quoted(rule.match)) is not idempotent")
        rule.kind = .acrEnterprise
        rule.region = "cn-hangzhou"
        rule.instanceId = "cri-fuzz"
        let config = ToolConfig(path: "/nonexistent/cloudcred-fuzz.json", profiles: [ToolConfig.Profile(name: "default", registries: [rule])])
        let host = rule.isExact ? rule.match : rule.match.replacing("*", with: "x")
        guard RegistryHosts.normalize(host) == host else { return }  // a pattern no normalised host can spell
        let target = config.target(for: host, profile: "default")
        Invariant.check(target?.host == host, "pattern \(Quoted(rule.match)) does not match \(Quoted(host))")
        if !rule.isExact {
            let empty = rule.match.replacing("*", with: "")
            if RegistryHosts.normalize(empty) == empty {
                Invariant.check(config.target(for: empty, profile: "default") != nil, "pattern \(Quoted(rule.match)) does not match \(Quoted(empty))")
            }
        }
    }
}
