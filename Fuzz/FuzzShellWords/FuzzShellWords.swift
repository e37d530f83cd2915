import CredentialsCore
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func libFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzShellWords.libFuzzerEntry(data, size)
}

#if !CLOUDCRED_FUZZING
@main extension FuzzShellWords {}
#endif

/// `ShellWords.split` (CredentialsCore), which splits the `External` profile's `process_command` like `shlex.split`.
///
/// Invariants: only a quote or a backslash can make a command fail; a command with neither splits exactly at
/// whitespace; the words, quoted again (`'…'`, with `'\''` for a quote), split back into the same words; no
/// word of a command without quotes is empty.
enum FuzzShellWords: FuzzTarget {
    static let whitespace: Set<Unicode.Scalar> = [" ", "\t", "\r", "\n"]

    static func test(_ input: [UInt8]) {
        let command = String(decoding: input, as: UTF8.self)
        let special = command.unicodeScalars.contains { $0 == "'" || $0 == "\"" || $0 == "\\" }
        let words: [String]
        do {
            words = try ShellWords.split(command)
        } catch {
            Invariant.check(special, "\(error) for a command without quotes or backslashes: \(Quoted(command))")
            return
        }
        if !special {
            let plain = command.unicodeScalars.split(whereSeparator: { whitespace.contains($0) }).map { String(String.UnicodeScalarView($0)) }
            Invariant.check(words == plain, "a plain command split differently: \(words) vs \(plain)")
        }
        if !command.unicodeScalars.contains(where: { $0 == "'" || $0 == "\"" }) {
            Invariant.check(!words.contains(""), "an empty word without quotes: \(Quoted(command))")
        }
        let requoted = words.map { "'" + $0.replacing("'", with: #"'\''"#) + "'" }.joined(separator: " ")
        let again = try? ShellWords.split(requoted)
        Invariant.check(again == words, "the quoted words split differently: \(Quoted(requoted))")
        for word in words where !word.isEmpty {
            Invariant.check(word.unicodeScalars.count <= command.unicodeScalars.count, "a word longer than the command")
        }
    }
}
