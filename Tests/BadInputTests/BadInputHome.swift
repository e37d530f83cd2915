import CloudcredTestSupport
import CloudEmulator
import Foundation

/// Planting a row's files in a fresh HOME.
enum BadInputHome {
    static func expand(_ text: String, home: String) -> String {
        text == "~" ? home : text.replacingOccurrences(of: "~/", with: home + "/")
    }

    static func plant(_ files: [(String, BadInput.Plant)], home: String) throws {
        for (relative, plant) in files {
            let path = expand(relative, home: home)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            switch plant {
            case .text(let text): try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            case .bytes(let bytes): try Data(bytes).write(to: URL(fileURLWithPath: path))
            case .huge(let megabytes, let prefix):
                var data = Data(prefix.utf8)
                data.append(Data(repeating: 0x20, count: megabytes << 20 - data.count))
                try data.write(to: URL(fileURLWithPath: path))
            case .directory: try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            case .unreadable(let text):
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
                chmod(path, 0)
            case .fifo: mkfifo(path, 0o600)
            }
        }
    }

    static func remove(_ home: String) {
        try? FileManager.default.removeItem(atPath: home)
    }
}

/// The emulator faults of the server-answer rows.
enum BadInputFaults {
    static func rule(_ fault: BadInput.Fault) -> FaultRule {
        switch fault {
        case .credentialsURI(let kind): FaultRule(endpoint: .credentialsURI, effect: effect(kind))
        case .sts(let kind): FaultRule(endpoint: .sts, effect: effect(kind))
        }
    }

    static func effect(_ kind: BadInput.EffectKind) -> FaultEffect {
        switch kind {
        case .malformed: .malformedBody
        case .truncated: .truncatedBody
        case .wrongTypes: .wrongTypes(fields: ["AccessKeyId", "Expiration"])
        case .missingFields: .missingFields(["AccessKeyId", "Credentials"])
        case .status500: .status(500)
        case .status403: .status(403, code: "Forbidden.RAM", message: "not allowed")
        case .expired: .expiredCredentials(secondsAgo: 3600)
        case .emptyBody: .status(200, body: "")
        }
    }
}
