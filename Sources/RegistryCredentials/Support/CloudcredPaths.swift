import CredentialsCore

/// Where cloudcred keeps its files, by the XDG base-directory rules (relative XDG values are ignored, as
/// the specification asks).
enum CloudcredPaths {
    /// `$CLOUDCRED_CONFIG`, else `$XDG_CONFIG_HOME/cloudcred/config.json`, else `~/.config/cloudcred/config.json`.
    static func toolConfig(_ environment: Environment) -> String {
        if let path = environment.nonEmpty("CLOUDCRED_CONFIG") { return path }
        return configHome(environment) + "/cloudcred/config.json"
    }

    /// `$CLOUDCRED_CACHE_DIR`, else `$XDG_CACHE_HOME/cloudcred`, else `~/.cache/cloudcred`.
    static func cacheDirectory(_ environment: Environment) -> String {
        if let path = environment.nonEmpty("CLOUDCRED_CACHE_DIR") { return path }
        return xdg("XDG_CACHE_HOME", default: ".cache", environment) + "/cloudcred"
    }

    /// `$XDG_DATA_HOME/cloudcred`, else `~/.local/share/cloudcred`.
    static func dataDirectory(_ environment: Environment) -> String {
        xdg("XDG_DATA_HOME", default: ".local/share", environment) + "/cloudcred"
    }

    /// `$XDG_CONFIG_HOME`, else `~/.config`.
    static func configHome(_ environment: Environment) -> String {
        xdg("XDG_CONFIG_HOME", default: ".config", environment)
    }

    /// The home directory (`HOME`), `/` when unset.
    static func home(_ environment: Environment) -> String {
        environment.homeDirectory()
    }

    /// `path` joined to the home directory with exactly one `/`.
    static func inHome(_ relative: String, _ environment: Environment) -> String {
        let home = home(environment)
        return (home.hasSuffix("/") ? home : home + "/") + relative
    }

    private static func xdg(_ variable: String, default relative: String, _ environment: Environment) -> String {
        if let value = environment.nonEmpty(variable), value.hasPrefix("/") { return value }
        return inHome(relative, environment)
    }
}
