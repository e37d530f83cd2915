/// Anything that can hand out credentials.
///
/// Providers are `Sendable` and safe to call from any number of tasks at once.
public protocol CredentialsProvider: Sendable {
    /// The provider's own name (`static_ak`, `ram_role_arn`, `default`, …), as the Python library names it.
    var providerName: String { get }
    /// Returns credentials, from a cache when they are still fresh.
    func credential() async throws -> Credential
}
