import CredentialsCore
import Foundation
@testable import RegistryCredentials
import Testing

@Suite("docker/podman credHelpers editing and auths rendering")
struct ConfigFileEditingTests {
    let existing = """
        {
          "auths": {"ghcr.io": {"auth": "eDp5"}},
          "credsStore": "desktop",
          "credHelpers": {"gcr.io": "gcloud", "registry.cn-hangzhou.aliyuncs.com": "acr-env"},
          "psFormat": "table {{.ID}}"
        }
        """

    @Test("the file locations: DOCKER_CONFIG or ~/.docker; XDG_CONFIG_HOME or ~/.config for containers")
    func locations() {
        #expect(CredentialHelperConfigFile.docker(environment: Environment(["HOME": "/h"])).path == "/h/.docker/config.json")
        #expect(CredentialHelperConfigFile.docker(environment: Environment(["HOME": "/h", "DOCKER_CONFIG": "/d"])).path == "/d/config.json")
        #expect(CredentialHelperConfigFile.podman(environment: Environment(["HOME": "/h"])).path == "/h/.config/containers/auth.json")
        #expect(CredentialHelperConfigFile.podman(environment: Environment(["HOME": "/h", "XDG_CONFIG_HOME": "/x"])).path == "/x/containers/auth.json")
        #expect(CredentialHelperConfigFile.helperName() == "cloudcred" && CredentialHelperConfigFile.helperName(profile: "prod") == "cloudcred-prod")
    }

