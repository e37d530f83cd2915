#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import AlibabaCloudCredentials
import CredentialsCore
import HuaweiCloudCredentials
import RegistryCredentials

/// `credentials`: asks each source of the chain the login would use, in order, and reports which one answered (AccessKey
/// ID masked, permanent or temporary, expiry) and why each source before it did not; every failure of the
/// credentials FAQ is recognised (``CredentialExplainer``).
struct CredentialsCheck: Sendable {
    let context: DoctorContext

    /// One source and what it answered.
    private enum Answer: Sendable {
        case credential(Credential)
        case failure(CredentialsError)
    }

    /// The findings and the credential found.
    func run(target: RegistryTarget?) async -> (findings: [Finding], credential: Credential?) {
        let huawei = target?.kind == .swr
        var findings = huawei ? [] : environmentProblems()
        var notSetUp: [String] = []
        for (name, provider) in links(for: target) {
            let answer = await context.timeBox.run(limit: context.limits.credentials) { () -> Answer in
                do {
                    return .credential(try await provider.credential())
                } catch {
                    return .failure(CredentialsError.wrapping(error))
                }
            }
            switch answer {
            case nil:
                findings.append(.keyed(.credentials, .fail, "credentials.sourceTimedOut", Self.label(name), NetworkCheck.seconds(context.limits.credentials)))
                return (Self.settle(findings, answered: false), nil)
            case .credential(let credential)?:
                findings.append(found(credential, source: name, before: notSetUp))
                return (Self.settle(findings, answered: true), credential)
            case .failure(let error)?:
                switch CredentialExplainer.explain(link: name, error: error, environment: context.environment) {
                case .notSetUp:
                    notSetUp.append(Self.label(name))
                case .broken(let key, let arguments):
                    findings.append(broken(key: key, arguments: arguments, source: name))
                }
            }
        }
        let key = huawei ? "credentials.huaweiNoneFound" : "credentials.noneFound"
        findings.append(.keyed(.credentials, .fail, key, notSetUp.isEmpty ? "-" : notSetUp.joined(separator: ", ")))
        return (Self.settle(findings, answered: false), nil)
    }

    /// The sources in the order the login asks them: the Huawei chain for SWR; for ACR the cloudcred config's
    /// profile (aliyun CLI profile, then credentials.ini), else the default chain.
    private func links(for target: RegistryTarget?) -> [(String, any CredentialsProvider)] {
        if target?.kind == .swr {
            let chain = HuaweiCredentialsChain(environment: context.environment, transport: context.transport, clock: context.clock)
            return chain.links.map { ($0.name, $0.provider as any CredentialsProvider) }
        }
        let providerContext = ProviderContext(environment: context.environment, clock: context.clock, transport: context.transport)
        if let profile = target?.alibabaProfile {
            return [
                ("CLIProfileCredentialsProvider", CLIProfileProvider(profileName: profile, context: providerContext)),
                ("ProfileCredentialsProvider", INIProfileProvider(profileName: profile, context: providerContext)),
            ]
        }
        return DefaultCredentialsChain.standardLinks(context: providerContext).map { ($0.name, $0.provider) }
    }

    private func found(_ credential: Credential, source: String, before notSetUp: [String]) -> Finding {
        let id = Redact.accessKeyId(credential.accessKeyId)
        let skipped = notSetUp.joined(separator: ", ")
        let after = notSetUp.isEmpty ? "" : "After"
        let now = context.clock.now()
        if let expiration = credential.expiration {
            let minutes = Int(expiration.timeIntervalSince(now) / 60)
            if expiration <= now {
                return .keyed(.credentials, .fail, "credentials.expired", Self.label(source), id, TimeFormat.iso8601(expiration))
            }
            return .keyed(.credentials, minutes < 5 ? .warn : .ok, "credentials.foundTemporary" + after,
                          Self.label(source), credential.providerName, id, TimeFormat.iso8601(expiration), String(minutes), skipped)
        }
        if credential.isTemporary {
            return .keyed(.credentials, .ok, "credentials.foundToken" + after, Self.label(source), credential.providerName, id, skipped)
        }
        return .keyed(.credentials, .ok, "credentials.foundPermanent" + after, Self.label(source), credential.providerName, id, skipped)
    }

