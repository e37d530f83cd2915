import CredentialsCore
import RegistryCredentials

#if canImport(Glibc)
import Glibc
#endif

/// Standard input and output without Foundation: unbuffered `read(2)`/`write(2)`.
enum HelperIO {
    /// All of standard input (at most `limit` bytes) as text.
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

    static func writeOut(_ text: String) { write(text, to: 1) }

    static func writeErr(_ text: String) { write(text, to: 2) }

    /// Writes every byte of `text` to `fd`, retrying on `EINTR`; gives up silently on other errors.
    static func write(_ text: String, to fd: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }

    /// The protocol's answer to `get`: `{"ServerURL":…,"Username":…,"Secret":…}` and a newline.
    static func credentialsJSON(serverURL: String, username: String, secret: String) -> String {
        let object: JSONValue = ["ServerURL": .string(serverURL), "Username": .string(username), "Secret": .string(secret)]
        return object.serialized(style: .compact) + "\n"
    }

    /// `text` on one line (line breaks become spaces).
    static func oneLine(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}

extension String {
    /// The text without leading and trailing whitespace.
    var trimmingWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
