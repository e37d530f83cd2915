#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CloudHTTP
import CredentialsCore
import RegistryCredentials

/// `network`: DNS, TCP and TLS to the registry and the API endpoint, timed; the proxy in effect; the certificate's
/// issuer, expiry and names. With `CLOUDCRED_CONNECT_TO` set (and no injected resolver) the requests of the other
/// checks go to the emulator, so only the emulator's address is probed.
struct NetworkCheck: Sendable {
    let context: DoctorContext

    /// One finding per host; one for all the hosts the emulator stands in for.
    func run(hosts: [String]) async -> [Finding] {
        var findings: [Finding] = []
        var emulated: [String] = []
        for host in hosts {
            let (name, port) = Self.split(host)
            if context.resolver == nil, context.connectTo != nil, CloudHosts.isCloudHost(name) {
                emulated.append(name)
            } else {
                findings.append(await probe(name, port: port))
            }
        }
        if let connectTo = context.connectTo, !emulated.isEmpty {
            findings.insert(await probeEmulator(hosts: emulated.joined(separator: ", "), connectTo: connectTo), at: 0)
        }
        return findings
    }

    private func probe(_ name: String, port: Int?) async -> Finding {
        let request = HTTPRequest(scheme: "https", host: name, port: port, routing: .direct)
        if case .proxy(let proxy)? = try? RouteResolver(environment: context.environment).route(for: request) {
            return await probeThroughProxy(host: name, proxy: proxy)
        }
        return await probeDirect(host: name, port: port ?? 443)
    }

    // MARK: - Direct

    private func probeDirect(host: String, port: Int) async -> Finding {
        let resolver = context.resolver ?? SystemHostResolver()
        let dnsStart = ContinuousClock.now
        let resolved = await context.timeBox.run(limit: context.limits.dns) { () -> Result<[ResolvedAddress], ResolveError> in
            do {
                return .success(try await resolver.resolve(host: host, port: port))
            } catch let error as ResolveError {
                return .failure(error)
            } catch {
                return .failure(.failed(host: host, reason: "\(error)"))
            }
        }
        let dnsMs = ConnectionProbe.milliseconds(since: dnsStart)
        switch resolved {
        case nil:
            return .keyed(.network, .fail, "network.dnsTimeout", host, Self.seconds(context.limits.dns))
        case .failure(.notFound)?:
            if let publicHost = CloudHosts.publicHost(of: host) {
                return .keyed(.network, .fail, "network.vpcOutside", host, publicHost)
            }
            return .keyed(.network, .fail, "network.dnsNotFound", host)
        case .failure(.failed(_, let reason))?:
            return .keyed(.network, .fail, "network.dnsFailed", host, reason)
        case .success(let addresses)?:
            guard let address = addresses.first else { return .keyed(.network, .fail, "network.dnsNotFound", host) }
            return await connect(host: host, address: address, dnsMs: dnsMs)
        }
    }

    private func connect(host: String, address: ResolvedAddress, dnsMs: Int) async -> Finding {
        let probe = ConnectionProbe(additionalTrustRootsPEM: context.additionalTrustRootsPEM)
        let connectMs = context.timeBox.budgetMilliseconds(context.limits.connect)
        let tlsMs = context.timeBox.budgetMilliseconds(context.limits.tls)
        let limit = context.limits.connect + context.limits.tls * 2
        let result = await context.timeBox.run(limit: limit) {
            await probe.probe(address, serverName: host, connectMs: connectMs, tlsMs: tlsMs)
        }
        let endpoint = "\(address.ip):\(address.port)"
        switch result {
        case nil:
            return .keyed(.network, .fail, "network.connectTimeout", host, endpoint)
        case .success(let outcome)?:
            return success(host: host, address: endpoint, dnsMs: dnsMs, outcome: outcome)
        case .failure(let failure)?:
            return Self.finding(for: failure, host: host, address: endpoint)
        }
    }