    private func broken(key: String, arguments: [String], source: String) -> Finding {
        var arguments = arguments
        if key == "credentials.sourceFailed", !arguments.isEmpty { arguments[0] = Self.label(source) }
        if key == "credentials.cliProfileMissing" {
            let path = context.environment.nonEmpty("ALIBABA_CLOUD_CONFIG_FILE") ?? ClientConfigPaths.home(context.environment) + "/.aliyun/config.json"
            arguments += [path, Self.profileNames(in: path)]
        }
        return .keyed(.credentials, .fail, key, arguments)
    }

    /// Problems visible in the environment alone: a variable set but empty, OIDC variables set only in part.
    private func environmentProblems() -> [Finding] {
        var findings: [Finding] = []
        for name in ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET"] {
            if let value = context.environment[name], value.stripping(" \t\r\n").isEmpty {
                findings.append(.keyed(.credentials, .fail, "credentials.envEmpty", name))
            }
        }
        let oidc = ["ALIBABA_CLOUD_ROLE_ARN", "ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "ALIBABA_CLOUD_OIDC_TOKEN_FILE"]
        let set = oidc.filter { context.environment.nonEmpty($0) != nil }
        if set.contains("ALIBABA_CLOUD_OIDC_PROVIDER_ARN") || set.contains("ALIBABA_CLOUD_OIDC_TOKEN_FILE"), set.count < 3 {
            let missing = oidc.filter { !set.contains($0) }
            findings.append(.keyed(.credentials, .fail, "credentials.oidcPartial", set.joined(separator: ", "), missing.joined(separator: ", ")))
        }
        return findings
    }

    /// Problems of sources the chain got past are warnings once a later source answered.
    private static func settle(_ findings: [Finding], answered: Bool) -> [Finding] {
        guard answered else { return findings }
        return findings.map { finding in
            var copy = finding
            if copy.status == .fail && !copy.cause.key.hasPrefix("credentials.found") && copy.cause.key != "credentials.expired" {
                copy.status = .warn
            }
            return copy
        }
    }

    /// The `name` of every profile in an aliyun CLI config file, for the "missing profile" finding.
    static func profileNames(in path: String) -> String {
        guard let bytes = try? LocalFile.read(path), let document = try? JSONValue.parse(bytes),
              let profiles = document["profiles"]?.arrayValue
        else { return "-" }
        let names = profiles.compactMap { $0["name"]?.stringValue }
        return names.isEmpty ? "-" : names.joined(separator: ", ")
    }

    /// A source's chain class name in words.
    static func label(_ link: String) -> String {
        switch link {
        case "EnvironmentVariableCredentialsProvider": return "environment (ALIBABA_CLOUD_ACCESS_KEY_ID)"
        case "OIDCRoleArnCredentialsProvider": return "OIDC/RRSA (ALIBABA_CLOUD_OIDC_TOKEN_FILE)"
        case "CLIProfileCredentialsProvider": return "aliyun CLI profile (~/.aliyun/config.json)"
        case "ProfileCredentialsProvider": return "credentials file (~/.alibabacloud/credentials.ini)"
        case "EcsRamRoleCredentialsProvider": return "ECS RAM role (100.100.100.200)"
        case "URLCredentialsProvider": return "credentials URI (ALIBABA_CLOUD_CREDENTIALS_URI)"
        case "EnvCredentialProvider": return "environment (HUAWEICLOUD_SDK_AK)"
        case "ProfileCredentialProvider": return "credentials file (~/.huaweicloud/credentials)"
        case "MetadataCredentialProvider": return "ECS agency (169.254.169.254)"
        default: return link
        }
    }
}
