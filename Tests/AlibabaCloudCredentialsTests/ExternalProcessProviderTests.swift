import CloudHTTP
import CredentialsCore
import Foundation
import Synchronization
import Testing

@testable import AlibabaCloudCredentials

@Suite("External process provider")
struct ExternalProcessProviderTests {
    static let noHTTP = LoginScriptedTransport { _ in loginJSON(500, "{}") }

    static func provider(
        _ command: String, timeout: Double? = nil, clock: ManualClock = ManualClock(now: Date(timeIntervalSince1970: LoginTime.now)),
        environment: [String: String] = loginProcessEnvironment(), logs: LoginLogCapture = LoginLogCapture(),
        update: ExternalProcessProvider.CredentialUpdate? = nil
    ) throws -> ExternalProcessProvider {
        try ExternalProcessProvider(
            processCommand: command, timeoutSeconds: timeout, credentialUpdate: update,
            context: loginContext(transport: noHTTP, clock: clock, environment: environment, logs: logs))
    }

    /// A script that counts its runs in `runs` and prints `json`.
    static func countingScript(_ directory: LoginTestDirectory, json: String) throws -> String {
        try directory.script("creds.sh", "echo run >> '\(directory.file("runs"))'\ncat <<'EOF'\n\(json)\nEOF")
    }

    static func runs(_ directory: LoginTestDirectory) -> Int {
        ((try? directory.read("runs")) ?? "").split(separator: "\n").count
    }

    // MARK: Construction

