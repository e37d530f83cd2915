import AlibabaCloudCredentials
import CredentialsCore
import FuzzHTTPSupport
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func libFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzAliyunConfig.libFuzzerEntry(data, size)
}

#if !CLOUDCRED_FUZZING
@main extension FuzzAliyunConfig {}
#endif

/// The aliyun CLI's `~/.aliyun/config.json`, read by `CLIProfileProvider` (AlibabaCloudCredentials) from a scratch
/// file: the `current` profile, every `mode` with its fields and `source_profile` chains, and the write-back of
/// OAuth and External results. Network calls get one answer that every endpoint accepts.
///
/// For safety an `External` profile's `process_command` is replaced by a program that does not exist before the file
/// is written (the fuzzer must never run commands it made up); `External` output is fuzzed by `FuzzExternalOutput`.
///
/// Invariants: a failure is a `CredentialsError` quoting none of the file's secrets (`access_key_secret`,
/// `sts_token`, `access_token`, `oauth_refresh_token`, …); a success's description shows no secret.
enum FuzzAliyunConfig: FuzzTarget {
    static func test(_ input: [UInt8]) {
        let safe = withoutCommands(input)
        let outcome = resolve(safe)
        SecretLeaks.check(safe, text: ProviderHarness.errorText(outcome)) { ProviderHarness.errorText(resolve($0)) }
    }

    static func resolve(_ input: [UInt8]) -> Result<Credential, CredentialsError> {
        let path = Scratch.write(input, to: "config.json")
        let context = ProviderHarness.context(transport: CannedTransport(CannedResponses.universalSuccess))
        return ProviderHarness.credential(of: CLIProfileProvider(profileFile: path, context: context))
    }

    /// The input with every `process_command` string replaced (re-serialised), or as it is when it has none.
    static func withoutCommands(_ input: [UInt8]) -> [UInt8] {
        guard let document = try? JSONValue.parse(input) else { return input }
        var found = false
        let cleaned = replacingCommands(document, found: &found)
        return found ? Array(cleaned.serialized(style: .pythonIndented(4)).utf8) : input
    }

    private static func replacingCommands(_ value: JSONValue, found: inout Bool) -> JSONValue {
        switch value {
        case .object(let object):
            var copy = JSONObject()
            for (key, member) in object {
                if key == "process_command" {
                    found = true
                    copy[key] = "/nonexistent-cloudcred-fuzz/external --flag"
                } else {
                    copy[key] = replacingCommands(member, found: &found)
                }
            }
            return .object(copy)
        case .array(let elements):
            return .array(elements.map { replacingCommands($0, found: &found) })
        default:
            return value
        }
    }
}
