/// Broken, mistyped, huge, binary, missing, unreadable and oddly encoded files, for every file cloudcred reads.
enum FileRows {
    static let canary = BadInput.canary

    /// The damaged variants every JSON file gets: (label, plant).
    static func jsonVariants(valid: String) -> [(String, BadInput.Plant)] {
        [
            ("truncated JSON", .text(String(valid.prefix(valid.count / 2)))),
            ("trailing comma", .text("{\"a\": 1,}")),
            ("single quotes", .text("{'current': 'p'}")),
            ("a JSON array instead of an object", .text("[1, 2, 3]")),
            ("a bare string", .text("\"just a string\"")),
            ("empty object nesting 10000 deep", .text(String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000))),
            ("binary garbage", .bytes((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) })),
            ("invalid UTF-8", .bytes(Array("{\"current\": \"".utf8) + [0xff, 0xfe, 0xc3, 0x28] + Array("\"}".utf8))),
            ("a NUL byte inside", .bytes(Array("{\"current\": \"p\u{0}q\", ".utf8) + [0] + Array("}".utf8))),
            ("a 50 MB file", .huge(megabytes: 50, prefix: "{\"current\": \"p\", \"pad\": \"")),
            ("a directory", .directory),
            ("a FIFO with no writer", .fifo),
            ("unreadable (mode 000)", .unreadable(valid)),
        ]
    }

    static let aliyunValid = """
        {"current": "p", "profiles": [{"name": "p", "mode": "AK", "access_key_id": "LTAIbadinput", "access_key_secret": "\(canary)"}]}
        """

    static var rows: [BadInput] {
        var rows: [BadInput] = []
        let aliyun = "~/.aliyun/config.json"
        for (label, plant) in jsonVariants(valid: aliyunValid) {
            rows.append(BadInput(category: .aliyunConfig, label: label, arguments: ["credentials", "--profile", "p"], files: [(aliyun, plant)], names: [aliyun]))
        }
        rows += [
            BadInput(category: .aliyunConfig, label: "profiles is a string", arguments: ["credentials", "--profile", "p"],
                     files: [(aliyun, .text("{\"current\": \"p\", \"profiles\": \"p\"}"))], names: ["'p'", "cli credentials file"]),
            BadInput(category: .aliyunConfig, label: "access_key_id is a number", arguments: ["credentials", "--profile", "p"],
                     files: [(aliyun, .text("{\"profiles\": [{\"name\": \"p\", \"mode\": \"AK\", \"access_key_id\": 42, \"access_key_secret\": \"\(canary)\"}]}"))], names: ["access key id"]),
            BadInput(category: .aliyunConfig, label: "unknown mode with RTL marks", arguments: ["credentials", "--profile", "p"],
                     files: [(aliyun, .text("{\"profiles\": [{\"name\": \"p\", \"mode\": \"A\u{202E}K\u{200F}\", \"access_key_secret\": \"\(canary)\"}]}"))], names: ["mode"]),
            BadInput(category: .aliyunConfig, label: "UTF-8 BOM then broken JSON", arguments: ["credentials", "--profile", "p"],
                     files: [(aliyun, .bytes([0xef, 0xbb, 0xbf] + Array("{\"profiles\": [".utf8)))], names: [aliyun]),
            BadInput(category: .aliyunConfig, label: "ALIBABA_CLOUD_CONFIG_FILE names a missing file", arguments: ["credentials"],
                     environment: ["ALIBABA_CLOUD_CONFIG_FILE": "~/missing/config.json"], names: ["~/missing/config.json"]),
        ]

        let ini = "~/.alibabacloud/credentials.ini"
        let iniVariants: [(String, BadInput.Plant, [String])] = [
            ("a section header never closed", .text("[p\ntype = access_key\n"), [ini]),
            ("an option outside any section", .text("type = access_key\n[p]\n"), [ini]),
            ("a line without =", .text("[p]\ntype access_key\n"), [ini]),
            ("unknown type", .text("[p]\ntype = nonsense\naccess_key_id = a\naccess_key_secret = \(canary)\n"), ["nonsense"]),
            ("type with a line break (F5)", .text("[p]\ntype = access\n  _key\naccess_key_id = a\naccess_key_secret = \(canary)\n"), [ini]),
            ("access_key without a secret", .text("[p]\ntype = access_key\naccess_key_id = a\n"), ["access key secret"]),
            ("binary garbage", .bytes((0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 5) }), [ini]),
            ("invalid UTF-8", .bytes(Array("[p]\ntype = ".utf8) + [0xc0, 0xaf, 0xff] + Array("\n".utf8)), [ini]),
            ("a 50 MB file", .huge(megabytes: 50, prefix: "[p]\ntype = access_key\nx = "), [ini]),
            ("a directory", .directory, [ini]),
            ("unreadable (mode 000)", .unreadable("[p]\ntype = access_key\naccess_key_id = a\naccess_key_secret = \(canary)\n"), [ini]),
        ]
        for (label, plant, names) in iniVariants {
            rows.append(BadInput(
                category: .credentialsINI, label: label, arguments: ["credentials", "--profile", "p"], files: [(ini, plant)], names: names,
                knownIssue: nil))
        }
        rows.append(BadInput(category: .credentialsINI, label: "ALIBABA_CLOUD_CREDENTIALS_FILE names a missing file", arguments: ["credentials"],
                             environment: ["ALIBABA_CLOUD_CREDENTIALS_FILE": "~/nope.ini"], names: ["~/nope.ini"]))

        let huawei = "~/.huaweicloud/credentials"
        let swr = ["get-login-password", "swr.cn-north-4.myhuaweicloud.com"]
        let huaweiVariants: [(String, BadInput.Plant, [String])] = [
            ("no [basic] section", .text("[other]\nak = a\nsk = \(canary)\n"), [huawei]),
            ("ak without sk", .text("[basic]\nak = a\n"), [huawei]),
            ("a broken section header", .text("[basic\nak = a\nsk = \(canary)\n"), [huawei]),
            ("binary garbage", .bytes((0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 17 &+ 3) }), [huawei]),
            ("a 50 MB file", .huge(megabytes: 50, prefix: "[basic]\nak = "), [huawei]),
            ("a directory", .directory, [huawei]),
            ("unreadable (mode 000)", .unreadable("[basic]\nak = a\nsk = \(canary)\n"), [huawei]),
        ]
        for (label, plant, names) in huaweiVariants {
            rows.append(BadInput(category: .huaweiProfile, label: label, arguments: swr, files: [(huawei, plant)], names: names))
        }
        rows.append(BadInput(category: .huaweiProfile, label: "HUAWEICLOUD_SDK_CREDENTIALS_FILE names a missing file", arguments: swr,
                             environment: ["HUAWEICLOUD_SDK_CREDENTIALS_FILE": "~/nope-huawei"], names: ["~/nope-huawei"]))

        let tool = "~/.config/cloudcred/config.json"
        let acr = ["get-login-password", "registry.cn-hangzhou.aliyuncs.com"]
        for (label, plant) in jsonVariants(valid: "{\"registries\": []}") where label != "a FIFO with no writer" {
            rows.append(BadInput(category: .toolConfig, label: label, arguments: acr, files: [(tool, plant)], names: [tool]))
        }
        rows += [
            BadInput(category: .toolConfig, label: "a rule whose match is a number", arguments: acr,
                     files: [(tool, .text("{\"registries\": [{\"match\": 5, \"kind\": \"acr\"}]}"))], names: [tool]),
            BadInput(category: .toolConfig, label: "a match pattern with a bad label (F3)", arguments: acr,
                     files: [(tool, .text("{\"registries\": [{\"match\": \"-bad.example.com\", \"kind\": \"acr\", \"region\": \"cn-hangzhou\"}]}"))],
                     names: [tool]),
            BadInput(category: .toolConfig, label: "a region with a line break (F4)", arguments: acr,
                     files: [(tool, .text("{\"registries\": [{\"match\": \"r.example.com\", \"kind\": \"acr\", \"region\": \"cn\\nnorth\"}]}"))],
                     names: [tool]),
            BadInput(category: .toolConfig, label: "CLOUDCRED_CONFIG names a missing file (F7)", arguments: acr,
                     environment: ["CLOUDCRED_CONFIG": "~/no-such-config.json"], names: ["~/no-such-config.json"]),
        ]

        let docker = "~/.docker/config.json"
        let configureDocker = ["configure-docker", "--registries", "registry.cn-hangzhou.aliyuncs.com"]
        for (label, plant) in jsonVariants(valid: "{\"auths\": {\"r.example.com\": {\"auth\": \"\(canary)\"}}}") {
            rows.append(BadInput(category: .dockerConfig, label: label, arguments: configureDocker, files: [(docker, plant)], names: [docker]))
        }
        rows += [
            BadInput(category: .dockerConfig, label: "credHelpers is a list", arguments: configureDocker,
                     files: [(docker, .text("{\"credHelpers\": [\"x\"], \"auths\": {\"r\": {\"auth\": \"\(canary)\"}}}"))], names: [docker, "credHelpers"]),
            BadInput(category: .dockerConfig, label: "DOCKER_CONFIG is a file, not a directory", arguments: configureDocker,
                     files: [("~/dockercfg", .text("{}"))], environment: ["DOCKER_CONFIG": "~/dockercfg"], names: ["~/dockercfg"]),
        ]

        let podman = "~/.config/containers/auth.json"
        let configurePodman = ["configure-podman", "--registries", "registry.cn-hangzhou.aliyuncs.com"]
        for (label, plant) in jsonVariants(valid: "{\"auths\": {}}") where ["truncated JSON", "a JSON array instead of an object", "binary garbage", "a directory", "unreadable (mode 000)", "invalid UTF-8"].contains(label) {
            rows.append(BadInput(category: .podmanAuth, label: label, arguments: configurePodman, files: [(podman, plant)], names: [podman]))
        }
        return rows
    }
}
