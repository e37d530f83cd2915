import CloudcredTestSupport
import Foundation

/// The registry commands and every helper verb, with cloud keys from the environment (canaries), passwords stored
/// with `cloudcred login --password-stdin` and the helper's `store`, ACR shared, Enterprise and personal hosts and
/// SWR long-term and temporary logins.
enum RegistryLeakScenarios {
    static var all: [LeakScenario] { [acr, storedPasswords, storeBadHost, swrLongTerm, swrTemporary] }

    static let kubeletRequest =
        #"{"apiVersion":"credentialprovider.kubelet.k8s.io/v1","kind":"CredentialProviderRequest","image":"\#(LeakIdentities.acr)/ns/app:1"}"#

    /// ACR token logins through every command that shows, hands over or caches them.
    static let acr = LeakScenario(name: "registry-acr") { world in
        world.setEnvironment([
            "ALIBABA_CLOUD_ACCESS_KEY_ID": LeakIdentities.envAK, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": world.canary("env-ak-secret"),
            "PATH": BinaryRunner.productsDirectory.path + ":/usr/bin:/bin",
        ])
        let output = world.home + "/out/config.json"
        world.expectOutputFile(output)
        world.sealPlanting()
        let host = LeakIdentities.acr
        try await world.cloudcred(["get-login", host])
        try await world.cloudcred(["get-login", host, "--json"])
        let revealed = try await world.cloudcred(["get-login", host, "--json", "--reveal"])
        world.expect(revealed.status == 0 && revealed.stdout.contains("\"Secret\""), "get-login --reveal exited \(revealed.status)")
        let password = try await world.cloudcred(["get-login-password", host])
        world.expect(password.status == 0 && password.stdout.hasPrefix("eyJ"), "get-login-password exited \(password.status)")
        let helper = try await world.helper("get", stdin: host)
        world.expect(helper.status == 0 && helper.stdout.contains("\"Secret\""), "helper get exited \(helper.status)")
        try await world.helper("get", stdin: "https://\(host)/v2/")
        try await world.helper("list")
        try await world.cloudcred(["get-login-password", LeakIdentities.acrEnterprise])
        try await world.helper("get", stdin: LeakIdentities.acrEnterprise)
        try await world.cloudcred(["write-docker-config", host, LeakIdentities.acrEnterprise])
        let written = try await world.cloudcred(["write-docker-config", host, "--output", output])
        world.expect(written.status == 0, "write-docker-config --output exited \(written.status)")
        try await world.cloudcred(["kubernetes-secret", host, "--name", "acr-pull", "--namespace", "apps"])
        try await world.cloudcred(["kubernetes-secret", host, "--name", "Bad_Name"])
        let kubelet = try await world.cloudcred(["kubelet-credential-provider"], stdin: kubeletRequest)
        world.expect(kubelet.status == 0, "kubelet-credential-provider exited \(kubelet.status)")
        try await world.cloudcred(["kubelet-credential-provider"], stdin: "{not json")
        try await world.cloudcred(["cache", "list"])
        try await world.cloudcred(["configure-docker", "--registries", "\(host),\(LeakIdentities.swr)"])
        try await world.cloudcred(["configure-podman", "--registries", host])
        try await world.cloudcred(["doctor", host + "/ns/app", "--json", "--timeout", "20"])
        try await world.cloudcred(["doctor", host, "--timeout", "20"])
        // Unknown and odd hosts, a URL with a password in it.
        try await world.cloudcred(["get-login-password", "ghcr.io"])
        try await world.cloudcred(["get-login-password", "https://leak:\(world.canary("store-url-password"))@\(host)/v2/"])
        try await world.helper("get", stdin: "https://leak:\(world.canary("store-url-password"))@ghcr.io/v2/")
        try await world.helper("get", stdin: "https://leak:\(world.canary("store-url-password"))@\(host)/")
        // A wrong cloud secret after the cache is cleared.
        try await world.cloudcred(["cache", "clear"])
        let wrong = ["ALIBABA_CLOUD_ACCESS_KEY_SECRET": world.canary("cfg-wrong-secret")]
        try await world.cloudcred(["get-login-password", host], environment: wrong)
        try await world.helper("get", stdin: host, environment: wrong)
        try await world.helper("get", stdin: host, environment: wrong)  // the remembered failure
        try await world.cloudcred(["doctor", host, "--json", "--timeout", "20"], environment: wrong)
    }