    @Test("an empty command is refused at construction; a blank one at the first call")
    func emptyCommand() async throws {
        for command in [nil, ""] as [String?] {
            let error = #expect(throws: CredentialsError.self) {
                try ExternalProcessProvider(processCommand: command, context: loginContext(transport: Self.noHTTP))
            }
            #expect(error?.code == .invalidArgument && error?.message == "process_command is empty")
        }
        let blank = try Self.provider(" \t\n")
        let error = await #expect(throws: CredentialsError.self) { try await blank.credential() }
        #expect(error?.code == .providerFailed && error?.message == "process_command is empty")
    }

    @Test("the timeout defaults to 60 s")
    func defaultTimeout() throws {
        #expect(try Self.provider("true").timeoutSeconds == 60)
        #expect(try Self.provider("true", timeout: 0).timeoutSeconds == 60)
        #expect(try Self.provider("true", timeout: -1).timeoutSeconds == 60)
        #expect(try Self.provider("true", timeout: 5).timeoutSeconds == 5)
    }

    // MARK: P20–P22

    @Test("P20: an AK answer without expiry runs the command on every call")
    func accessKeyEveryCall() async throws {
        let directory = try LoginTestDirectory()
        let script = try Self.countingScript(directory, json: #"{"mode":"AK","access_key_id":"akid","access_key_secret":"secret"}"#)
        let provider = try Self.provider(script)
        for _ in 0..<3 {
            let credential = try await provider.credential()
            #expect(credential.accessKeyId == "akid" && credential.accessKeySecret == "secret")
            #expect(credential.securityToken == nil && credential.expiration == nil)
            #expect(credential.providerName == "external")
        }
        #expect(Self.runs(directory) == 3)
        #expect(provider.providerName == "external")
    }

    @Test("an STS answer with expiry is reused until 180 s before it")
    func stsCached() async throws {
        let directory = try LoginTestDirectory()
        let clock = ManualClock(now: Date(timeIntervalSince1970: LoginTime.now))
        let json = #"{"mode":"StsToken","access_key_id":"STS.x","access_key_secret":"s","sts_token":"tok","expiration":"\#(LoginTime.iso(600))"}"#
        let provider = try Self.provider(try Self.countingScript(directory, json: json), clock: clock)
        let first = try await provider.credential()
        #expect(first.securityToken == "tok")
        #expect(first.expiration == Date(timeIntervalSince1970: LoginTime.now + 600))
        clock.advance(by: 419)
        _ = try await provider.credential()
        #expect(Self.runs(directory) == 1)
        clock.advance(by: 2)
        _ = try await provider.credential()
        #expect(Self.runs(directory) == 2)
    }

    @Test("P21: StsToken mode without sts_token", arguments: [
        #"{"mode":"StsToken","access_key_id":"a","access_key_secret":"b"}"#,
        #"{"mode":"StsToken","access_key_id":"a","access_key_secret":"b","sts_token":""}"#,
    ])
    func stsWithoutToken(json: String) async throws {
        let directory = try LoginTestDirectory()
        let provider = try Self.provider(try Self.countingScript(directory, json: json))
        let error = await #expect(throws: CredentialsError.self) { try await provider.credential() }
        #expect(error?.message == "invalid StsToken credential response: sts_token is empty")
    }

    @Test("other modes accept an answer without token; an empty token is passed on as it is")
    func otherModes() async throws {
        let directory = try LoginTestDirectory()
        let provider = try Self.provider(
            try Self.countingScript(directory, json: #"{"mode":"Whatever","access_key_id":"a","access_key_secret":"b","sts_token":""}"#))
        #expect(try await provider.credential().securityToken == "")
    }

    @Test("P22: a non-zero exit reports the status and standard error")
    func nonZeroExit() async throws {
        let directory = try LoginTestDirectory()
        let script = try directory.script("fail.sh", "echo failed >&2\nexit 1")
        let error = await #expect(throws: CredentialsError.self) { try await Self.provider(script).credential() }
        #expect(error?.code == .process)
        #expect(error?.message == "failed to execute external command: exit status 1\nstderr: failed\n")
    }

    @Test("a process killed by a signal reports minus the signal, like Python's returncode")
    func killedBySignal() async throws {
        let directory = try LoginTestDirectory()
        let script = try directory.script("kill.sh", "kill -9 $$")
        let error = await #expect(throws: CredentialsError.self) { try await Self.provider(script).credential() }
        #expect(error?.message == "failed to execute external command: exit status -9\nstderr: ")
    }

    @Test("a command that runs too long is killed and reported in milliseconds")
    func timeout() async throws {
        let provider = try Self.provider("sleep 5", timeout: 1)
        let start = Date()
        let error = await #expect(throws: CredentialsError.self) { try await provider.credential() }
        let elapsed = Date().timeIntervalSince(start)
        #expect(error?.message == "command process timed out after 1000 milliseconds")
        #expect(elapsed >= 0.9 && elapsed < 15)

        let fractional = try Self.provider("sleep 5", timeout: 0.25)
        let error2 = await #expect(throws: CredentialsError.self) { try await fractional.credential() }
        #expect(error2?.message == "command process timed out after 250.0 milliseconds")
    }

    // MARK: Output errors

    @Test("output errors carry the Python texts", arguments: [
        ("not json", "failed to parse external command output: Expecting value: line 1 column 1 (char 0)"),
        (#"{"access_key_id": "a"}"#, "invalid credential response: access_key_id or access_key_secret is empty"),
        (#"{"access_key_id": "", "access_key_secret": "b"}"#, "invalid credential response: access_key_id or access_key_secret is empty"),
        (#"["a"]"#, "'list' object has no attribute 'get'"),
        (#"{"access_key_id": "a", "access_key_secret": "b", "expiration": "2030-01-01 00:00:00"}"#,
         "time data '2030-01-01 00:00:00' does not match format '%Y-%m-%dT%H:%M:%SZ'"),
        (#"{"access_key_id": "a", "access_key_secret": "b", "expiration": 5}"#, "strptime() argument 1 must be str, not int"),
    ])
    func outputErrors(output: String, message: String) async throws {
        let directory = try LoginTestDirectory()
        let provider = try Self.provider(try Self.countingScript(directory, json: output))
        let error = await #expect(throws: CredentialsError.self) { try await provider.credential() }
        #expect(error?.message == message)
    }

    @Test("a falsy expiration means none", arguments: [#""""#, "null", "0", "false"])
    func falsyExpiration(value: String) async throws {
        let directory = try LoginTestDirectory()
        let json = #"{"access_key_id": "a", "access_key_secret": "b", "expiration": \#(value)}"#
        let provider = try Self.provider(try Self.countingScript(directory, json: json))
        #expect(try await provider.credential().expiration == nil)
    }

    // MARK: Running the command

    @Test("the command is split like shlex and run without a shell")
    func noShell() async throws {
        let directory = try LoginTestDirectory()
        let script = try directory.script(
            "args.sh",
            #"printf '{"access_key_id": "%s", "access_key_secret": "%s|%s"}' "$1" "$2" "$#""#)
        let provider = try Self.provider(#"'\#(script)' "two words" '$HOME;|*'"#)
        let credential = try await provider.credential()
        #expect(credential.accessKeyId == "two words")
        #expect(credential.accessKeySecret == "$HOME;|*|2")
    }

    @Test("the command inherits no descriptor beyond standard input, output and error")
    func noInheritedDescriptors() async throws {
        let directory = try LoginTestDirectory()
        let leaked = open(directory.file("runs"), O_WRONLY | O_CREAT, 0o600)  // no O_CLOEXEC on purpose
        #expect(leaked > 2)
        defer { close(leaked) }
        let script = try directory.script(
            "fds.sh",
            #"if [ -e /proc/self/fd/\#(leaked) ]; then s=leaked; else s=closed; fi; printf '{"access_key_id": "a", "access_key_secret": "%s"}' "$s""#)
        #expect(try await Self.provider(script).credential().accessKeySecret == "closed")
    }

    @Test("quote errors, missing and non-executable programs", arguments: [
        ("'unterminated", "failed to execute external command: No closing quotation"),
        ("no-such-command-for-cloudcred --x", "failed to execute external command: [Errno 2] No such file or directory: 'no-such-command-for-cloudcred'"),
        ("/nonexistent/cmd", "failed to execute external command: [Errno 2] No such file or directory: '/nonexistent/cmd'"),
    ])
    func spawnErrors(command: String, message: String) async throws {
        let error = await #expect(throws: CredentialsError.self) { try await Self.provider(command).credential() }
        #expect(error?.message == message)
    }

    @Test("a file without execute permission")
    func notExecutable() async throws {
        let directory = try LoginTestDirectory()
        let path = try directory.write("plain.sh", "#!/bin/sh\necho {}\n", mode: 0o644)
        let error = await #expect(throws: CredentialsError.self) { try await Self.provider(path).credential() }
        #expect(error?.message == "failed to execute external command: [Errno 13] Permission denied: '\(path)'")
    }

    @Test("programs are looked up in the PATH of the context's environment, which the child gets")
    func environment() async throws {
        let directory = try LoginTestDirectory()
        try directory.script("bin/cloudcred-test-helper", #"printf '{"access_key_id": "%s", "access_key_secret": "x"}' "$CLOUDCRED_MARK""#)
        let env = ["PATH": directory.file("bin") + ":/usr/bin:/bin", "CLOUDCRED_MARK": "marked"]
        let credential = try await Self.provider("cloudcred-test-helper", environment: env).credential()
        #expect(credential.accessKeyId == "marked")
    }

    @Test("CRLF output and large output are read")
    func outputReading() async throws {
        let directory = try LoginTestDirectory()
        let script = try directory.script(
            "big.sh", #"head -c 300000 /dev/zero | tr '\0' 'x' >&2; printf '{"access_key_id": "a",\r\n "access_key_secret": "b"}\r\n'"#)
        #expect(try await Self.provider(script).credential().accessKeySecret == "b")
    }

    @Test("concurrent callers share one run")
    func concurrentCallers() async throws {
        let directory = try LoginTestDirectory()
        let json = #"{"access_key_id": "a", "access_key_secret": "b", "expiration": "\#(LoginTime.iso(3600))"}"#
        let script = try directory.script("slow.sh", "echo run >> '\(directory.file("runs"))'\nsleep 0.3\necho '\(json)'")
        let provider = try Self.provider(script)
        try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { try await provider.credential().accessKeyId } }
            for try await id in group { #expect(id == "a") }
        }
        #expect(Self.runs(directory) == 1)
    }

    // MARK: Callback

    @Test("the update callback gets what each run printed; its failure is only logged")
    func callback() async throws {
        let directory = try LoginTestDirectory()
        let script = try Self.countingScript(directory, json: #"{"access_key_id": "a", "access_key_secret": "b"}"#)
        let updates = Mutex<[ExternalCredentialUpdate]>([])
        _ = try await Self.provider(script) { update in updates.withLock { $0.append(update) } }.credential()
        #expect(updates.withLock { $0 } == [ExternalCredentialUpdate(accessKeyId: "a", accessKeySecret: "b", securityToken: nil, expiration: 0)])

        let logs = LoginLogCapture()
        struct Boom: Error, CustomStringConvertible { var description: String { "read-only file system" } }
        let credential = try await Self.provider(script, logs: logs) { _ in throw Boom() }.credential()
        #expect(credential.accessKeyId == "a")
        #expect(logs.lines == ["failed to update external credentials in config file: read-only file system"])
    }
}
