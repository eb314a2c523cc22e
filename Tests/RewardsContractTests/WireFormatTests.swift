import Foundation
import RewardsContract
import Testing

@Suite struct WireFormatTests {
    @Test func timestampsWithDifferentFractionsNameTheSameInstant() throws {
        let plain = try #require(RFC3339.parse("2026-11-22T08:41:07Z"))
        let fractional = try #require(RFC3339.parse("2026-11-22T08:41:07.000000Z"))
        #expect(plain == fractional)
        #expect(plain.timeIntervalSince1970 == 1_795_336_867)
        let micro = try #require(RFC3339.parse("2026-11-22T08:41:07.250000Z"))
        #expect(abs(micro.timeIntervalSince(plain) - 0.25) < 1e-6)
        #expect(RFC3339.parse("2026-11-22T09:41:07+01:00") == plain)
    }

    @Test func malformedTimestampsDoNotParse() {
        for text in ["", "2026-11-22", "2026-13-01T00:00:00Z", "2026-11-22T08:41:07", "2026-11-22T08:41:07.Z",
                     "2026-11-22 08:41:07Z", "2026-11-22T08:41:07Zjunk"] {
            #expect(RFC3339.parse(text) == nil, "\(text) should not parse")
        }
    }

    @Test func formatRoundTrips() throws {
        let date = Date(timeIntervalSince1970: 1_795_336_867)
        #expect(RFC3339.format(date) == "2026-11-22T08:41:07Z")
        #expect(RFC3339.parse(RFC3339.format(date)) == date)
        #expect(HTTPDate.format(date) == "Sun, 22 Nov 2026 08:41:07 GMT")
        #expect(HTTPDate.parse("Sun, 22 Nov 2026 08:41:07 GMT") == date)
    }

    @Test func everyCodeOfTheContractHasItsStatusAndRetryability() {
        // 400:1, 401:3, 403:1, 404:5, 409:7, 410:1, 422:14, 429:1, 500:1, 503:1.
        #expect(ErrorCode.allKnown.count == 35)
        #expect(ErrorCode.rateLimited.httpStatus == 429 && ErrorCode.rateLimited.isRetryable)
        #expect(ErrorCode.unavailable.httpStatus == 503 && ErrorCode.unavailable.isRetryable)
        #expect(ErrorCode.internalError.isRetryable)
        #expect(ErrorCode.cursorExpired.httpStatus == 410 && !ErrorCode.cursorExpired.isRetryable)
        #expect(ErrorCode.versionConflict.httpStatus == 409)
        #expect(ErrorCode.manualReviewRequired.httpStatus == 422)
        let unknown = ErrorCode(rawValue: "brand_new_code")
        #expect(!unknown.isKnown && unknown.httpStatus == nil && unknown.rawValue == "brand_new_code")
    }

    @Test func unknownEnumValuesAndFieldsDecodeWithoutLoss() throws {
        let json = #"""
        {"id":"rev_1","version":2,"createdAt":"2026-11-22T08:41:07Z","updatedAt":"2026-11-22T08:41:07.5Z",
         "kind":"chargeback","reasonCode":"something_new","memberId":"mem_1","subjectRef":"tx_1",
         "pointsRequested":10,"pointsAvailable":3,"amountMinor":100,"currency":"EUR","status":"on_hold",
         "escalationLevel":0,"note":null,"decidedBy":null,"decidedAt":null,"brandNewField":{"x":1}}
        """#
        let review = try JSONDecoder().decode(Review.self, from: Data(json.utf8))
        #expect(review.kind.rawValue == "chargeback")
        #expect(review.status.rawValue == "on_hold")
        #expect(review.shortfall == 7)
        let encoded = String(decoding: try JSONEncoder().encode(review), as: UTF8.self)
        #expect(encoded.contains(#""note":null"#))
        #expect(encoded.contains(#""updatedAt":"2026-11-22T08:41:07.5Z""#))
    }

    @Test func feedEntriesOfUnknownTypeAreKeptAsUnknown() throws {
        let json = #"[{"seq":"1","type":"voucher","op":"upsert","id":"vou_1","version":1,"object":{"id":"vou_1"}},{"seq":"2","type":"member","op":"delete","id":"mem_1","version":4,"object":null}]"#
        let entries = try JSONDecoder().decode([ChangeEntry].self, from: Data(json.utf8))
        #expect(entries[0].object == .unknown)
        #expect(entries[1].op == .delete && entries[1].object == nil)
    }

    @Test func actionBodiesAreByteStable() {
        let body = ActionRequest(expectedVersion: 3, note: "check with finance").encodedBody()
        #expect(String(decoding: body, as: UTF8.self) == #"{"expectedVersion":3,"note":"check with finance"}"#)
        #expect(String(decoding: ActionRequest(expectedVersion: 1).encodedBody(), as: UTF8.self) == #"{"expectedVersion":1}"#)
    }

    @Test func pathSegmentsArePercentEncoded() {
        #expect(PathEscaping.segment("rev_1") == "rev_1")
        #expect(PathEscaping.segment("a b/c") == "a%20b%2Fc")
        #expect(PathEscaping.query([("q", "Zoë"), ("limit", "5")]) == "q=Zo%C3%AB&limit=5")
    }
}
