import CredentialsCore

/// cloudcred's own configuration: which registry hosts use which cloud credentials, per named profile.
///
/// Found at `$CLOUDCRED_CONFIG`, else `$XDG_CONFIG_HOME/cloudcred/config.json`, else
/// `~/.config/cloudcred/config.json`. A missing file is an empty configuration: the built-in host patterns
/// with the default credential chains.
///
/// ```json
/// {
///   "version": 1,
///   "secretStore": "file",
///   "profiles": {
///     "default": {
///       "onError": "fail",
///       "registries": [
///         {"match": "registry.cn-hangzhou.aliyuncs.com", "alibabaProfile": "prod"},
///         {"match": "*.cn-shanghai.cr.aliyuncs.com"},
///         {"match": "images.example.com", "kind": "acr-enterprise", "region": "cn-hangzhou", "instanceId": "cri-abc"},
///         {"match": "swr.cn-north-4.myhuaweicloud.com", "swrProject": "cn-north-4_dev", "swrLogin": "temporary"}
///       ]
///     },
///     "prod": {"registries": [{"match": "registry-vpc.cn-beijing.aliyuncs.com", "alibabaProfile": "prod"}]}
///   }
/// }
/// ```
///
/// | key | meaning |
/// |---|---|
/// | `version` | `1` (optional; other values are refused so an older cloudcred never misreads a newer file) |
/// | `secretStore` | where `docker login`/`cloudcred login` passwords are kept: `"file"` (default: 0600 files under `$XDG_DATA_HOME/cloudcred/secrets/`) or `{"helper": "pass"}` (another credential helper, `docker-credential-pass`) |
/// | `profiles` | named profiles; `default` is used unless a command names another or the helper runs as `docker-credential-cloudcred-<profile>` |
/// | `profiles.<name>.onError` | for every host of the profile: `"fail"` (default: a real error) or `"not-found"` (the caller goes on anonymously) |
/// | `profiles.<name>.registries` | rules, tried exact matches first, then globs in file order, before the built-in patterns |
///
/// A rule (`registries[i]`):
///
/// | key | meaning |
/// |---|---|
/// | `match` | required: an exact `host[:port]`, or a glob where `*` matches within one label (`*.cn-shanghai.cr.aliyuncs.com`). A port other than 443 is only ours when a rule names it. |
/// | `kind` | `acr-shared`, `acr-enterprise`, `acr-personal` or `swr`; required with `region` for a custom domain (a host the built-in patterns do not know) |
/// | `region` | the region id, e.g. `cn-hangzhou`, `cn-north-4` |
/// | `instanceId` | ACR Enterprise instance id (`cri-…`); skips the `ListInstance` look-up |
/// | `instanceName` | ACR Enterprise instance name (for a custom domain without `instanceId`) |
/// | `alibabaProfile` | the aliyun CLI / credentials-file profile to use instead of the default chain |
/// | `swrProject` | SWR project (sub-project) name; default: the region |
/// | `swrLogin` | `auto` (default: long-term with a permanent AK/SK, else temporary), `long-term` or `temporary` |
/// | `vpc` | `true` to call the VPC API endpoint (`cr-vpc.<region>.aliyuncs.com`) for a custom domain |
/// | `apiEndpoint` | the token API host, when it is not the default for the kind and region |
/// | `onError` | overrides the profile's `onError` for this rule |
///
/// Loading refuses broken JSON, wrong types, unknown keys and values, and custom domains without `kind`
/// and `region`, with one line that names the file, the JSON path and the fix.
public struct ToolConfig: Sendable, Hashable {
    /// The profile used when none is named.
    public static let defaultProfile = "default"
    /// The configuration format this cloudcred reads.
    public static let currentVersion = 1

    /// Where passwords given to `docker login`/`podman login`/`cloudcred login` are kept.
    public enum SecretStoreChoice: Sendable, Hashable {
        /// 0600 files, one per host, under `$XDG_DATA_HOME/cloudcred/secrets/` (``FileSecretStore``).
        case file
        /// Another docker credential helper, `docker-credential-<name>` (``HelperSecretStore``).
        case helper(String)
    }

    /// One `registries` rule; see the type's documentation for the keys.
    public struct RegistryRule: Sendable, Hashable {
        /// The `match` pattern, lower-case, `:443` dropped.
        public var match: String { glob.pattern }
        /// True when `match` has no `*`.
        public var isExact: Bool { glob.isExact }
        /// The registry kind (required with `region` for a custom domain).
        public var kind: RegistryKind?
        /// The region id.
        public var region: String?
        /// The ACR Enterprise instance id (`cri-…`).
        public var instanceId: String?
        /// The ACR Enterprise instance name.
        public var instanceName: String?
        /// The aliyun CLI / credentials-file profile.
        public var alibabaProfile: String?
        /// The SWR project (sub-project) name.
        public var swrProject: String?
        /// The SWR login mode.
        public var swrLogin: SWRLoginMode?
        /// Use the VPC API endpoint.
        public var vpc: Bool?
        /// The token API host.
        public var apiEndpoint: String?
        /// Overrides the profile's `onError`.
        public var onError: FailureMode?
        let glob: HostGlob

        /// A rule for `match` (nil when `match` is not a host pattern); the other fields start empty.
        public init?(match: String) {
            guard let glob = HostGlob(match) else { return nil }
            self.glob = glob
        }
    }

