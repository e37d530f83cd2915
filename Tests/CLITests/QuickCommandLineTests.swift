import ArgumentParser
import Testing

@testable import cloudcred

/// `cloudcred credentials` and `cloudcred registry-helper get` are recognised without ArgumentParser; every form
/// taken must mean exactly what ArgumentParser makes of it, and everything else must be left to ArgumentParser.
@Suite("Quick command line")
struct QuickCommandLineTests {
    static let credentialsForms: [[String]] = [
        ["credentials"], ["credentials", "--json"], ["credentials", "--reveal"], ["credentials", "--json", "--reveal"],
        ["credentials", "--reveal", "--json"], ["credentials", "--profile", "dev"], ["credentials", "--profile=dev"],
        ["credentials", "--json", "--profile", "a=b"], ["credentials", "--profile=a=b", "--json"],
        ["credentials", "--profile", "with space", "--reveal", "--json"],
    ]

    static let helperForms: [[String]] = [
        ["registry-helper", "get", "--server-url", "registry.cn-hangzhou.aliyuncs.com", "--tool-profile", "default"],
        ["registry-helper", "get", "--server-url", "https://registry.cn-hangzhou.aliyuncs.com/v2/"],
        ["registry-helper", "get", "--tool-profile=ci", "--server-url=swr.cn-north-4.myhuaweicloud.com"],
        ["registry-helper", "get", "--server-url", "user@host:5000"],
    ]

    @Test("credentials: each accepted form means what ArgumentParser makes of it", arguments: credentialsForms)
    func credentialsAgree(arguments: [String]) throws {
        let parsed = try #require(try CloudcredCommand.parseAsRoot(arguments) as? CredentialsCommand)
        #expect(QuickCommandLine.parse(arguments) == .credentials(profile: parsed.profile, json: parsed.json, reveal: parsed.reveal))
    }

    @Test("registry-helper get: each accepted form means what ArgumentParser makes of it", arguments: helperForms)
    func helperAgrees(arguments: [String]) throws {
        let parsed = try #require(try CloudcredCommand.parseAsRoot(arguments) as? RegistryHelperCommand)
        #expect(parsed.action == "get")
        #expect(QuickCommandLine.parse(arguments) == .registryHelperGet(serverURL: parsed.serverURL, toolProfile: parsed.toolProfile))
    }

    @Test("everything else is left to ArgumentParser", arguments: [
        [], ["--version"], ["--help"], ["help", "credentials"], ["doctor"], ["credentials", "--help"], ["credentials", "-h"],
        ["credentials", "--json", "--json"], ["credentials", "--profile"], ["credentials", "--profile", "--json"],
        ["credentials", "--profile="], ["credentials", "--profile", ""], ["credentials", "--profile", "a", "--profile", "b"],
        ["credentials", "extra"], ["credentials", "--"], ["credentials", "--jsonx"], ["credentials", "--json=true"],
        ["credentials", "-j"], ["registry-helper"], ["registry-helper", "get"], ["registry-helper", "list", "--server-url", "x"],
        ["registry-helper", "get", "--server-url", "a", "--server-url", "b"], ["registry-helper", "get", "--server-url", "-x"],
        ["registry-helper", "get", "--server-url", "x", "--verbose"], ["Credentials", "--json"],
    ])
    func leftToArgumentParser(arguments: [String]) {
        #expect(QuickCommandLine.parse(arguments) == nil)
    }
}
