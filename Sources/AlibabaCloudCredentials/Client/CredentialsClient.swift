#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CredentialsCore
import Synchronization

/// The entry point, as the Python library's `Client`.
///
/// ```swift
/// let client = CredentialsClient()                       // the default chain
/// let credential = try await client.credential()
/// print(credential.accessKeyId ?? "", credential.providerName ?? "")
/// await client.shutdown()
/// ```
public final class CredentialsClient: Sendable {
    /// The provider behind this client.
    public let provider: any CredentialsProvider
    /// The type reported in ``CredentialModel/type``.
    public let type: String
    private let context: ProviderContext

    /// A client over the default provider chain.
    public init(context: ProviderContext = ProviderContext()) {
        self.context = context
        self.provider = DefaultCredentialsChain(context: context)
        self.type = "default"
    }

    /// A client for one credential type. Invalid settings throw here, as the Python constructor raises.
    public init(config: Config, context: ProviderContext = ProviderContext()) throws {
        self.context = context
        self.provider = try ConfigProviders.provider(for: config, context: context)
        self.type = config.type ?? ""
    }

    /// A client over any provider; the type reported is the provider's name.
    public init(provider: any CredentialsProvider, context: ProviderContext = ProviderContext()) {
        self.context = context
        self.provider = provider
        self.type = provider.providerName
    }

    /// The current credentials (cached while fresh; refreshed as the provider's policy says).
    public func credential() async throws -> CredentialModel {
        let credential = try await provider.credential()
        if type == "bearer" {
            return CredentialModel(bearerToken: credential.bearerToken, type: "bearer")
        }
        return CredentialModel(credential, type: type)
    }

    /// The same as ``credential()`` for code that cannot be async: blocks the calling thread
    /// (never call it from inside an async task).
    public func credentialBlocking() throws -> CredentialModel {
        let box = ResultBox()
        let semaphore = DispatchSemaphoreLite()
        Task.detached { [self] in
            do {
                box.set(.success(try await credential()))
            } catch {
                box.set(.failure(error))
            }
            semaphore.signal()
        }
        semaphore.wait()
        return try box.get()
    }

    /// Closes the HTTP connections of this client.
    public func shutdown() async {
        await context.transport.shutdown()
    }
}

private final class ResultBox: Sendable {
    private let value = Mutex<Result<CredentialModel, any Error>?>(nil)
    func set(_ result: Result<CredentialModel, any Error>) { value.withLock { $0 = result } }
    func get() throws -> CredentialModel {
        guard let result = value.withLock({ $0 }) else { throw CredentialsError.providerFailed("no result") }
        return try result.get()
    }
}
