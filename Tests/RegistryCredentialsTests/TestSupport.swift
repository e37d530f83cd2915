import CredentialsCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A fresh directory under the system temp dir for one test.
func makeTemporaryDirectory(_ label: String = "regcreds") throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// The permission bits of a file or directory (following links).
func permissions(_ path: String) -> UInt32 {
    var info = stat()
    guard stat(path, &info) == 0 else { return 0 }
    return UInt32(info.st_mode) & 0o7777
}

/// The names in a directory, sorted.
func directoryNames(_ path: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
}

/// Writes a text file (creating parents).
func writeFile(_ path: String, _ text: String, mode: Int? = nil) throws {
    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: path, atomically: false, encoding: .utf8)
    if let mode { try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path) }
}

/// The text of a file, "" when unreadable.
func readFile(_ path: String) -> String {
    (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
}

/// An environment with only `HOME` (and what is given).
func testEnvironment(home: String, _ extra: [String: String] = [:]) -> Environment {
    var values = ["HOME": home, "PATH": "/usr/bin:/bin"]
    values.merge(extra) { _, new in new }
    return Environment(values)
}
