import CloudSigning
import Foundation
import Testing

@testable import CloudEmulator

@Suite("Huawei emulator configuration")
struct HuaweiConfigurationTests {
    func decode(_ text: String) throws -> EmulatorConfiguration {
        try EmulatorConfiguration.decode(Data(text.utf8), path: "test.json")
    }

    @Test("the standard values")
    func standard() {
        let huawei = EmulatorConfiguration.standard.huawei
        #expect(huawei.accessKeys == [
            EmulatorHuaweiAccessKey(ak: "HWEMULATOREXAMPLE0001", sk: "HuaweiEmulatorSecretNotForProduction000001", domainName: "emulator")
        ])
        #expect(huawei.metadata.mode == .v1AndV2)
        #expect(huawei.metadata.agencyName == "EmulatorAgency")
        #expect(huawei.temporaryLoginLifetimeSeconds == 21600)
    }

    @Test("keys left out keep the standard values; agencyName null means no agency; it round-trips")
    func partial() throws {
        let configuration = try decode("{\"huawei\": {\"metadata\": {\"mode\": \"v2Only\", \"agencyName\": null}, \"temporaryLoginLifetimeSeconds\": 600}}")
        #expect(configuration.huawei.accessKeys == EmulatorConfiguration.standard.huawei.accessKeys)
        #expect(configuration.huawei.metadata.mode == .v2Only)
        #expect(configuration.huawei.metadata.agencyName == nil)
        #expect(configuration.huawei.temporaryLoginLifetimeSeconds == 600)
        let again = try EmulatorConfiguration.decode(try JSONEncoder().encode(configuration), path: nil)
        #expect(again == configuration)
        #expect(try decode("{\"huawei\": {\"metadata\": {}}}").huawei.metadata.agencyName == "EmulatorAgency")
    }

    @Test("bad values are errors naming the key", arguments: [
        ("{\"huawei\": {\"acessKeys\": []}}", "unknown key \"acessKeys\""),
        ("{\"huawei\": {\"metadata\": {\"mode\": \"v3\"}}}", "mode"),
        ("{\"huawei\": {\"accessKeys\": [{\"ak\": \"A\"}]}}", "sk"),
        ("{\"huawei\": {\"accessKeys\": [{\"ak\": \"\", \"sk\": \"S\"}]}}", "must not be empty"),
        ("{\"huawei\": {\"temporaryLoginLifetimeSeconds\": 0}}", "at least 1"),
    ])
    func badValues(text: String, expected: String) {
        #expect {
            try decode(text)
        } throws: { error in
            "\(error)".contains(expected)
        }
    }

    @Test("SWR long-term logins: <any project>@<configured AK> with the login key")
    func longTerm() {
        let configuration = EmulatorConfiguration.standard
        let key = configuration.huawei.accessKeys[0]
        let password = SWRLoginKey.password(accessKey: key.ak, secretKey: key.sk)
        #expect(configuration.acceptsSWRLongTerm(username: "cn-north-4@\(key.ak)", password: password))
        #expect(configuration.acceptsSWRLongTerm(username: "eu-de_sub@\(key.ak)", password: password))
        #expect(!configuration.acceptsSWRLongTerm(username: "cn-north-4@\(key.ak)", password: password.uppercased()))
        #expect(!configuration.acceptsSWRLongTerm(username: "@\(key.ak)", password: password))
        #expect(!configuration.acceptsSWRLongTerm(username: key.ak, password: password))
        #expect(!configuration.acceptsSWRLongTerm(username: "cn-north-4@OTHERAK", password: password))
    }
}
