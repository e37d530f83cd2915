import CredentialsCore
import Testing

/// The `CredentialsError` thrown by `body`, or nil (recording an issue) when it succeeds or throws something else.
public func failure<T>(_ body: () async throws -> T, sourceLocation: SourceLocation = #_sourceLocation) async -> CredentialsError? {
    do {
        return classify(Result<T, any Error>.success(try await body()), sourceLocation: sourceLocation)
    } catch {
        return classify(Result<T, any Error>.failure(error), sourceLocation: sourceLocation)
    }
}

/// The same for a throwing initialiser or function that is not async.
public func failure<T>(sync body: () throws -> T, sourceLocation: SourceLocation = #_sourceLocation) -> CredentialsError? {
    classify(Result { try body() }, sourceLocation: sourceLocation)
}

private func classify<T>(_ result: Result<T, any Error>, sourceLocation: SourceLocation) -> CredentialsError? {
    switch result {
    case .success:
        Issue.record("expected an error", sourceLocation: sourceLocation)
    case .failure(let error as CredentialsError):
        return error
    case .failure(let error):
        Issue.record("expected a CredentialsError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
