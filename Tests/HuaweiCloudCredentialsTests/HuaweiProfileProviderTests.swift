import CloudcredTestSupport
import CredentialsCore
import Foundation
import Testing

@testable import HuaweiCloudCredentials

@Suite("Huawei profile file provider")
struct HuaweiProfileProviderTests {
    func withHome<T>(_ body: (TempHome) async throws -> T) async throws -> T {
        let home = try TempHome()
        defer { home.removeAll() }
        return try await body(home)
    }

    @Test("[basic] ak, sk, security_token and project_id from ~/.huaweicloud/credentials (% is literal)")
    func defaultFile() async throws {
        try await withHome { home in
            try home.write(".huaweicloud/credentials", """
                # Huawei Cloud
                [global]
                ak = GLOBALAK
                sk = globalsecret
                domain_id = d1

                [basic]
                ak = HWAKFROMFILE
                sk = file%secret
                security_token = file-token
                project_id = 0123abcd
                """)
            let provider = HuaweiProfileProvider(environment: Environment(["HOME": home.path]))
            #expect(provider.path == home.credentialsPath)
            #expect(!provider.isExplicitPath)
            let value = try await provider.huaweiCredential()
            #expect(value.credential.accessKeyId == "HWAKFROMFILE")
            #expect(value.credential.accessKeySecret == "file%secret")
            #expect(value.credential.securityToken == "file-token")
            #expect(value.credential.providerName == "profile")
            #expect(value.projectId == "0123abcd")
        }
    }

    @Test("HUAWEICLOUD_SDK_CREDENTIALS_FILE names another file; the first read is kept")
    func namedFile() async throws {
        try await withHome { home in
            let path = try home.write("elsewhere/creds.ini", "[basic]\nak = NAMEDAK\nsk = named-secret\n")
            let provider = HuaweiProfileProvider(
                environment: Environment(["HOME": home.path, "HUAWEICLOUD_SDK_CREDENTIALS_FILE": path]))
            #expect(provider.isExplicitPath)
            let first = try await provider.huaweiCredential()
            #expect(first.credential.accessKeyId == "NAMEDAK")
            #expect(first.credential.securityToken == nil)
            #expect(first.projectId == nil)
            try FileManager.default.removeItem(atPath: path)
            #expect(try await provider.huaweiCredential() == first)
        }
    }

    @Test("the default file missing: a missing source naming the file")
    func missingDefault() async throws {
        try await withHome { home in
            let error = await failure { try await HuaweiProfileProvider(environment: Environment(["HOME": home.path])).credential() }
            #expect(error?.isMissingSource == true)
            #expect(error?.message == "credentials file \(home.credentialsPath) does not exist")
        }
    }

    @Test("a file named by HUAWEICLOUD_SDK_CREDENTIALS_FILE that is missing: an error, not a missing source")
    func namedButMissing() async throws {
        try await withHome { home in
            let path = home.path + "/nope/credentials"
            let error = await failure {
                try await HuaweiProfileProvider(environment: Environment(["HOME": home.path, "HUAWEICLOUD_SDK_CREDENTIALS_FILE": path]))
                    .credential()
            }
            #expect(error?.isMissingSource == false)
            #expect(error?.code == .file)
            #expect(error?.message == "credentials file \(path) (from HUAWEICLOUD_SDK_CREDENTIALS_FILE) does not exist")
        }
    }

    @Test("a broken file: file and line named, the line itself (maybe a secret) not quoted")
    func broken() async throws {
        try await withHome { home in
            try home.write(".huaweicloud/credentials", "[basic]\nak = HWAK\nthis-line-leaks-a-secret\n")
            let error = await failure { try await HuaweiProfileProvider(environment: Environment(["HOME": home.path])).credential() }
            #expect(error?.isMissingSource == false)
            #expect(error?.message.hasPrefix("failed to parse credentials file \(home.credentialsPath), line 3: ") == true)
            #expect(error?.message.contains("this-line-leaks-a-secret") == false)
            #expect(error?.hint == "fix the INI syntax at that line")
        }
    }

    @Test("no [basic] section, and a section without sk or without both")
    func incomplete() async throws {
        try await withHome { home in
            let environment = Environment(["HOME": home.path])
            try home.write(".huaweicloud/credentials", "[global]\nak = A\nsk = B\n")
            let noSection = await failure { try await HuaweiProfileProvider(environment: environment).credential() }
            #expect(noSection?.message == "credentials file \(home.credentialsPath) has no [basic] section")

            try home.write(".huaweicloud/credentials", "[basic]\nak = A\nsk =\n")
            let noSK = await failure { try await HuaweiProfileProvider(environment: environment).credential() }
            #expect(noSK?.message == "credentials file \(home.credentialsPath): section [basic] has no sk")

            try home.write(".huaweicloud/credentials", "[basic]\nproject_id = p\n")
            let neither = await failure { try await HuaweiProfileProvider(environment: environment).credential() }
            #expect(neither?.message == "credentials file \(home.credentialsPath): section [basic] has no ak and sk")
        }
    }
}
