import CloudSigning
import Testing

@Suite struct SWRLoginKeyTests {
    @Test(arguments: SigningVectors.shared.swrLoginKey)
    func matchesDocumentedRecipe(vector: SigningVectors.SWRKey) {
        #expect(SWRLoginKey.password(accessKey: vector.accessKey, secretKey: vector.secretKey) == vector.password)
    }

    @Test func referenceVectorFromTheRegistryNotes() {
        #expect(SWRLoginKey.password(
            accessKey: "AKEXAMPLE0000000000", secretKey: "SKEXAMPLE00000000000000000000000000000000")
            == "dae64b4f5487ee6db3d94eaa1dc481c5ca0a294b291290d0582be7619935fdb2")
    }
}
