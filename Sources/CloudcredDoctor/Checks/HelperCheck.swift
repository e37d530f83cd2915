import CredentialsCore

/// `helper`: runs the credential helper docker would run for the host, exactly as docker does
/// (`docker-credential-<name> get`, the host on stdin, the same environment), and shows its exit status and output
/// with the secret masked.
struct HelperCheck: Sendable {
    let context: DoctorContext

    /// `helper` is the `credHelpers`/`credsStore` value (nil when docker has none for the host); `secrets` are
    /// passwords known to this run, masked wherever they appear in the helper's output.
    func run(host: String, helper: String?, secrets: [String]) async -> [Finding] {
        guard let helper else { return [.keyed(.helper, .warn, "helper.notConfigured", host)] }
        let program = "docker-credential-" + helper
        guard let path = ExecutableLookup.find(program, environment: context.environment) else {
            return [.keyed(.helper, .fail, "helper.missing", program)]
        }
        let environment = context.environment
        let limit = context.limits.helper
        let seconds = Double(context.timeBox.budgetMilliseconds(limit)) / 1000
        let result = await context.timeBox.run(limit: limit) {
            await ProcessRunner.run(path: path, arguments: ["get"], stdin: host + "\n", environment: environment, timeoutSeconds: seconds)
        }
        guard let result else { return [.keyed(.helper, .fail, "helper.timedOut", program, NetworkCheck.seconds(limit))] }
        let output: ProcessRunner.Output
        switch result {
        case .success(let value): output = value
        case .failure(let error): return [.keyed(.helper, .fail, "helper.cannotRun", program, "\(error)")]
        }
        if output.timedOut { return [.keyed(.helper, .fail, "helper.timedOut", program, NetworkCheck.seconds(limit))] }
        return [judge(output, program: program, host: host, secrets: secrets)]
    }

    private func judge(_ output: ProcessRunner.Output, program: String, host: String, secrets: [String]) -> Finding {
        let stdout = output.stdout.stripping(" \t\r\n")
        let status = String(output.status)
        if output.status == 0 {
            guard let document = try? JSONValue.parse(Array(stdout.utf8)), let username = document["Username"]?.stringValue,
                  let secret = document["Secret"]?.stringValue
            else {
                return .keyed(.helper, .fail, "helper.badOutput", program, Self.masked(stdout, secrets: secrets))
            }
            guard !secret.isEmpty else { return .keyed(.helper, .fail, "helper.emptySecret", program, username) }
            return .keyed(.helper, .ok, "helper.ok", program, host, username, Redact.secret(secret))
        }
        if stdout == "credentials not found in native keychain" {
            return .keyed(.helper, .fail, "helper.notFoundAnswer", program, host)
        }
        let said = [stdout, output.stderr.stripping(" \t\r\n")].first { !$0.isEmpty } ?? "-"
        let line = String(said.split(separator: "\n").first ?? "").prefix(200)
        return .keyed(.helper, .fail, "helper.failed", program, status, Self.masked(String(line), secrets: secrets))
    }

    /// The text with known passwords and anything after `"Secret":` masked.
    static func masked(_ text: String, secrets: [String]) -> String {
        var out = Redact.scrub(text, secrets: secrets)
        if let range = out.range(of: "\"Secret\"") {
            let after = out[range.upperBound...]
            if let open = after.firstIndex(of: "\""), let close = after[after.index(after: open)...].firstIndex(of: "\"") {
                out.replaceSubrange(open...close, with: "\"******\"")
            }
        }
        return out
    }
}
