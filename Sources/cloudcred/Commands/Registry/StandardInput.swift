#if canImport(Glibc)
import Glibc
#endif

/// Reads all of stdin (bounded), for `--password-stdin` and the kubelet request.
enum StandardInput {
    static let limit = 1 << 20

    static func readAllBytes() -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while bytes.count < limit {
            let count = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return bytes
    }

    static func readAll() -> String { String(decoding: readAllBytes(), as: UTF8.self) }
}

extension String {
    /// Without one trailing `\n` (or `\r\n`), as `docker login --password-stdin` reads it.
    func droppingOneTrailingNewline() -> String {
        // "\r\n" is one Character, so one dropLast() removes either ending.
        hasSuffix("\r\n") || hasSuffix("\n") ? String(dropLast()) : self
    }
}