    @Test("configure keeps every other key, their order and the file's mode; tab layout; idempotent")
    func configureKeeps() throws {
        let path = try makeTemporaryDirectory() + "/config.json"
        try writeFile(path, existing, mode: 0o640)
        let file = CredentialHelperConfigFile(path: path)
        let edit = try file.configure(hosts: ["https://registry.cn-hangzhou.aliyuncs.com/v2/", "swr.cn-north-4.myhuaweicloud.com"])
        #expect(edit.changed && edit.added == ["registry.cn-hangzhou.aliyuncs.com", "swr.cn-north-4.myhuaweicloud.com"])
        #expect(readFile(path) == """
            {
            \t"auths": {
            \t\t"ghcr.io": {
            \t\t\t"auth": "eDp5"
            \t\t}
            \t},
            \t"credsStore": "desktop",
            \t"credHelpers": {
            \t\t"gcr.io": "gcloud",
            \t\t"registry.cn-hangzhou.aliyuncs.com": "cloudcred",
            \t\t"swr.cn-north-4.myhuaweicloud.com": "cloudcred"
            \t},
            \t"psFormat": "table {{.ID}}"
            }

            """)
        #expect(permissions(path) == 0o640)
        let again = try file.configure(hosts: ["registry.cn-hangzhou.aliyuncs.com"])
        #expect(!again.changed && again.text == readFile(path))
    }

    @Test("a new file is 0600 in a new 0700 directory; a profile helper name")
    func newFile() throws {
        let directory = try makeTemporaryDirectory() + "/containers"
        let edit = try CredentialHelperConfigFile(path: directory + "/auth.json").configure(hosts: ["images.example.com:5000"], helper: "cloudcred-prod")
        #expect(edit.text == "{\n\t\"credHelpers\": {\n\t\t\"images.example.com:5000\": \"cloudcred-prod\"\n\t}\n}\n")
        #expect(permissions(directory) == 0o700 && permissions(directory + "/auth.json") == 0o600)
    }

    @Test("a symlinked config file is followed: the link stays, its target changes")
    func symlink() throws {
        let directory = try makeTemporaryDirectory()
        try writeFile(directory + "/dotfiles/docker.json", #"{"auths": {}}"#, mode: 0o644)
        try FileManager.default.createDirectory(atPath: directory + "/.docker", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory + "/.docker/config.json", withDestinationPath: "../dotfiles/docker.json")
        let edit = try CredentialHelperConfigFile(path: directory + "/.docker/config.json").configure(hosts: ["registry.cn-beijing.aliyuncs.com"])
        #expect(edit.path == directory + "/.docker/../dotfiles/docker.json")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory + "/.docker/config.json") == "../dotfiles/docker.json")
        #expect(readFile(directory + "/dotfiles/docker.json").contains("\"registry.cn-beijing.aliyuncs.com\": \"cloudcred\""))
        #expect(permissions(directory + "/dotfiles/docker.json") == 0o644)
    }

    @Test("dry run returns the new text and writes nothing; undo removes only our entries")
    func dryRunAndUndo() throws {
        let path = try makeTemporaryDirectory() + "/config.json"
        try writeFile(path, existing)
        let file = CredentialHelperConfigFile(path: path)
        let preview = try file.configure(hosts: ["swr.cn-north-4.myhuaweicloud.com"], dryRun: true)
        #expect(preview.changed && preview.text.contains("swr.cn-north-4.myhuaweicloud.com") && readFile(path) == existing)

        _ = try file.configure(hosts: ["swr.cn-north-4.myhuaweicloud.com"])
        _ = try file.configure(hosts: ["images.example.com"], helper: "cloudcred-prod")
        let onlyProd = try file.undo(helper: "cloudcred-prod", dryRun: true)
        #expect(onlyProd.removed == ["images.example.com"] && readFile(path).contains("images.example.com"))
        let undo = try file.undo()
        #expect(undo.removed == ["swr.cn-north-4.myhuaweicloud.com", "images.example.com"])
        let helpers = try #require(try JSONValue.parse(readFile(path))["credHelpers"]?.objectValue)
        #expect(helpers.keys == ["gcr.io", "registry.cn-hangzhou.aliyuncs.com"])

        let other = try makeTemporaryDirectory() + "/config.json"
        try writeFile(other, #"{"credHelpers": {"swr.cn-north-4.myhuaweicloud.com": "cloudcred"}, "x": 1}"#)
        _ = try CredentialHelperConfigFile(path: other).undo(hosts: ["https://swr.cn-north-4.myhuaweicloud.com"])
        #expect(readFile(other) == "{\n\t\"x\": 1\n}\n")
    }

    @Test("broken JSON, a non-object file or credHelpers: an error naming the file, the file untouched", arguments: [
        "{\"auths\": {", "[1]", #"{"credHelpers": ["x"]}"#,
    ])
    func broken(text: String) throws {
        let path = try makeTemporaryDirectory() + "/config.json"
        try writeFile(path, text)
        let error = #expect(throws: CredentialsError.self) { try CredentialHelperConfigFile(path: path).configure(hosts: ["registry.cn-hangzhou.aliyuncs.com"]) }
        #expect(error?.message.contains(path) == true)
        #expect(error?.message.contains("left as it was") == true)
        #expect(readFile(path) == text)
    }

    @Test("write-docker-config: auths with base64(user:password), tab layout")
    func auths() throws {
        let text = DockerAuthsFile.render(logins: [
            (host: "registry.cn-hangzhou.aliyuncs.com", username: "cr_temp_user", password: "pa:ss"),
            (host: "swr.cn-north-4.myhuaweicloud.com", username: "cn-north-4@AK", password: "abc"),
        ])
        #expect(text == """
            {
            \t"auths": {
            \t\t"registry.cn-hangzhou.aliyuncs.com": {
            \t\t\t"auth": "Y3JfdGVtcF91c2VyOnBhOnNz"
            \t\t},
            \t\t"swr.cn-north-4.myhuaweicloud.com": {
            \t\t\t"auth": "Y24tbm9ydGgtNEBBSzphYmM="
            \t\t}
            \t}
            }

            """)
        for sample in ["", "f", "fo", "foo", "foob", "fooba", "foobar"] {
            #expect(Base64.encode(Array(sample.utf8)) == Data(sample.utf8).base64EncodedString())
        }
    }
}
