import Foundation
@testable import rewards_ops
import RewardsContract
import Testing

/// JSON from the headless commands and export: valid, the same data, and no raw control,
/// C1, bidi or line-separator character that a terminal would act on.
@Suite struct OutputTextTests {
    static let hostile = "A\u{1b}]52;c;cm0gLXJm\u{07}B\u{9b}31mC\u{85}D\u{202E}E\u{2066}F\u{2028}G\u{2029}H\u{7f}I\u{0}J 陳 👩‍💻"

    static func rawControls(_ text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter { value in
            (value < 0x20 && value != 0x0A) || (0x7F...0x9F).contains(value) || [0x061C, 0x200E, 0x200F, 0x2028, 0x2029].contains(value)
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
        }
    }

    @Test func jsonKeepsTheDataAndLosesTheRawControls() throws {
        let member = Member(id: "mem_1", version: 1, createdAt: Timestamp(raw: "2026-01-01T00:00:00Z"),
                            updatedAt: Timestamp(raw: "2026-01-01T00:00:00Z"), clubId: "club_1", externalRef: "CRM-1",
                            name: Self.hostile, email: "e@example.com", status: .active, pointsAvailable: 1, pointsPending: 0,
                            pointsLifetime: 1, payoutReady: true, currency: "EUR")
        let json = try Output.json(member)
        #expect(Self.rawControls(json).isEmpty, "\(Self.rawControls(json))")
        #expect(json.contains("\\u001b") && json.contains("\\u009b") && json.contains("\\u202e") && json.contains("\\u2028"))
        let back = try JSONDecoder().decode(Member.self, from: Data(json.utf8))
        #expect(back == member)
        #expect(json.contains("陳 👩‍💻"))
    }

    @Test func textIsInertLikeTheConsoles() {
        let text = OutputText.inert(Self.hostile)
        // Terminals draw U+2028/2029 as nothing or a box, so the console's rule leaves them;
        // JSON escapes them for the sake of JavaScript readers.
        #expect(Self.rawControls(text).allSatisfy { $0 == 0x2028 || $0 == 0x2029 }, "\(Self.rawControls(text))")
        #expect(text.contains("陳 👩‍💻"))
    }

    @Test func sinceTakesDurationsAndTimes() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(TimeArgument.parse("90s", now: now) == now.addingTimeInterval(-90))
        #expect(TimeArgument.parse("15m", now: now) == now.addingTimeInterval(-900))
        #expect(TimeArgument.parse("2h", now: now) == now.addingTimeInterval(-7200))
        #expect(TimeArgument.parse("1.5d", now: now) == now.addingTimeInterval(-129_600))
        #expect(TimeArgument.parse("1w", now: now) == now.addingTimeInterval(-604_800))
        #expect(TimeArgument.parse("2026-11-22T08:00:00Z", now: now) == RFC3339.parse("2026-11-22T08:00:00Z"))
        for bad in ["", "h", "-5m", "5y", "yesterday", "1e400s", "99999999d"] {
            #expect(TimeArgument.parse(bad, now: now) == nil, "\(bad)")
        }
    }
}
