// Stamped by scripts/build-release during a release build and restored afterwards.
enum BuildInfo {
    static let gitCommit = "unknown"
}
