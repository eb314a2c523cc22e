import Foundation
import Mirror
import RewardsContract
import Terminal
import Testing
@testable import Console

/// The Error log's three levels drawn into the in-memory screen and compared as text.
@Suite struct ErrorLogRenderTests {
    func screen(_ state: AppState) -> [String] {
        RootView.render(state).text().components(separatedBy: "\n")
    }

    func expectInert(_ state: AppState) {
        let buffer = RootView.render(state)
        for line in buffer.lines() {
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7f...0x9f).contains($0.value) })
            #expect(!line.unicodeScalars.contains { (0x202a...0x202e).contains($0.value) })
            #expect(TextWidth.columns(line) == state.columns, "every line fills the screen exactly: \(line)")
        }
    }

    @Test func theSummaryHasOneRowPerCodeWithSparklineAndAdvice() {
        let lines = screen(ErrorLogFixtures.state())
        #expect(lines[1] == "Code                          Count 24h ago              now Peak/h HTTP Retry  Seen What to do")
        #expect(lines[2] == "insufficient_points_balance   1,234                   ▂  ▁▄█      8  422 no       2m don't retry — The member has fewer…")
        #expect(lines[3] == "unavailable                       2                       █       1  503 yes      1h retry after Retry-After — The plat…")
        #expect(lines[4] == "�mystery_code�                    1                               —  418 no       2d no guidance for this code; shown a…")
        #expect(lines[22] == "Platform logs · retryable all · status all — Enter open · / search · s status · f retryable · c source")
    }

    @Test func theSelectedCodeIsHighlightedAndFollowedDownALongList() {
        var state = ErrorLogFixtures.state()  // 20 rows of table
        let many = (0..<30).map { index in
            ErrorGroup(code: "code_\(index)", count: 30 - index, lastSeen: Fixtures.now, httpStatus: 400,
                       retryable: false, hourly: ErrorLogFixtures.hourly([0: 1]))
        }
        ErrorLogPane.groupsLoaded(&state, generation: state.errors.extra.groupsGeneration,
                                 result: ErrorGroups(groups: many, truncated: true, now: Fixtures.now))
        _ = Update.update(&state, .key(.char("G")))
        let lines = screen(state)
        #expect(lines[2].hasPrefix("code_10 "))
        #expect(lines[21].hasPrefix("code_29 "))
        #expect(RootView.render(state).roles(y: 21).allSatisfy { $0 == .rowSelected })
        #expect(lines[22].contains("the 30 most active codes"))
        _ = Update.update(&state, .key(.char("g")))
        #expect(screen(state)[2].hasPrefix("code_0 "))
        #expect(RootView.render(state).roles(y: 2).allSatisfy { $0 == .rowSelected })
    }

    @Test func filtersAndSourceShowOnTheMessageLineAndInTheEmptyText() {
        var state = ErrorLogFixtures.state()
        state.errors.filter.source = .console
        state.errors.filter.retryable = true
        state.errors.filter.status = .serverErrors
        state.errors.extra.groups = []
        var lines = screen(state)
        #expect(lines[3] == " No failures match the filters (s, f to change).")
        #expect(lines[22] == "This console's calls · retryable yes · status 5xx — Enter open · / search · s status · f retryable · c source")
        state.errors.filter.retryable = nil
        state.errors.filter.status = .any
        #expect(screen(state)[3] == " This console has no failed calls recorded.")
        state.errors.extra.groupsLoaded = false
        lines = screen(state)
        #expect(lines[3] == " Loading…")
    }

    /// `RenderTests.errorLogPane`, one level down: the same rows table.
    @Test func theRowsTableIsUnchanged() {
        var state = Fixtures.state()
        state.pane = .errors
        state.errors.extra.mode = .rows
        let lines = screen(state)
        #expect(lines[1] == "Age HTTP Code                        Retry Method Path                     Message                          Request ID")
        #expect(lines[2] == " 2m  422 insufficient_points_balance no    POST   /v1/redemptions          The member does not have enough… req_AAAA1111")
        #expect(lines[3] == " 1h  503 unavailable                 yes   POST   /v1/transactions/settled �try later                       req_BBBB2222")
    }

    @Test func theDrillDownListsTheCodesFailuresNewestFirst() {
        let state = ErrorLogFixtures.drilledState()
        let lines = screen(state)
        #expect(lines[1] == "Age HTTP Code                        Retry Method Path            Message                                   Request ID")
        #expect(lines[2] == " 1m  422 insufficient_points_balance no    POST   /v1/redemptions ポイント残高が不足しています              req_CJK00001")
        #expect(lines[3] == "10m  422 insufficient_points_balance no    POST   /v1/redemptions �not enough� points                       req_ESC00002")
        #expect(lines[22] == "Platform logs › insufficient_points_balance · retryable all · status all — Enter detail · / search · Esc back")
    }

    @Test func theDetailShowsTheFailureTheAdviceAndInertDetails() {
        var state = ErrorLogFixtures.drilledState()
        _ = Update.update(&state, .key(.enter))
        var lines = screen(state)
        #expect(Array(lines[1...16]) == [
            " Failed request · insufficient_points_balance · POST /v1/redemptions",
            " Request ID       req_CJK00001",
            " Time             2026-11-22T08:40:07Z (1m ago)",
            " Request          POST /v1/redemptions",
            " Status           HTTP 422",
            " Code             insufficient_points_balance",
            " Message          ポイント残高が不足しています",
            " Retryable        no",
            " Idempotency key  redeem-mem_002-7",
            " Source           platform request log log_101",
            "",
            " What to do",
            "  Retry: no. The same call fails the same way until the cause below is fixed.",
            "  The member has fewer available points than asked (pending points do not count). Lower the amount or wait for points",
            "  to post.",
            "",
        ])
        #expect(lines[21] == " lines 1–19 of 25 · PgDn/PgUp scroll")
        _ = Update.update(&state, .key(.pageDown))
        lines = screen(state)
        #expect(Array(lines[11...21]) == [
            " Details",
            "  {",
            "    \"currentVersion\": 3,",
            "    \"nested\": [",
            "      true,",
            "      null,",
            "      1.5",
            "    ],",
            "    \"note\": \"\\u001b[2J残高\\u202etxt\"",
            "  }",
            " lines 7–25 of 25 · PgDn/PgUp scroll",
        ])
        expectInert(state)
    }

    @Test func aHostileMessageWrapsInertInTheDetail() {
        var state = ErrorLogFixtures.drilledState()
        _ = Update.update(&state, .key(.char("j")))
        _ = Update.update(&state, .key(.enter))
        let lines = screen(state)
        #expect(lines[7] == " Message          �not enough� points")
        #expect(lines[9] == " Idempotency key  —")
        #expect(lines.contains("  none"), "no details object")
        expectInert(state)
    }

    @Test func longTextWrapsByDisplayWidth() {
        var state = ErrorLogFixtures.drilledState()
        state.errors.list.rows[0].object.message = String(repeating: "残高不足 ", count: 30)
        state.errors.list.rows[0].object.details = nil
        _ = Update.update(&state, .key(.enter))
        let lines = screen(state)
        // Eleven words of nine columns (with the space) fit the 101 columns of a value.
        let eleven = String(repeating: "残高不足 ", count: 10) + "残高不足"
        #expect(lines[7] == " Message          " + eleven)
        #expect(lines[8] == "                  " + eleven)
        #expect(lines[9] == "                  " + String(repeating: "残高不足 ", count: 7) + "残高不足")
        #expect(lines[10] == " Retryable        no")
        expectInert(state)
    }

    @Test func theConsolesOwnCallReadsAsSuch() {
        var state = ErrorLogFixtures.drilledState()
        state.errors.filter.source = .console
        let at = Timestamp(Fixtures.now.addingTimeInterval(-30), fractionalDigits: 3)
        let call = RequestLog(id: "local_7", version: 1, createdAt: at, updatedAt: at, requestId: "", at: at,
                              method: "GET", path: "/v1/changes", httpStatus: 0, code: "transport_error",
                              message: "connection reset by peer", retryable: true,
                              details: .object(["attempt": .int(2)]))
        state.errors.filter.code = "transport_error"
        state.errors.list.apply(Fixtures.rows([call], key: \.id), select: .index(0), atStart: true)
        let rows = screen(state)
        #expect(rows[2] == "30s    — transport_error yes   GET    /v1/changes connection reset by peer                                    —")
        _ = Update.update(&state, .key(.enter))
        let lines = screen(state)
        #expect(lines[1] == " Failed call · transport_error · GET /v1/changes")
        #expect(lines[2] == " Request ID       —")
        #expect(lines[5] == " Status           — (no HTTP answer)")
        #expect(lines[10] == " Source           this console's own call, attempt 2")
        #expect(lines[13] == "  Retry: only as the same request, with the same body and the same Idempotency-Key.")
        #expect(!lines.contains(" Details"), "its only detail, the attempt, is in the source line")
    }

    @Test func anUnknownCodeIsShownAsSentWithoutAdvice() {
        var state = ErrorLogFixtures.drilledState()
        state.errors.list.rows[0].object.code = "teapot\u{1b}[5m_overflow"
        _ = Update.update(&state, .key(.enter))
        let lines = screen(state)
        #expect(lines[6] == " Code             teapot�_overflow")
        #expect(lines[13] == "  no guidance for this code; shown as the server sent it")
        expectInert(state)
    }

    @Test func everyLevelFitsAnEightyColumnScreen() {
        var state = ErrorLogFixtures.state(columns: 80)
        expectInert(state)
        _ = Update.update(&state, .key(.enter))
        state.errors.list.apply(Fixtures.rows(ErrorLogFixtures.rows, key: \.id), select: .index(0), atStart: true)
        state.awaitingMove = nil
        expectInert(state)
        _ = Update.update(&state, .key(.enter))
        expectInert(state)
        #expect(screen(state)[8] == " Retryable        no")
    }
}
