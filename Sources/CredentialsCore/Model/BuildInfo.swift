/// The git commit a binary was built from.
///
/// No source file is rewritten for a release: `scripts/build-release` stamps the commit into the linked,
/// stripped binaries by overwriting the fixed-length placeholder below in place (same length, ASCII, so the
/// string's stored count and flags stay valid). Development builds keep the placeholder and say `unknown`.
enum BuildInfo {
    /// The stamp's marker; the commit follows it, then padding up to the placeholder's fixed length.
    static let marker = "@(cloudcred-git-commit)="
    /// What pads the commit to the fixed length (never part of a commit string).
    static let padding: Character = "#"

    static let gitCommit: String = commit(fromStamp: stamp())

    /// The placeholder, 64 ASCII bytes: marker, `unknown`, padding. Read through a function the optimizer
    /// leaves alone, so the bytes are read from the binary at run time and never folded at compile time.
    @inline(never) @_optimize(none)
    static func stamp() -> String {
        "@(cloudcred-git-commit)=unknown#################################"
    }

    /// The commit held by a stamp: the text after the marker up to the padding; `unknown` if malformed.
    static func commit(fromStamp stamp: String) -> String {
        guard stamp.hasPrefix(marker) else { return "unknown" }
        let value = stamp.dropFirst(marker.count).prefix { $0 != padding }
        return value.isEmpty ? "unknown" : String(value)
    }
}
