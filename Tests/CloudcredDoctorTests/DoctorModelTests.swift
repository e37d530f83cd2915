import CloudcredDoctor
import CredentialsCore
import Testing

/// Parsing what the user typed, choosing the language, the catalogue, and the two renderers.
@Suite("doctor: subjects, language, catalogue, rendering")
struct DoctorModelTests {
    @Test("hosts and image references as docker reads them", arguments: [
        ("registry.cn-hangzhou.aliyuncs.com", DoctorSubject.registry(host: "registry.cn-hangzhou.aliyuncs.com", repository: nil)),
        ("registry.cn-hangzhou.aliyuncs.com/ns/app:1.0", .registry(host: "registry.cn-hangzhou.aliyuncs.com", repository: "ns/app")),
        ("Registry.CN-Hangzhou.aliyuncs.com/ns/app@sha256:abc", .registry(host: "registry.cn-hangzhou.aliyuncs.com", repository: "ns/app")),
        ("https://registry.cn-hangzhou.aliyuncs.com/v2/", .registry(host: "registry.cn-hangzhou.aliyuncs.com", repository: nil)),
        ("images.example.com:5000/team/app/sub:tag", .registry(host: "images.example.com:5000", repository: "team/app/sub")),
        ("ns/app:latest", .dockerHub(repository: "ns/app")),
        ("nginx", .dockerHub(repository: "library/nginx")),
        ("", .invalid("")),
        ("registry..aliyuncs.com/ns/app", .invalid("registry..aliyuncs.com/ns/app")),
    ])
    func subjects(text: String, expected: DoctorSubject) {
        #expect(DoctorSubject(text) == expected)
    }

    @Test("the language: --lang, then LC_ALL, LC_MESSAGES, LANG starting with zh")
    func language() {
        #expect(DoctorLanguage.resolve(flag: nil, environment: [:]) == .english)
        #expect(DoctorLanguage.resolve(flag: nil, environment: ["LANG": "zh_CN.UTF-8"]) == .chinese)
        #expect(DoctorLanguage.resolve(flag: nil, environment: ["LC_ALL": "C", "LANG": "zh_CN.UTF-8"]) == .english)
        #expect(DoctorLanguage.resolve(flag: nil, environment: ["LC_ALL": "", "LC_MESSAGES": "zh_TW", "LANG": "en_US"]) == .chinese)
        #expect(DoctorLanguage.resolve(flag: "en", environment: ["LC_ALL": "zh_CN"]) == .english)
        #expect(DoctorLanguage.resolve(flag: "zh", environment: [:]) == .chinese)
    }

    @Test("a cause and its fix render in both languages with every argument")
    func rendering() {
        let text = DoctorText("credentials.cliSyntax", ["/h/.aliyun/config.json", "4", "24", "Expecting ',' delimiter"])
        for language in DoctorLanguage.allCases {
            let rendered = text.rendered(in: language)
            #expect(rendered.contains("/h/.aliyun/config.json") && rendered.contains("4") && rendered.contains("24"))
            #expect(!rendered.contains("{"))
        }
        #expect(DoctorText("no.such.key", ["a"]).rendered(in: .chinese) == "no.such.key a")
    }

    @Test("the human report is plain without colour, coloured with it; NO_COLOR and pipes turn colour off")
    func humanReport() {
        let report = DoctorReport(host: "h", findings: [
            Finding(.host, .ok, DoctorText("host.notOurs", ["h"])),
            Finding(.registry, .fail, DoctorText("registry.unauthorized", ["h", "u", "token API"]), fix: DoctorText("registry.unauthorized.fix", [])),
        ])
        let plain = HumanReport(language: .english, color: false).render(report)
        #expect(!plain.contains("\u{1B}["))
        #expect(plain.contains("unauthorized: authentication required") && plain.contains("fix: "))
        #expect(plain.contains("1 failed, 0 warnings, 1 ok (exit 1)"))
        #expect(HumanReport(language: .english, color: true).render(report).contains("\u{1B}[1;31m"))
        #expect(HumanReport(language: .chinese, color: false).render(report).contains("失败 1 项"))
        #expect(HumanReport.wantsColor(isTerminal: true, environment: [:]))
        #expect(!HumanReport.wantsColor(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(!HumanReport.wantsColor(isTerminal: false, environment: [:]))
    }

    @Test("the JSON report: host and findings with exactly check, status, cause, fix")
    func jsonReport() throws {
        let report = DoctorReport(host: nil, findings: [Finding(.cache, .ok, DoctorText("cache.disabled"))])
        let document = try JSONValue.parse(Array(JSONReport(language: .chinese).render(report).utf8))
        #expect(document["host"]?.isNull == true)
        let finding = try #require(document["findings"]?[0]?.objectValue)
        #expect(finding.keys == ["check", "status", "cause", "fix"])
        #expect(finding["fix"]?.isNull == true)
        #expect(finding["cause"]?.stringValue?.contains("令牌缓存") == true)
    }
}
