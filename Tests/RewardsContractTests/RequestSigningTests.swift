import Foundation
import RewardsContract
import Testing

/// Pinned vectors, computed independently with OpenSSL so the test cannot agree with a
/// bug in our own code:
///
///     body='{"expectedVersion":3}'
///     bh=$(printf '%s' "$body" | openssl dgst -sha256 -r | cut -d' ' -f1)
///     printf '1700000000\nPOST\n/v1/reviews/rev_123/approve\n%s' "$bh" \
///         | openssl dgst -sha256 -hmac 'sk_test_5ecret' -r
///
/// and for the GET, the same with `GET`, `/v1/changes?after=42&limit=500` and the hash of
/// the empty string (`printf '' | openssl dgst -sha256 -r`).
@Suite struct RequestSigningTests {
    let secret = "sk_test_5ecret"

    @Test func bodyHashOfEmptyBodyIsTheEmptyStringHash() {
        #expect(RequestSigning.bodyHash(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func signingStringJoinsTheFourPartsWithLineFeeds() {
        let text = RequestSigning.signingString(timestamp: "1700000000", method: "post",
                                                pathAndQuery: "/v1/reviews/rev_123/approve",
                                                body: Data(#"{"expectedVersion":3}"#.utf8))
        #expect(text == "1700000000\nPOST\n/v1/reviews/rev_123/approve\nfd7f8b6a1c748d71a1d8a06b8b7bbcaff0893c4a9051f21f4810da03159296f6")
    }

    @Test func postSignatureMatchesOpenSSL() {
        let signature = RequestSigning.signature(secret: secret, timestamp: "1700000000", method: "POST",
                                                 pathAndQuery: "/v1/reviews/rev_123/approve",
                                                 body: Data(#"{"expectedVersion":3}"#.utf8))
        #expect(signature == "v1=7d4f891406491176ab0992dd525d39023afe9640e659cf388d47c435b80c3b47")
    }

    @Test func getSignatureMatchesOpenSSL() {
        let signature = RequestSigning.signature(secret: secret, timestamp: "1700000000", method: "GET",
                                                 pathAndQuery: "/v1/changes?after=42&limit=500", body: Data())
        #expect(signature == "v1=cb11e1045106d9267e6d6e468c6ca6b98e2f72f70c750ec6c0c86489aa67e94a")
    }

    @Test func headersCarryBearerTimestampAndSignature() {
        let headers = Dictionary(uniqueKeysWithValues: RequestSigning.headers(
            keyId: "mr_test_abcdefghijklmnopqrstuvwx", secret: secret, timestamp: 1_700_000_000, method: "GET",
            pathAndQuery: "/v1/changes?after=42&limit=500", body: Data()))
        #expect(headers["Authorization"] == "Bearer mr_test_abcdefghijklmnopqrstuvwx")
        #expect(headers["X-MR-Timestamp"] == "1700000000")
        #expect(headers["X-MR-Signature"] == "v1=cb11e1045106d9267e6d6e468c6ca6b98e2f72f70c750ec6c0c86489aa67e94a")
    }

    @Test func aChangedQueryChangesTheSignature() {
        let one = RequestSigning.signature(secret: secret, timestamp: "1", method: "GET", pathAndQuery: "/v1/me", body: Data())
        let two = RequestSigning.signature(secret: secret, timestamp: "1", method: "GET", pathAndQuery: "/v1/me?x=1", body: Data())
        #expect(one != two)
    }

    @Test func constantTimeEqualsComparesBytes() {
        #expect(RequestSigning.constantTimeEquals(Array("abc".utf8), Array("abc".utf8)))
        #expect(!RequestSigning.constantTimeEquals(Array("abc".utf8), Array("abd".utf8)))
        #expect(!RequestSigning.constantTimeEquals(Array("abc".utf8), Array("abcd".utf8)))
    }

    @Test func keyIdsNameTheirEnvironment() {
        #expect(KeyID.environment(of: "mr_test_abcdefghijklmnopqrstuvwx") == .test)
        #expect(KeyID.environment(of: "mr_live_abcdefghijklmnopqrstuvwx") == .live)
        #expect(KeyID.environment(of: "mr_live_short") == nil)
        #expect(KeyID.environment(of: "sk_test_abcdefghijklmnopqrstuvwx") == nil)
    }
}
