import CloudSigning
import Testing

@Suite struct PercentEncoderTests {
    @Test(arguments: SigningVectors.shared.percentEncoding)
    func matchesPythonQuote(sample: SigningVectors.PercentSample) {
        #expect(PercentEncoder.rfc3986(sample.input) == sample.rfc3986)
        #expect(PercentEncoder.formPlus(sample.input) == sample.formPlus)
        #expect(PercentEncoder.decode(sample.rfc3986, plusAsSpace: false) == sample.input)
        #expect(PercentEncoder.decode(sample.formPlus, plusAsSpace: true) == sample.input)
    }

    @Test func keepsOnlyUnreservedCharacters() {
        #expect(PercentEncoder.rfc3986("AZaz09-_.~") == "AZaz09-_.~")
        #expect(PercentEncoder.rfc3986("a b*c/d+e") == "a%20b%2Ac%2Fd%2Be")
        #expect(PercentEncoder.formPlus("a b*c/d+e") == "a+b%2Ac%2Fd%2Be")
        #expect(PercentEncoder.rfc3986("é") == "%C3%A9")
    }

    @Test func encodesTheStoredScalarsWithoutNormalising() {
        #expect(PercentEncoder.rfc3986("e\u{301}") == "e%CC%81")
        #expect(PercentEncoder.rfc3986("\u{E9}") == "%C3%A9")
    }

    @Test func decodesPlusOnlyWhenAsked() {
        #expect(PercentEncoder.decode("a+b%20c", plusAsSpace: true) == "a b c")
        #expect(PercentEncoder.decode("a+b%20c", plusAsSpace: false) == "a+b c")
        #expect(PercentEncoder.decode("%2b%2B", plusAsSpace: true) == "++")
    }

    @Test(arguments: ["%", "%4", "a%G0", "%zz", "%C3", "%FF%FE", "%C3%28"])
    func rejectsMalformedInput(input: String) {
        #expect(PercentEncoder.decode(input, plusAsSpace: false) == nil)
    }
}
