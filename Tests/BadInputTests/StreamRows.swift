/// Bad stdin: the helper's verbs (docker protocol: one line on stdout, exit 1) and the kubelet request.
enum StreamRows {
    static let canary = BadInput.canary

    static func helper(_ verb: String, _ label: String, _ stdin: [UInt8], names: [String], knownIssue: String? = nil) -> BadInput {
        BadInput(category: .helperStdin, label: "\(verb): \(label)", binary: .helper, arguments: [verb], stdin: stdin, names: names, knownIssue: knownIssue)
    }

    static var rows: [BadInput] {
        var rows: [BadInput] = []
        // get/erase: the server URL on stdin. Anything that is not one of our hosts is "not found" (protocol).
        let urls: [(String, [UInt8])] = [
            ("empty stdin", []),
            ("only whitespace", Array("  \n\t ".utf8)),
            ("a host with a space", Array("https://bad host/".utf8)),
            ("a NUL inside the host", Array("registry.cn-hangzhou\u{0}.aliyuncs.com".utf8)),
            ("RTL override in the host", Array("registry.cn-hangzhou.aliyuncs.com\u{202E}moc".utf8)),
            ("invalid UTF-8", [0xff, 0xfe, 0x72, 0x65, 0x67]),
            ("a 300-character label", Array((String(repeating: "a", count: 300) + ".aliyuncs.com").utf8)),
            ("a URL with user-info", Array("https://user:\(canary)@registry.cn-hangzhou.aliyuncs.com.evil.example/".utf8)),
            ("a port out of range", Array("registry.cn-hangzhou.aliyuncs.com:99999".utf8)),
            ("JSON instead of a URL", Array("{\"ServerURL\": \"x\"}".utf8)),
            ("1 MB of garbage", (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }),
        ]
        for (label, stdin) in urls {
            rows.append(helper("get", label, stdin, names: ["empty stdin", "only whitespace"].contains(label) ? ["server URL"] : ["credentials not found"]))
        }
        // erase: no server URL is an error; a URL that is not a stored host has nothing to erase, which the
        // protocol answers with success and no output.
        for (label, stdin) in urls.prefix(4) {
            var row = helper("erase", label, stdin, names: label.contains("host") ? [] : ["server URL"])
            row.expectSuccess = label.contains("host")
            rows.append(row)
        }
        // store: a JSON payload.
        let stores: [(String, String, [String], String?)] = [
            ("not JSON", "ServerURL=registry.example.com", ["JSON"], nil),
            ("truncated JSON", "{\"ServerURL\": \"registry.example.com\", \"Username\": \"u\", \"Secret\": \"\(canary)", ["JSON"], nil),
            ("a JSON array", "[\"registry.example.com\"]", ["object"], nil),
            ("ServerURL missing", "{\"Username\": \"u\", \"Secret\": \"\(canary)\"}", ["server URL"], nil),
            ("Secret is a number", "{\"ServerURL\": \"registry.example.com\", \"Username\": \"u\", \"Secret\": 5}", ["Secret"], nil),
            ("Username is null", "{\"ServerURL\": \"registry.example.com\", \"Username\": null, \"Secret\": \"\(canary)\"}", ["username"], nil),
            ("ServerURL is not a host (F2)", "{\"ServerURL\": \"https://user:\(canary)@bad host/\", \"Username\": \"u\", \"Secret\": \"s\"}", ["not a registry host name"], nil),
            ("ServerURL with a NUL", "{\"ServerURL\": \"reg\\u0000istry.example.com\", \"Username\": \"u\", \"Secret\": \"\(canary)\"}", ["not a registry host name"], nil),
        ]
        for (label, payload, names, known) in stores {
            rows.append(helper("store", label, Array(payload.utf8), names: names, knownIssue: known))
        }
        rows += [
            BadInput(category: .helperStdin, label: "an unknown verb", binary: .helper, arguments: ["fetch"], names: ["unknown action", "fetch"]),
            BadInput(category: .helperStdin, label: "no verb", binary: .helper, arguments: [], names: ["Usage"]),
            BadInput(category: .helperStdin, label: "two verbs", binary: .helper, arguments: ["get", "list"], names: ["Usage"]),
        ]

        // The kubelet credential provider request (CredentialProviderRequest JSON on stdin).
        let kubelet = ["kubelet-credential-provider"]
        let requests: [(String, [UInt8], [String])] = [
            ("empty stdin", [], ["CredentialProviderRequest"]),
            ("not JSON", Array("image=registry.cn-hangzhou.aliyuncs.com/ns/app".utf8), ["CredentialProviderRequest"]),
            ("truncated JSON", Array("{\"apiVersion\": \"credentialprovider.kubelet.k8s.io/v1\", \"kind\": \"CredentialProviderRequest\", \"image\": \"reg".utf8), ["CredentialProviderRequest"]),
            ("unknown apiVersion", Array("{\"apiVersion\": \"credentialprovider.kubelet.k8s.io/v9\", \"kind\": \"CredentialProviderRequest\", \"image\": \"registry.cn-hangzhou.aliyuncs.com/a/b\"}".utf8), ["apiVersion"]),
            ("wrong kind", Array("{\"apiVersion\": \"credentialprovider.kubelet.k8s.io/v1\", \"kind\": \"Pod\", \"image\": \"registry.cn-hangzhou.aliyuncs.com/a/b\"}".utf8), ["kind"]),
            ("image missing", Array("{\"apiVersion\": \"credentialprovider.kubelet.k8s.io/v1\", \"kind\": \"CredentialProviderRequest\"}".utf8), ["image"]),
            ("image is a number", Array("{\"apiVersion\": \"credentialprovider.kubelet.k8s.io/v1\", \"kind\": \"CredentialProviderRequest\", \"image\": 7}".utf8), ["image"]),
            ("a BOM and RTL marks", [0xef, 0xbb, 0xbf] + Array("{\"apiVersion\": \"credentialprovider.kubelet.k8s.io/v1\u{202E}\", \"kind\": \"CredentialProviderRequest\", \"image\": \"x\"}".utf8), ["CredentialProviderRequest", "BOM"]),
            ("binary garbage", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) }, ["CredentialProviderRequest"]),
            ("20 MB of JSON whitespace", Array(repeating: 0x20, count: 20 << 20), ["CredentialProviderRequest"]),
        ]
        for (label, stdin, names) in requests {
            rows.append(BadInput(category: .kubeletRequest, label: label, arguments: kubelet, stdin: stdin, names: names))
        }
        // An image whose registry is not one of ours (even a broken one) gets the protocol's empty answer, exit 0.
        var foreign = BadInput(category: .kubeletRequest, label: "an image with a host that has a space", arguments: kubelet,
                               stdin: Array("{\"apiVersion\": \"credentialprovider.kubelet.k8s.io/v1\", \"kind\": \"CredentialProviderRequest\", \"image\": \"bad host/ns/app\"}".utf8),
                               names: ["\"auth\":{}"])
        foreign.expectSuccess = true
        rows.append(foreign)
        return rows
    }
}
