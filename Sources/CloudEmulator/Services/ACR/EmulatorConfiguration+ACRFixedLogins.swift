import Foundation

extension EmulatorConfiguration {
    /// The console-set passwords of the personal ACR instances (those with `fixedPassword`), as registry logins of
    /// kind `fixedPassword` for `crpi-<id>.<region>.personal.cr.aliyuncs.com` and its `-vpc` variant; they never
    /// expire. The user name is the instance's `fixedUsername`, else `emulator@<standard account id>`.
    public func acrFixedLogins() -> [IssuedRegistryLogin] {
        acr.instances.compactMap { instance in
            guard instance.edition == .personal, let password = instance.fixedPassword else { return nil }
            return IssuedRegistryLogin(
                kind: .fixedPassword, hosts: ACRRegistryHosts.personalInstance(instance),
                username: instance.fixedUsername ?? "emulator@\(Self.standardAccountId)", password: password,
                expiration: nil, issuedAt: Date(timeIntervalSince1970: 0))
        }
    }
}
