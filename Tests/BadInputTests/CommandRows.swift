/// Bad command lines for each command, bad environment variables, and bad server answers.
enum CommandRows {
    static let canary = BadInput.canary

    static func arguments(_ label: String, _ arguments: [String], names: [String]) -> BadInput {
        BadInput(category: .arguments, label: label, arguments: arguments, names: names, hint: "--help", status: 64)
    }

    static var argumentRows: [BadInput] {
        [
            arguments("an unknown option", ["--bogus"], names: ["--bogus"]),
            arguments("an unknown command", ["fly"], names: ["fly"]),
            arguments("credentials --profile without a value", ["credentials", "--profile"], names: ["--profile"]),
            arguments("credentials with an extra argument", ["credentials", "extra"], names: ["extra"]),
            arguments("get-login-password without a host", ["get-login-password"], names: ["<host>"]),
            arguments("get-login-password with two hosts", ["get-login-password", "a.example.com", "b.example.com"], names: ["b.example.com"]),
            arguments("get-login --tool-profile without a value", ["get-login", "registry.cn-hangzhou.aliyuncs.com", "--tool-profile"], names: ["--tool-profile"]),
            arguments("login without a host", ["login"], names: ["<host>"]),
            arguments("logout without a host", ["logout"], names: ["<host>"]),
            arguments("configure-docker --registries without a value", ["configure-docker", "--registries"], names: ["--registries"]),
            arguments("configure-podman with an unknown flag", ["configure-podman", "--force"], names: ["--force"]),
            arguments("cache with an unknown subcommand", ["cache", "purge"], names: ["purge"]),
            arguments("cache list with an extra argument", ["cache", "list", "x"], names: ["x"]),
            arguments("write-docker-config without hosts", ["write-docker-config"], names: ["<hosts>"]),
            arguments("kubernetes-secret --namespace without a value", ["kubernetes-secret", "registry.cn-hangzhou.aliyuncs.com", "--namespace"], names: ["--namespace"]),
            arguments("kubelet-credential-provider with an argument", ["kubelet-credential-provider", "x"], names: ["x"]),
            arguments("doctor --timeout not a number", ["doctor", "--timeout", "soon"], names: ["--timeout"]),
            arguments("doctor --lang unknown", ["doctor", "--lang", "fr"], names: ["--lang"]),
            arguments("emulator --port not a number", ["emulator", "--port", "http"], names: ["--port"]),
            arguments("registry-helper without --server-url", ["registry-helper", "get"], names: ["--server-url"]),
            arguments("an argument with a NUL-like escape and RTL mark", ["credentials", "--pro\u{202E}file", "x"], names: ["--pro"]),
            BadInput(category: .arguments, label: "get-login-password with a URL that is not a host", arguments: ["get-login-password", "http://bad host/"],
                     names: ["bad host"], hint: "registry"),
            BadInput(category: .arguments, label: "get-login-password with a host we do not know", arguments: ["get-login-password", "registry.example.com"],
                     names: ["registry.example.com"], hint: "cloudcred config"),
            BadInput(category: .arguments, label: "get-login-password with an RTL mark in the host", arguments: ["get-login-password", "registry.cn-hangzhou.aliyuncs.com\u{200F}"],
                     names: ["registry.cn-hangzhou.aliyuncs.com"]),
            BadInput(category: .arguments, label: "login with a host with user-info", arguments: ["login", "https://u:\(canary)@bad host/", "--username", "u", "--password-stdin"],
                     stdin: Array("pw".utf8), names: ["not a registry host name"]),
            BadInput(category: .arguments, label: "login --password-stdin with empty stdin", arguments: ["login", "registry.cn-hangzhou.aliyuncs.com", "--username", "u", "--password-stdin"],
                     names: ["password"]),
            BadInput(category: .arguments, label: "configure-docker with a bad host", arguments: ["configure-docker", "--registries", "a b"], names: ["a b"]),
            BadInput(category: .arguments, label: "write-docker-config to a directory", arguments: ["write-docker-config", "registry.example.com", "--output", "~"],
                     names: ["registry.example.com"]),
            BadInput(category: .arguments, label: "kubernetes-secret with an invalid name", arguments: ["kubernetes-secret", "registry.cn-hangzhou.aliyuncs.com", "--name", "Bad_Name!"],
                     names: ["Bad_Name!"]),
        ]
    }