    /// A named profile.
    public struct Profile: Sendable, Hashable {
        /// The profile's name.
        public var name: String
        /// What its hosts answer on failure (default ``FailureMode/fail``).
        public var onError: FailureMode
        /// Its rules, in file order.
        public var registries: [RegistryRule]

        /// A profile with the given rules.
        public init(name: String, onError: FailureMode = .fail, registries: [RegistryRule] = []) {
            self.name = name
            self.onError = onError
            self.registries = registries
        }
    }

    /// The file this configuration was read from (or would be, when it does not exist).
    public var path: String
    /// Where stored passwords are kept.
    public var secretStore: SecretStoreChoice
    /// The profiles by name.
    public var profiles: [String: Profile]

    /// A configuration built in code (tests, `cloudcred` commands).
    public init(path: String, secretStore: SecretStoreChoice = .file, profiles: [Profile] = []) {
        self.path = path
        self.secretStore = secretStore
        self.profiles = Dictionary(profiles.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The path the configuration is read from: `$CLOUDCRED_CONFIG`, else `$XDG_CONFIG_HOME/cloudcred/config.json`,
    /// else `~/.config/cloudcred/config.json`.
    public static func path(environment: Environment) -> String {
        CloudcredPaths.toolConfig(environment)
    }

    /// Reads the configuration from its place (see ``path(environment:)``); a missing file is an empty configuration,
    /// except one that `CLOUDCRED_CONFIG` names: that is a mistake worth reporting (a typo would otherwise silently
    /// drop every rule).
    /// - Throws: ``CredentialsError`` (`.file`): one line naming the file, the JSON path and the fix.
    public static func load(environment: Environment) throws(CredentialsError) -> ToolConfig {
        let named = environment.nonEmpty("CLOUDCRED_CONFIG") != nil
        return try load(path: path(environment: environment), missing: named ? .refused(variable: "CLOUDCRED_CONFIG") : .empty)
    }

    /// What a missing configuration file means.
    public enum MissingFile: Sendable {
        /// An empty configuration (built-in patterns only).
        case empty
        /// An error naming the variable that named the file.
        case refused(variable: String)
    }

    /// Reads the configuration at `path`; a missing file is an empty configuration unless `missing` says otherwise.
    public static func load(path: String, missing: MissingFile = .empty) throws(CredentialsError) -> ToolConfig {
        let bytes: [UInt8]
        do {
            bytes = try LocalFile.read(path, limit: 1 << 20)
        } catch .notFound {
            if case .refused(let variable) = missing {
                throw CredentialsError(
                    .file, "the cloudcred config \(OneLine.escaping(path)) named by \(variable) does not exist",
                    hint: "create it (format: docs/REGISTRIES.md), fix the path, or unset \(variable)")
            }
            return ToolConfig(path: path)
        } catch {
            throw CredentialsError(.file, "cannot read the cloudcred config \(error)", hint: ToolConfigReader.hint(path))
        }
        return try ToolConfigReader(path: path).read(bytes)
    }

    /// The names of the profiles, sorted.
    public var profileNames: [String] { profiles.keys.sorted() }

    /// True when the configuration has a profile called `name`.
    public func hasProfile(_ name: String) -> Bool { profiles[name] != nil }

    /// The exact `host[:port]` rules of a profile, in file order without repeats (for `configure-docker`).
    public func exactHosts(profile: String) -> [String] {
        var seen = Set<String>()
        return (profiles[profile]?.registries ?? []).filter(\.isExact).map(\.match).filter { seen.insert($0).inserted }
    }

    /// The target for a server URL: the profile's rules (exact matches, then globs in file order), then the
    /// built-in patterns; nil when the host is not ours. A profile that does not exist has no rules.
    public func target(for serverURL: String, profile: String) -> RegistryTarget? {
        guard let host = RegistryHosts.normalize(serverURL) else { return nil }
        let chosen = profiles[profile]
        let onError = chosen?.onError ?? .fail
        let rules = chosen?.registries ?? []
        let builtIn = RegistryHosts.classifyNormalized(HostName.withoutPort(host))
        for rule in rules.filter(\.isExact) + rules.filter({ !$0.isExact }) where rule.glob.matches(host) {
            if let target = rule.apply(host: host, builtIn: builtIn, profile: profile, onError: onError) { return target }
        }
        guard var target = RegistryHosts.classifyNormalized(host) else { return nil }
        target.toolProfile = profile
        target.onError = onError
        return target
    }
}

extension ToolConfig.RegistryRule {
    /// The target this rule makes of `host`, refining the built-in classification of its name when there is one;
    /// nil when neither gives a kind and a region.
    func apply(host: String, builtIn: RegistryTarget?, profile: String, onError profileOnError: FailureMode) -> RegistryTarget? {
        guard let kind = kind ?? builtIn?.kind, let region = region ?? builtIn?.region else { return nil }
        let base = builtIn.flatMap { $0.kind == kind && $0.region == region ? $0 : nil }
        let vpc = vpc ?? base?.vpc ?? false
        let endpoint = apiEndpoint ?? (base.map { $0.vpc == vpc ? $0.apiEndpoint : nil } ?? nil)
        return RegistryTarget(
            host: host, kind: kind, region: region, vpc: vpc,
            instanceName: instanceName ?? base?.instanceName,
            instanceId: instanceId ?? base?.instanceId,
            alibabaProfile: alibabaProfile,
            swrProject: swrProject,
            swrLogin: swrLogin ?? .automatic,
            apiEndpoint: endpoint,
            toolProfile: profile,
            onError: onError ?? profileOnError
        )
    }
}
