#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CredentialsCore

/// A cheap summary of everything that decides which cloud credentials are found: when it changes, a
/// remembered failure is forgotten (the user fixed something), without reading any file.
public enum SourceFingerprint {
    /// SHA-256 (hex) over: `stat` (mtime in ns, size, inode) of the tool config, `~/.aliyun/config.json`
    /// (or `ALIBABA_CLOUD_CONFIG_FILE`), `ALIBABA_CLOUD_CREDENTIALS_FILE` or `~/.alibabacloud/credentials`,
    /// `HUAWEICLOUD_SDK_CREDENTIALS_FILE` or `~/.huaweicloud/credentials`; and every `ALIBABA_CLOUD_*` and
    /// `HUAWEICLOUD_*` variable with its value. Only the digest is kept, so no secret can be read back.
    public static func current(environment: Environment, toolConfigPath: String) -> String {
        let files = [
            toolConfigPath,
            environment.nonEmpty("ALIBABA_CLOUD_CONFIG_FILE") ?? CloudcredPaths.inHome(".aliyun/config.json", environment),
            CredentialSource.alibabaCredentialsFile(environment),
            CredentialSource.huaweiCredentialsFile(environment),
        ]
        var text = "v1\n"
        for file in files { text += "\(file)\t\(statSummary(file))\n" }
        let variables = environment.values
            .filter { $0.key.hasPrefix("ALIBABA_CLOUD_") || $0.key.hasPrefix("HUAWEICLOUD_") }
            .sorted { $0.key < $1.key }
        for (name, value) in variables { text += "\(name)=\(value)\0" }
        return SHA256.hexDigest(Array(text.utf8))
    }

    /// `mtime-ns:size:inode`, or `-` for a missing file.
    private static func statSummary(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "-" }
        let nanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        return "\(nanoseconds):\(info.st_size):\(info.st_ino)"
    }
}
