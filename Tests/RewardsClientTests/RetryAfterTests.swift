import Foundation
import RewardsClient
import RewardsContract
import Testing

/// `Retry-After` is read strictly and bounded: digits or an HTTP date, never more than the
/// maximum, never a number that could trap when it becomes a wait.
@Suite struct RetryAfterTests {
    let now = Date(timeIntervalSince1970: 1_795_336_867)  // 2026-11-22T08:41:07Z

    @Test(arguments: [("1", 1.0), ("0", 0), ("  12 ", 12), ("300", 300), ("301", 300), ("999999", 300),
                      ("99999999999999999999999999", 300)])
    func wholeSecondsAreReadAndClamped(value: String, expected: Double) {
        #expect(RetryAfter.seconds(value, now: now) == expected)
    }

    @Test(arguments: ["1e300", "nan", "NaN", "inf", "-5", "1.5", "+3", "0x10", "", "   ", "5 s", "١٢", "\u{1b}[2J"])
    func anythingElseIsNoRetryAfterAtAll(value: String) {
        #expect(RetryAfter.seconds(value, now: now) == nil)
    }

    @Test func anHTTPDateIsTheTimeUntilThenWithinTheMaximum() {
        #expect(RetryAfter.seconds(HTTPDate.format(now.addingTimeInterval(42)), now: now) == 42)
        #expect(RetryAfter.seconds(HTTPDate.format(now.addingTimeInterval(-60)), now: now) == 0)
        #expect(RetryAfter.seconds(HTTPDate.format(now.addingTimeInterval(86_400 * 365)), now: now) == 300)
        #expect(RetryAfter.seconds(nil, now: now) == nil)
    }

    @Test func pausesAreBoundedWhateverTheyAreAskedFor() {
        #expect(Pause.boundedMilliseconds(.nan) == 0)
        #expect(Pause.boundedMilliseconds(-1) == 0)
        #expect(Pause.boundedMilliseconds(.infinity) == 0)
        #expect(Pause.boundedMilliseconds(1e300) == 3_600_000)
        #expect(Pause.boundedMilliseconds(0.25) == 250)
    }
}
