/// One entry of a registry token's `access` claim, and of a token request's `scope`:
/// `repository:ns/app:pull,push` → type `repository`, name `ns/app`, actions `pull`, `push`.
struct RegistryAccess: Sendable, Equatable {
    var type: String
    var name: String
    var actions: [String]

    /// Parses one scope; nil when it has no `type:name:actions` shape. The name may itself hold `:` (a port).
    init?(scope: String) {
        guard let firstColon = scope.firstIndex(of: ":"), let lastColon = scope.lastIndex(of: ":"), firstColon < lastColon
        else { return nil }
        type = String(scope[..<firstColon])
        name = String(scope[scope.index(after: firstColon)..<lastColon])
        actions = scope[scope.index(after: lastColon)...].split(separator: ",").map(String.init)
        guard !type.isEmpty, !name.isEmpty else { return nil }
    }

    init(type: String, name: String, actions: [String]) {
        self.type = type
        self.name = name
        self.actions = actions
    }

    /// Every scope of a token request: each `scope` parameter, each of them possibly space-separated.
    static func requested(by queryItems: [(name: String, value: String)]) -> [RegistryAccess] {
        queryItems.filter { $0.name == "scope" }
            .flatMap { $0.value.split(separator: " ") }
            .compactMap { RegistryAccess(scope: String($0)) }
    }

    /// The claim entry as JSON: `{"type": …, "name": …, "actions": […]}`.
    var json: JSONValue {
        .object(["type": .string(type), "name": .string(name), "actions": .array(actions.map(JSONValue.string))])
    }
}
