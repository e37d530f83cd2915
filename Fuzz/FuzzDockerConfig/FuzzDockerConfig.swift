import CredentialsCore
import FuzzSupport
import RegistryCredentials

@_cdecl("LLVMFuzzerTestOneInput")
public func libFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzDockerConfig.libFuzzerEntry(data, size)
}

#if !CLOUDCRED_FUZZING
@main extension FuzzDockerConfig {}
#endif

/// Editing a Docker `config.json` or containers `auth.json` (RegistryCredentials' `CredentialHelperConfigFile`),
/// as `cloudcred configure-docker` and its undo do, on the input as the existing file (dry runs: the edit is
/// computed, not written).
///
/// Invariants: a refusal is a `CredentialsError` naming the file, without the values of secret-looking keys
/// (`auth`, `password`, `identitytoken`, …); an edit keeps every other key, its value and the key order,
/// points the hosts at the helper, and is idempotent (configuring the edited text again changes nothing); undo
/// removes exactly our entries and leaves other helpers' alone.
enum FuzzDockerConfig: FuzzTarget {
    static let hosts = ["registry.cn-hangzhou.aliyuncs.com", "https://Swr.CN-North-4.myhuaweicloud.com/v2/"]
    static let normalizedHosts = ["registry.cn-hangzhou.aliyuncs.com", "swr.cn-north-4.myhuaweicloud.com"]
    static let helper = CredentialHelperConfigFile.helperName(profile: "prod")

    static func test(_ input: [UInt8]) {
        let configured = configure(input)
        SecretLeaks.check(input, text: errorText(configured)) { errorText(configure($0)) }
        let undone = undo(input)
        SecretLeaks.check(input, text: errorText(undone)) { errorText(undo($0)) }
        guard case .success(let edit) = configured, let original = object(input) else {
            if case .failure(let error) = configured {
                Invariant.check(error.message.contains(Scratch.directory), "the error does not name the file: \(Quoted(error.message))")
            }
            return
        }
        checkConfigured(edit, original: original)
        if case .success(let removal) = undone { checkUndone(removal, original: original) }
    }

    private static func checkConfigured(_ edit: CredentialHelperConfigFile.Edit, original: JSONObject) {
        guard let result = object(Array(edit.text.utf8)) else {
            Invariant.check(false, "the edited file is not a JSON object: \(Quoted(edit.text))")
            return
        }
        let otherKeys = original.keys.filter { $0 != "credHelpers" }
        Invariant.check(result.keys.filter { $0 != "credHelpers" } == otherKeys, "the edit changed the other keys or their order")
        for key in otherKeys {
            Invariant.check(result[key].map(numbersAsWritten) == original[key].map(numbersAsWritten), "the edit changed \(Quoted(key))")
        }
        let helpers = result["credHelpers"]?.objectValue ?? JSONObject()
        for host in normalizedHosts { Invariant.check(helpers[host]?.stringValue == helper, "\(host) is not pointed at \(helper)") }
        for (host, value) in original["credHelpers"]?.objectValue ?? JSONObject() where !normalizedHosts.contains(host) {
            Invariant.check(helpers[host].map(numbersAsWritten) == numbersAsWritten(value), "the edit changed the entry of \(Quoted(host))")
        }
        Invariant.check(edit.changed == (original["credHelpers"]?.objectValue.map { o in !normalizedHosts.allSatisfy { o[$0]?.stringValue == helper } } ?? true), "changed is wrong")
        guard case .success(let again) = configure(Array(edit.text.utf8)) else {
            Invariant.check(false, "configuring the edited file fails: \(Quoted(edit.text))")
            return
        }
        Invariant.check(!again.changed && again.added.isEmpty, "configuring twice is not idempotent: \(Quoted(edit.text))")
    }

    private static func checkUndone(_ edit: CredentialHelperConfigFile.Edit, original: JSONObject) {
        let before = original["credHelpers"]?.objectValue ?? JSONObject()
        let ours = before.filter { $0.value.stringValue.map { $0 == "cloudcred" || $0.hasPrefix("cloudcred-") } ?? false }.map { $0.key }
        Invariant.check(Set(edit.removed) == Set(ours), "undo removed \(edit.removed), ours were \(ours)")
        guard edit.changed, let result = object(Array(edit.text.utf8)) else { return }
        let after = result["credHelpers"]?.objectValue ?? JSONObject()
        Invariant.check(after.keys == before.keys.filter { !ours.contains($0) }, "undo kept the wrong entries")
    }

    private static func configure(_ bytes: [UInt8]) -> Result<CredentialHelperConfigFile.Edit, CredentialsError> {
        let file = CredentialHelperConfigFile(path: Scratch.write(bytes, to: "config.json"))
        return Result { () throws(CredentialsError) in try file.configure(hosts: hosts, helper: helper, dryRun: true) }
    }

    private static func undo(_ bytes: [UInt8]) -> Result<CredentialHelperConfigFile.Edit, CredentialsError> {
        let file = CredentialHelperConfigFile(path: Scratch.write(bytes, to: "config.json"))
        return Result { () throws(CredentialsError) in try file.undo(dryRun: true) }
    }

    private static func errorText(_ result: Result<CredentialHelperConfigFile.Edit, CredentialsError>) -> String? {
        guard case .failure(let error) = result else { return nil }
        return error.message + "\n" + (error.hint ?? "")
    }

    /// Numbers as a rewrite writes them (`1.50` becomes `1.5`, as Python's `json` would), the rest unchanged.
    private static func numbersAsWritten(_ value: JSONValue) -> JSONValue {
        switch value {
        case .number(let number): .number(JSONNumber(literal: number.pythonText) ?? number)
        case .array(let elements): .array(elements.map(numbersAsWritten))
        case .object(let object): .object(JSONObject(object.map { ($0.key, numbersAsWritten($0.value)) }))
        default: value
        }
    }

    /// The top-level object of a file's text (an empty file counts as `{}`), or nil.
    private static func object(_ bytes: [UInt8]) -> JSONObject? {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0B || $0 == 0x0C }) { return JSONObject() }
        return (try? JSONValue.parse(bytes))?.objectValue
    }
}
