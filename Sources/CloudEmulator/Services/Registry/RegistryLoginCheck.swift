import Foundation

/// Which user names and passwords the emulated registries accept: the logins the emulator issued (ACR tokens, SWR
/// logins, those added with ``CloudEmulator/issueRegistryLogin(_:)``) and the configured static ones.
struct RegistryLoginCheck: Sendable {
    let configuration: EmulatorConfiguration
    let state: EmulatorState

    /// Whether the login is good for `host` at `now`; a nil host means any host (a realm `service` that is no host
    /// name).
    func accepts(_ credentials: BasicCredentials, host: String?, now: Date) -> Bool {
        let candidates = state.issuedRegistryLogins()
            + acceptedStaticLogins(
                configuration: configuration, username: credentials.username, password: credentials.password, host: host)
        return candidates.contains { login in
            login.accepts(host: host ?? login.hosts.first ?? "", username: credentials.username, password: credentials.password, now: now)
        }
    }

    /// Logins the configuration accepts without the emulator issuing them. The user name and password are passed so
    /// that a computed login (SWR long-term: `<project>@<AK>` with HMAC-SHA256(SK, AK)) can be produced for them.
    private func acceptedStaticLogins(
        configuration: EmulatorConfiguration, username: String, password: String, host: String?
    ) -> [IssuedRegistryLogin] {
        var logins = configuration.acrFixedLogins()
        if let host, host.hasPrefix("swr."), configuration.acceptsSWRLongTerm(username: username, password: password) {
            logins.append(IssuedRegistryLogin(
                kind: .swrLongTerm, hosts: [host], username: username, password: password, expiration: nil, issuedAt: .distantPast))
        }
        return logins
    }
}

/// The user name and password of an `Authorization: Basic …` header.
struct BasicCredentials: Sendable, Equatable {
    var username: String
    var password: String

    /// nil when the request has no readable Basic authorization.
    init?(authorization: String?) {
        guard let authorization else { return nil }
        let parts = authorization.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
              let decoded = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)),
              let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":")
        else { return nil }
        username = String(text[..<colon])
        password = String(text[text.index(after: colon)...])
    }
}