    static var environmentRows: [BadInput] {
        let credentials = ["credentials"]
        return [
            BadInput(category: .environment, label: "ALIBABA_CLOUD_ACCESS_KEY_ID without a secret", arguments: credentials,
                     environment: ["ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAIbadinput"], names: ["accessKeySecret"]),
            BadInput(category: .environment, label: "ALIBABA_CLOUD_CREDENTIALS_URI is not a URL (F8)", arguments: credentials,
                     environment: ["ALIBABA_CLOUD_CREDENTIALS_URI": "not a url"], names: ["ALIBABA_CLOUD_CREDENTIALS_URI"], knownIssue: Self.f8),
            BadInput(category: .environment, label: "ALIBABA_CLOUD_CREDENTIALS_URI with a bad scheme (F8)", arguments: credentials,
                     environment: ["ALIBABA_CLOUD_CREDENTIALS_URI": "ftp://127.0.0.1/creds"], names: ["ALIBABA_CLOUD_CREDENTIALS_URI"], knownIssue: Self.f8),
            BadInput(category: .environment, label: "ALIBABA_CLOUD_CREDENTIALS_URI with a password", arguments: credentials,
                     environment: ["ALIBABA_CLOUD_CREDENTIALS_URI": "http://u:\(canary)@127.0.0.1:1/creds"], names: ["127.0.0.1"]),
            BadInput(category: .environment, label: "ALIBABA_CLOUD_CREDENTIALS_URI with a NUL-free but RTL host", arguments: credentials,
                     environment: ["ALIBABA_CLOUD_CREDENTIALS_URI": "http://127.0.0.1\u{202E}:1/creds"], names: ["creds"]),
            BadInput(category: .environment, label: "ALIBABA_CLOUD_OIDC_TOKEN_FILE names a missing file", arguments: credentials,
                     environment: ["ALIBABA_CLOUD_ROLE_ARN": "acs:ram::1:role/x", "ALIBABA_CLOUD_OIDC_PROVIDER_ARN": "acs:ram::1:oidc-provider/x",
                                   "ALIBABA_CLOUD_OIDC_TOKEN_FILE": "~/no-token"], names: ["~/no-token"]),
            BadInput(category: .environment, label: "ALIBABA_CLOUD_OIDC_TOKEN_FILE is a directory", arguments: credentials,
                     files: [("~/tokendir", .directory)],
                     environment: ["ALIBABA_CLOUD_ROLE_ARN": "acs:ram::1:role/x", "ALIBABA_CLOUD_OIDC_PROVIDER_ARN": "acs:ram::1:oidc-provider/x",
                                   "ALIBABA_CLOUD_OIDC_TOKEN_FILE": "~/tokendir"], names: ["~/tokendir"]),
            BadInput(category: .environment, label: "HUAWEICLOUD_SDK_AK without HUAWEICLOUD_SDK_SK", arguments: ["get-login-password", "swr.cn-north-4.myhuaweicloud.com"],
                     environment: ["HUAWEICLOUD_SDK_AK": "AKbadinput"], names: ["HUAWEICLOUD_SDK_SK"]),
            BadInput(category: .environment, label: "CLOUDCRED_CONNECT_TO is not host:port", arguments: ["get-login-password", "registry.cn-hangzhou.aliyuncs.com"],
                     environment: ["CLOUDCRED_CONNECT_TO": "nowhere", "ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAIbadinput", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": canary],
                     names: ["CLOUDCRED_CONNECT_TO"]),
            BadInput(category: .environment, label: "CLOUDCRED_CONFIG is a directory", arguments: ["get-login-password", "registry.cn-hangzhou.aliyuncs.com"],
                     files: [("~/cfgdir", .directory)], environment: ["CLOUDCRED_CONFIG": "~/cfgdir"], names: ["~/cfgdir"]),
        ]
    }

    static let f8 = "F8: credentials URI problems are reported with Python's texts, which name neither the variable nor the URI"

    static var serverRows: [BadInput] {
        let uri: [(String, BadInput.EffectKind)] = [
            ("not JSON", .malformed), ("cut in half", .truncated), ("wrong field types", .wrongTypes), ("AccessKeyId missing", .missingFields),
            ("HTTP 500", .status500), ("HTTP 403 with a cloud error", .status403), ("already expired", .expired), ("an empty body", .emptyBody),
        ]
        var rows = uri.map { label, effect in
            BadInput(category: .serverAnswer, label: "credentials URI: \(label)", arguments: ["credentials"],
                     environment: ["ALIBABA_CLOUD_CREDENTIALS_URI": "@URL/credentials"], names: ["@URL/credentials"], fault: .credentialsURI(effect),
                     knownIssue: [.truncated, .malformed].contains(effect) ? "F8: credentials URI errors keep the Python library's texts, which do not name the URI"
                        : [.expired, .emptyBody].contains(effect) ? Self.f8 : nil)
        }
        let sts: [(String, BadInput.EffectKind)] = [("not JSON", .malformed), ("cut in half", .truncated), ("Credentials missing", .missingFields), ("HTTP 500", .status500)]
        rows += sts.map { label, effect in
            BadInput(category: .serverAnswer, label: "STS AssumeRole: \(label)", arguments: ["credentials"],
                     files: [("~/.aliyun/config.json", .text("""
                         {"current": "p", "profiles": [{"name": "p", "mode": "RamRoleArn", "access_key_id": "@KEYID",
                         "access_key_secret": "@KEYSECRET", "ram_role_arn": "@ROLE"}]}
                         """))],
                     names: ["ram_role_arn"], fault: .sts(effect),
                     knownIssue: nil)
        }
        return rows
    }
}
