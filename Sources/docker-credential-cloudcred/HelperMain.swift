import CredentialsCore

#if canImport(Glibc)
import Glibc
#endif

/// The docker-credential-helpers protocol: one verb in argv[1], the payload on stdin, the answer on stdout,
/// errors as one line on stdout with exit status 1.
enum HelperMain {
    static let notFound = "credentials not found in native keychain"

    static func run(arguments: [String]) -> Int32 {
        guard arguments.count == 2 else {
            writeOut("Usage: \(programName(arguments)) <store|get|erase|list|version>\n")
            return 1
        }
        switch arguments[1] {
        case "version", "--version", "-v":
            writeOut("docker-credential-cloudcred \(CloudcredVersion.version) (commit \(CloudcredVersion.gitCommit))\n")
            return 0
        case "get":
            let serverURL = readStdin().trimmingWhitespace
            guard !serverURL.isEmpty else {
                writeOut("no credentials server URL\n")
                return 1
            }
            // Registry hosts of ours are answered in a later step; every other host is not ours.
            writeOut(notFound + "\n")
            return 1
        case "list":
            writeOut("{}\n")
            return 0
        case "store", "erase":
            _ = readStdin()
            writeOut("not implemented yet in this build\n")
            return 1
        default:
            writeOut("\(programName(arguments)): unknown action: \(arguments[1])\n")
            return 1
        }
    }

    static func programName(_ arguments: [String]) -> String {
        guard let first = arguments.first else { return "docker-credential-cloudcred" }
        return String(first.split(separator: "/").last ?? Substring(first))
    }

    static func readStdin(limit: Int = 1 << 20) -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while bytes.count < limit {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func writeOut(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