    /// Passwords the user gives us: `cloudcred login --password-stdin`, the helper's `store` (with an identity token
    /// and with a bad host whose URL carries a password), then reading, listing, erasing, logging out.
    static let storedPasswords = LeakScenario(name: "registry-stored-passwords") { world in
        world.setEnvironment(["PATH": BinaryRunner.productsDirectory.path + ":/usr/bin:/bin"])
        world.sealPlanting()
        let login = world.canary("login-password")
        let stored = try await world.cloudcred(
            ["login", LeakIdentities.crpi, "--username", "emulator@\(LeakIdentities.account)", "--password-stdin"], stdin: login + "\n")
        world.expect(stored.status == 0, "login --password-stdin exited \(stored.status)")
        try await world.cloudcred(["get-login", LeakIdentities.crpi])
        try await world.cloudcred(["get-login", LeakIdentities.crpi, "--json"])
        try await world.cloudcred(["get-login", LeakIdentities.crpi, "--json", "--reveal"])
        let password = try await world.cloudcred(["get-login-password", LeakIdentities.crpi])
        world.expect(password.stdout == login + "\n", "get-login-password did not hand the stored password back")
        try await world.helper("get", stdin: LeakIdentities.crpi)
        // The emulator's registry refuses this password: the doctor's round trip fails (wrong password).
        try await world.cloudcred(["doctor", LeakIdentities.crpi, "--json", "--timeout", "20"])
        try await world.cloudcred(["login", LeakIdentities.crpi, "--username", "u", "--password-stdin"], stdin: "")
        try await world.cloudcred(["login", "not a host", "--username", "u", "--password-stdin"], stdin: login)

        let store = world.canary("store-password")
        let host = LeakIdentities.storedHost
        let kept = try await world.helper("store", stdin: #"{"ServerURL":"https://\#(host)/v2/","Username":"ci","Secret":"\#(store)"}"#)
        world.expect(kept.status == 0, "helper store exited \(kept.status)")
        try await world.helper("get", stdin: host)
        try await world.helper("list")
        try await world.cloudcred(["get-login", host, "--json"])
        try await world.helper(
            "store", stdin: #"{"ServerURL":"\#(LeakIdentities.crpi)","Username":"<token>","Secret":"\#(world.canary("identity-token"))"}"#)
        try await world.helper("get", stdin: LeakIdentities.crpi)
        try await world.helper("store", stdin: #"{"ServerURL":"images.leak-scan.example","Username":"ci","Secret":"\#(store)""#)
        try await world.helper("erase", stdin: host)
        try await world.helper("get", stdin: host)
        try await world.cloudcred(["logout", LeakIdentities.crpi])
        try await world.cloudcred(["get-login-password", LeakIdentities.crpi])
        try await world.cloudcred(["cache", "list"])
    }

    /// F2 in docs/RELIABILITY.md: a `store` for a URL that is not a host name, with a password in its user-info.
    static let storeBadHost = LeakScenario(name: "registry-store-bad-host") { world in
        world.sealPlanting()
        let url = "https://leak:\(world.canary("store-url-password"))@bad host/"
        try await world.helper("store", stdin: #"{"ServerURL":"\#(url)","Username":"ci","Secret":"\#(world.canary("store-password"))"}"#)
    }

    /// SWR long-term login from `~/.huaweicloud/credentials` (the password is an HMAC of the SK).
    static let swrLongTerm = LeakScenario(name: "registry-swr-long-term") { world in
        try world.plant(".huaweicloud/credentials", """
            [basic]
            ak = \(LeakIdentities.huaweiFileAK)
            sk = \(world.canary("huawei-file-sk"))
            project_id = 0123456789abcdef0123456789abcdef

            """)
        world.setEnvironment(["PATH": BinaryRunner.productsDirectory.path + ":/usr/bin:/bin"])
        world.sealPlanting()
        try await world.cloudcred(["get-login", LeakIdentities.swr, "--json"])
        let password = try await world.cloudcred(["get-login-password", LeakIdentities.swr])
        world.expect(password.status == 0, "SWR long-term get-login-password exited \(password.status)")
        try await world.helper("get", stdin: LeakIdentities.swr)
        try await world.cloudcred(["write-docker-config", LeakIdentities.swr])
        try await world.cloudcred(["doctor", LeakIdentities.swr, "--json", "--timeout", "20"])
        try await world.cloudcred(["cache", "list"])
        try world.plant(".huaweicloud/credentials", "[basic]\nak = \(LeakIdentities.huaweiFileAK)\nsk = \(world.canary("cfg-wrong-secret"))\n")
        try await world.cloudcred(["get-login", LeakIdentities.swr, "--json", "--reveal"])
        try world.plant(".huaweicloud/credentials", "[basic]\nsk = \(world.canary("huawei-file-sk"))\n")
        try await world.cloudcred(["get-login-password", LeakIdentities.swr])
    }

    /// SWR temporary login (`CreateSecret`) with `HUAWEICLOUD_SDK_AK`/`SK` from the environment.
    static let swrTemporary = LeakScenario(name: "registry-swr-temporary") { world in
        try world.plant("config/cloudcred/config.json", """
            {"version": 1, "profiles": {"default": {"registries": [{"match": "\(LeakIdentities.swr)", "swrLogin": "temporary"}]}}}
            """)
        world.setEnvironment([
            "HUAWEICLOUD_SDK_AK": LeakIdentities.huaweiEnvAK, "HUAWEICLOUD_SDK_SK": world.canary("env-huawei-sk"),
            "PATH": BinaryRunner.productsDirectory.path + ":/usr/bin:/bin",
        ])
        world.sealPlanting()
        try await world.cloudcred(["get-login", LeakIdentities.swr])
        let password = try await world.cloudcred(["get-login-password", LeakIdentities.swr])
        world.expect(password.status == 0, "SWR CreateSecret get-login-password exited \(password.status)")
        try await world.helper("get", stdin: LeakIdentities.swr)
        try await world.cloudcred(["kubernetes-secret", LeakIdentities.swr, "--name", "swr-pull"])
        try await world.cloudcred(["cache", "clear"])
        try await world.cloudcred(["get-login-password", LeakIdentities.swr], environment: ["HUAWEICLOUD_SDK_SK": world.canary("cfg-wrong-secret")])
        try await world.helper("get", stdin: LeakIdentities.swr, environment: ["HUAWEICLOUD_SDK_SK": world.canary("cfg-wrong-secret")])
    }
}
