import CloudEmulator
import CloudcredTestSupport
import Foundation

/// One scenario of the binary scan: a world (emulator, HOME, canaries planted) and the commands run in it.
struct LeakScenario: Sendable, CustomStringConvertible {
    var name: String
    /// Plants files and environment variables, runs the commands; may add emulator faults.
    var body: @Sendable (LeakWorld) async throws -> Void

    var description: String { name }

    /// Every scenario of the binary scan.
    static var all: [LeakScenario] {
        AlibabaLeakScenarios.all + RegistryLeakScenarios.all + FaultLeakScenarios.all
    }
}

/// Runs scenarios (at most `width` at once: each starts an emulator and many processes) and returns every channel,
/// the emulator's issued secrets and the scenarios that could not run.
enum LeakScenarioRunner {
    struct Outcome: Sendable {
        var channels: [ScannedChannel] = []
        var issuedSecrets: [LeakRules.Canary] = []
        var errors: [String] = []
        /// The slowest runs of each scenario (label, seconds).
        var slowest: [(String, Double)] = []
    }

    static func run(_ scenarios: [LeakScenario], rules: LeakRules, width: Int = 3) async -> Outcome {
        await withTaskGroup(of: Outcome.self) { group in
            var pending = scenarios.makeIterator()
            for _ in 0..<width {
                guard let scenario = pending.next() else { break }
                group.addTask { await runOne(scenario, rules: rules) }
            }
            var outcome = Outcome()
            for await one in group {
                outcome.channels += one.channels
                outcome.issuedSecrets += one.issuedSecrets
                outcome.errors += one.errors
                outcome.slowest += one.slowest
                if let scenario = pending.next() { group.addTask { await runOne(scenario, rules: rules) } }
            }
            return outcome
        }
    }

    private static func runOne(_ scenario: LeakScenario, rules: LeakRules) async -> Outcome {
        let world: LeakWorld
        do {
            world = try await LeakWorld(scenario: scenario.name, rules: rules, configuration: LeakIdentities.configuration(rules))
        } catch {
            return Outcome(errors: ["\(scenario.name): cannot start: \(error)"])
        }
        var errors: [String] = []
        do {
            try await scenario.body(world)
        } catch {
            errors.append("\(scenario.name): \(error)")
        }
        errors += world.problems
        let issued = world.issuedSecrets()
        let slowest = world.slowest(3)
        let channels = await world.finish()
        return Outcome(channels: channels, issuedSecrets: issued, errors: errors, slowest: slowest)
    }
}
