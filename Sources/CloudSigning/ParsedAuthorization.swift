/// Parses "ACS3-HMAC-SHA256 Credential=..,SignedHeaders=..,Signature=..", "SDK-HMAC-SHA256 Access=.., SignedHeaders=.., Signature=.." and "acs AK:sig" (for servers that verify).
///
/// For `acs AK:sig` (ROA v1) ``algorithm`` is `"acs"` and ``signedHeaders`` is empty. For the key=value forms the
/// algorithm is the first word as sent (so `ACS3-HMAC-SM3` or `SDK-HMAC-SM3` parse too; the verifier decides what
/// it accepts), spaces around the commas are optional, and exactly the fields `Credential` or `Access`,
/// `SignedHeaders` and `Signature` must each appear once.
public struct ParsedAuthorization: Sendable, Equatable {
    /// `ACS3-HMAC-SHA256`, `SDK-HMAC-SHA256` or `acs`.
    public var algorithm: String
    /// The `Credential` (Alibaba) or `Access` (Huawei) field, or the part before `:` in the `acs` form.
    public var accessKeyId: String
    /// The signed header names in the order sent; empty for the `acs` form.
    public var signedHeaders: [String]
    /// The signature as sent (hex or base64).
    public var signature: String

    /// Creates a value directly.
    public init(algorithm: String, accessKeyId: String, signedHeaders: [String], signature: String) {
        self.algorithm = algorithm
        self.accessKeyId = accessKeyId
        self.signedHeaders = signedHeaders
        self.signature = signature
    }

    /// The parsed header, or nil when it is in none of the three forms.
    public static func parse(_ header: String) -> ParsedAuthorization? {
        let trimmed = SigningPrimitives.pythonStrip(header)
        guard let space = trimmed.firstIndex(of: " ") else { return nil }
        let algorithm = String(trimmed[..<space])
        let rest = SigningPrimitives.pythonStrip(String(trimmed[trimmed.index(after: space)...]))
        guard !algorithm.isEmpty, !rest.isEmpty else { return nil }
        return algorithm == "acs" ? parseROA(rest) : parseFields(algorithm: algorithm, rest)
    }

    // MARK: - Private

    private static func parseROA(_ rest: String) -> ParsedAuthorization? {
        // Base64 signatures never contain ":", so the last colon separates the key id from the signature.
        guard let colon = rest.lastIndex(of: ":") else { return nil }
        let accessKeyId = String(rest[..<colon])
        let signature = String(rest[rest.index(after: colon)...])
        guard !accessKeyId.isEmpty, !signature.isEmpty, !rest.contains(" ") else { return nil }
        return ParsedAuthorization(algorithm: "acs", accessKeyId: accessKeyId, signedHeaders: [], signature: signature)
    }

    private static func parseFields(algorithm: String, _ rest: String) -> ParsedAuthorization? {
        var fields: [String: String] = [:]
        for part in rest.split(separator: ",", omittingEmptySubsequences: false) {
            let field = SigningPrimitives.pythonStrip(String(part))
            guard let equals = field.firstIndex(of: "=") else { return nil }
            let name = String(field[..<equals])
            guard ["Credential", "Access", "SignedHeaders", "Signature"].contains(name), fields[name] == nil else {
                return nil
            }
            fields[name] = String(field[field.index(after: equals)...])
        }
        guard fields.count == 3,
              let accessKeyId = fields["Credential"] ?? fields["Access"], !accessKeyId.isEmpty,
              let signedHeaders = fields["SignedHeaders"],
              let signature = fields["Signature"], !signature.isEmpty
        else { return nil }
        return ParsedAuthorization(
            algorithm: algorithm,
            accessKeyId: accessKeyId,
            signedHeaders: signedHeaders.split(separator: ";").map(String.init),
            signature: signature)
    }
}
