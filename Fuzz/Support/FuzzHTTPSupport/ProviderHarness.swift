#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import AlibabaCloudCredentials
import CloudHTTP
import CredentialsCore
import FuzzSupport

/// Running providers against canned answers, with the checks every response target shares.
public enum ProviderHarness {
    /// The fixed "now" of every run: 2023-11-14T22:13:20Z.
    public static let now = Date(timeIntervalSince1970: 1_700_000_000)

    /// An environment with nothing of the user's: `HOME` inside the scratch directory and a `PATH` that finds nothing.
    public static func environment(_ extra: [String: String] = [:]) -> Environment {
        Environment(["HOME": Scratch.directory + "/home", "PATH": "/nonexistent-cloudcred-fuzz"].merging(extra) { _, new in new })
    }

    /// A provider context over `transport`, with a manual clock at ``now`` and a fixed nonce.
    public static func context(transport: any HTTPTransport, environment extra: [String: String] = [:]) -> ProviderContext {
        let environment = environment(extra)
        return ProviderContext(
            environment: environment, homeDirectory: environment["HOME"], clock: ManualClock(now: now), transport: transport,
            makeNonce: { "fuzz-nonce" })
    }

    /// Asks `provider` once. Every failure must be a ``CredentialsError`` (a message for people), and a
    /// credential's description must not show its secrets.
    public static func credential(of provider: any CredentialsProvider) -> Result<Credential, CredentialsError> {
        outcome(Blocking.result { try await provider.credential() })
    }

    /// Checks the outcome of any call that yields credentials: failures are ``CredentialsError``s and a
    /// credential's description shows no secret.
    public static func outcome(_ result: Result<Credential, any Error>) -> Result<Credential, CredentialsError> {
        switch result {
        case .success(let credential):
            CredentialChecks.descriptionHidesSecrets(credential)
            return .success(credential)
        case .failure(let error):
            guard let error = error as? CredentialsError else {
                Invariant.check(false, "a failure that is not a CredentialsError: \(type(of: error)): \(error)")
                fatalError()
            }
            return .failure(error)
        }
    }

    /// The text people see for an error: the message and the hint.
    public static func text(_ error: CredentialsError) -> String {
        error.message + (error.hint.map { "\nhint: " + $0 } ?? "")
    }

    /// The text of a failed outcome, nil for a success (for ``SecretLeaks/check(_:text:tolerated:file:line:render:)``).
    public static func errorText<Value>(_ result: Result<Value, CredentialsError>) -> String? {
        guard case .failure(let error) = result else { return nil }
        return text(error)
    }
}
