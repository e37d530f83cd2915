/// The version of cloudcred, shown by `cloudcred --version` and the helper's `version`.
public enum CloudcredVersion {
    public static let version = "0.1.0"
    /// The git commit, stamped by `scripts/build-release`; `unknown` in development builds.
    public static let gitCommit = BuildInfo.gitCommit
}