    private func success(host: String, address: String, dnsMs: Int, outcome: ConnectionProbe.Outcome) -> Finding {
        let timings = "DNS \(dnsMs) ms, TCP \(outcome.tcpMilliseconds) ms, TLS \(outcome.tlsMilliseconds ?? 0) ms"
        guard let certificate = outcome.certificate else {
            return .keyed(.network, .ok, "network.okNoCertificate", host, address, timings)
        }
        let until = TimeFormat.iso8601(certificate.notValidAfter)
        let daysLeft = Int(certificate.notValidAfter.timeIntervalSince(context.clock.now()) / 86400)
        if daysLeft < 14 {
            return .keyed(.network, .warn, "network.certificateExpiring", host, until, certificate.issuer)
        }
        return .keyed(.network, .ok, "network.ok", host, address, timings, certificate.issuer, until)
    }

    static func finding(for failure: ConnectionProbe.Failure, host: String, address: String) -> Finding {
        switch failure {
        case .refused:
            return .keyed(.network, .fail, "network.refused", host, address)
        case .connectTimeout:
            if let publicHost = CloudHosts.publicHost(of: host) {
                return .keyed(.network, .fail, "network.vpcTimeout", host, publicHost)
            }
            return .keyed(.network, .fail, "network.connectTimeout", host, address)
        case .connectFailed(let detail):
            return .keyed(.network, .fail, "network.connectFailed", host, detail)
        case .tlsTimeout:
            return .keyed(.network, .fail, "network.tlsTimeout", host)
        case .unknownAuthority(let certificate):
            return .keyed(.network, .fail, "network.unknownAuthority", host, certificate?.issuer ?? "?")
        case .nameMismatch(let certificate):
            let names = certificate.map { $0.names.prefix(6).joined(separator: ", ") } ?? "?"
            return .keyed(.network, .fail, "network.nameMismatch", host, names)
        case .expired(let certificate):
            return .keyed(.network, .fail, "network.certificateExpired", host, certificate.map { TimeFormat.iso8601($0.notValidAfter) } ?? "?")
        case .tlsFailed(let detail):
            return .keyed(.network, .fail, "network.tlsFailed", host, detail)
        }
    }

    // MARK: - Proxy and emulator

    private func probeThroughProxy(host: String, proxy: ProxyServer) async -> Finding {
        let resolver = context.resolver ?? SystemHostResolver()
        let proxyAddress = await context.timeBox.run(limit: context.limits.dns) {
            try? await resolver.resolve(host: proxy.host, port: proxy.port).first
        }
        guard let address = proxyAddress ?? nil else {
            return .keyed(.network, .fail, "network.proxyUnreachable", host, proxy.displayName)
        }
        let connectMs = context.timeBox.budgetMilliseconds(context.limits.connect)
        let probe = ConnectionProbe(additionalTrustRootsPEM: [])
        let result = await context.timeBox.run(limit: context.limits.connect) {
            await probe.probe(address, serverName: nil, connectMs: connectMs, tlsMs: 0)
        }
        guard case .success(let outcome)? = result else {
            return .keyed(.network, .fail, "network.proxyUnreachable", host, proxy.displayName)
        }
        return .keyed(.network, .ok, "network.viaProxy", host, proxy.displayName, String(outcome.tcpMilliseconds))
    }

    private func probeEmulator(hosts host: String, connectTo: String) async -> Finding {
        guard let parsed = try? RouteResolver.parseConnectTo(connectTo) else {
            return .keyed(.network, .fail, "network.connectToInvalid", connectTo)
        }
        let (ip, port) = (parsed.host, parsed.port)
        let resolved = ip == "localhost" ? "127.0.0.1" : ip
        let connectMs = context.timeBox.budgetMilliseconds(context.limits.connect)
        let probe = ConnectionProbe(additionalTrustRootsPEM: [])
        let result = await context.timeBox.run(limit: context.limits.connect) {
            await probe.probe(ResolvedAddress(ip: resolved, port: port), serverName: nil, connectMs: connectMs, tlsMs: 0)
        }
        guard case .success? = result else {
            return .keyed(.network, .fail, "network.emulatorDown", host, connectTo)
        }
        return .keyed(.network, .warn, "network.emulator", host, connectTo)
    }

    // MARK: - Helpers

    /// `host[:port]` → name and port.
    static func split(_ host: String) -> (String, Int?) {
        guard !host.hasPrefix("["), let colon = host.lastIndex(of: ":"), let port = Int(host[host.index(after: colon)...]) else { return (host, nil) }
        return (String(host[..<colon]), port)
    }

    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) + Double(attoseconds) / 1e18
        return value == value.rounded() ? String(Int(value)) : String((value * 10).rounded() / 10)
    }
}
