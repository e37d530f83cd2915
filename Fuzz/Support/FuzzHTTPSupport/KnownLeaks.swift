import CredentialsCore
import FuzzSupport

/// Secret leaks found by fuzzing and reported (docs/RELIABILITY.md, "Findings"), tolerated by the response targets
/// so that fuzzing goes on looking for others. `CLOUDCRED_FUZZ_STRICT=1` turns them back into failures.
public enum KnownLeaks {
    /// Every tolerated leak of a server answer.
    public static let all: [SecretLeaks.Tolerance] = [plainTextBody]

    /// F1: `SafeBody.render` quotes a body that is not valid JSON as it is (up to 256 characters), so a truncated
    /// or otherwise broken JSON answer that holds credentials puts them into the error message. Tolerated when the
    /// error text contains `SafeBody.render` of such an answer and that rendering contains the secret.
    public static let plainTextBody = SecretLeaks.Tolerance(id: "F1-safebody-plain-text") { input, candidate, text in
        CannedResponses.parse(input).contains { answer in
            guard case .response(let response) = answer, (try? JSONValue.parse(response.body)) == nil else { return false }
            let shown = SafeBody.render(response.body)
            return shown.contains(candidate.value) && text.contains(shown)
        }
    }
}
