import CredentialsCore

/// A Docker `config.json` with plain `auths` entries, for places that cannot run a credential helper
/// (kaniko, CI images): `cloudcred write-docker-config`.
public enum DockerAuthsFile {
    /// `{"auths": {"<host>": {"auth": "<base64 of user:password>"}}}` in the Docker CLI's layout (tabs),
    /// with a final newline; hosts in the order given (a repeated host keeps its last login).
    public static func render(logins: [(host: String, username: String, password: String)]) -> String {
        var auths = JSONObject()
        for login in logins {
            auths[login.host] = ["auth": .string(Base64.encode(Array("\(login.username):\(login.password)".utf8)))]
        }
        let document: JSONValue = ["auths": .object(auths)]
        return document.serialized(style: .dockerCLI) + "\n"
    }
}
