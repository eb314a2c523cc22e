import Foundation
import Mirror
import RewardsContract
import Terminal
import TestSupport
import Testing
@testable import Console

/// The Error log's `/`: typing searches the failures as you type, keys typed into it never
/// act, Enter opens the newest match, Esc clears the search and goes back.
@Suite struct ErrorLogSearchTests {
    func send(_ state: inout AppState, _ keys: Key...) -> [Command] {
        keys.flatMap { Update.update(&state, .key($0)) }
    }

    func type(_ state: inout AppState, _ text: String) -> [Command] {
        text.flatMap { Update.update(&state, .key(.char($0))) }
    }

    /// The filter of the last window load among `commands`.
    func loadedFilter(_ commands: [Command]) -> ErrorLogFilter? {
        commands.reversed().lazy.compactMap { command -> ErrorLogFilter? in
            guard case .loadWindow(let query, _, _, _, _) = command else { return nil }
            return query.filter(as: ErrorLogFilter.self)
        }.first
    }

    /// The matches arrive for the latest request.
    func deliver(_ state: inout AppState, _ logs: [RequestLog]) -> [Command] {
        Update.update(&state, .windowLoaded(pane: .errors, generation: state.errors.list.generation,
                                            rows: PaneWindow(Fixtures.rows(logs, key: \.id)), select: .index(0),
                                            outbox: [:], atStart: true))
    }

    @Test func slashOnTheSummaryOpensThePromptAndTypingSearchesEveryCode() {
        var state = ErrorLogFixtures.state()
        #expect(send(&state, .char("/")).isEmpty, "nothing is searched before a character is typed")
        #expect(state.filterInput == InputLine(prompt: "/", text: ""))
        #expect(state.errors.extra.mode == .groups)
        let commands = type(&state, "req_C")
        #expect(state.errors.extra.mode == .rows)
        #expect(state.errors.filter.code == nil)
        #expect(loadedFilter(commands) == ErrorLogFilter(text: "req_C"))
        guard case .loadWindow(_, .top, 20, .index(0), _)? = commands.last else {
            Issue.record("expected the matches from the top, got \(commands)"); return
        }
        #expect(RootView.render(state).lines()[22].hasPrefix("Filter error log: /req_C▏  "))
    }

    @Test func keysTypedIntoTheSearchNeverAct() {
        var state = ErrorLogFixtures.state()
        _ = send(&state, .char("/"))
        let commands = type(&state, "/req qa4rcsfjyue:?")
        #expect(state.filterInput?.text == "/req qa4rcsfjyue:?")
        #expect(!state.quitRequested && !state.showHelp && state.commandInput == nil && state.dialog == nil)
        #expect(state.pane == .errors && state.errors.filter.source == .platform && state.errors.filter.status == .any)
        #expect(!commands.contains(.quit) && !commands.contains(.syncNow))
        #expect(commands.allSatisfy { if case .loadWindow = $0 { return true } else { return false } },
                "typing only searches: \(commands)")
    }

    @Test func backspaceToNothingShowsTheSummaryAgainAndOnceMoreClosesThePrompt() {
        var state = ErrorLogFixtures.state()
        _ = send(&state, .char("/"), .char("x"))
        #expect(state.errors.extra.mode == .rows)
        let back = send(&state, .backspace)
        #expect(state.errors.extra.mode == .groups && state.filterInput?.text == "")
        #expect(back == [.loadErrorGroups(ErrorLogFilter(), now: Fixtures.now, limit: ErrorLogState.groupLimit,
                                          generation: state.errors.extra.groupsGeneration)])
        #expect(send(&state, .backspace).isEmpty)
        #expect(state.filterInput == nil, "Backspace on the empty prompt closes it")
        #expect(send(&state, .char("q")).isEmpty && !state.quitRequested, "a letter right after is no action")
    }

    @Test func enterOpensTheNewestMatch() {
        var state = ErrorLogFixtures.state()
        _ = send(&state, .char("/"))
        _ = type(&state, "ESC0")
        _ = deliver(&state, [ErrorLogFixtures.rows[1]])
        #expect(send(&state, .enter).isEmpty)
        #expect(state.filterInput == nil)
        #expect(state.errors.extra.mode == .detail)
        #expect(state.errors.list.selectedRow?.requestId == "req_ESC00002")
        let lines = RootView.render(state).lines()
        #expect(lines[2].hasPrefix(" Request ID       req_ESC00002  "))
    }

    @Test func enterBeforeTheMatchesArriveWaitsForThem() {
        var state = ErrorLogFixtures.state()
        _ = send(&state, .char("/"))
        _ = type(&state, "CJK")
        _ = deliver(&state, ErrorLogFixtures.rows)  // the matches of "CJK"… while one more key is typed
        _ = type(&state, "0")
        #expect(send(&state, .enter).isEmpty)
        #expect(state.errors.list.rows.isEmpty, "the matches of the shorter text do not linger to be opened")
        #expect(state.awaitingMove?.pane == .errors && state.typeahead == [.enter])
        _ = deliver(&state, [ErrorLogFixtures.rows[0]])
        #expect(state.errors.extra.mode == .detail)
        #expect(state.errors.list.selectedRow?.requestId == "req_CJK00001")
    }

    @Test func enterWithoutAMatchStaysOnTheEmptyList() {
        var state = ErrorLogFixtures.state()
        _ = send(&state, .char("/"))
        _ = type(&state, "nothing")
        _ = deliver(&state, [])
        _ = send(&state, .enter)
        #expect(state.errors.extra.mode == .rows)
        let lines = RootView.render(state).lines()
        #expect(lines[3].hasPrefix(" No failure matches “nothing”. Esc clears the search.  "))
        #expect(lines[22].hasPrefix("Platform logs › “nothing” · retryable all · status all — Enter detail"))
    }

    @Test func escStepsBackFromTheMatchToTheMatchesAndClearsTheSearchToTheSummary() {
        var state = ErrorLogFixtures.state()
        _ = send(&state, .char("/"))
        _ = type(&state, "req")
        _ = deliver(&state, ErrorLogFixtures.rows)
        _ = send(&state, .enter)
        #expect(state.errors.extra.mode == .detail)
        #expect(send(&state, .escape).isEmpty)
        #expect(state.errors.extra.mode == .rows && state.errors.filter.text == "req", "back to the matches")
        let back = send(&state, .escape)
        #expect(state.errors.extra.mode == .groups && state.errors.filter.text.isEmpty)
        #expect(back.contains { if case .loadErrorGroups(ErrorLogFilter(), _, _, _) = $0 { true } else { false } })
    }

    @Test func escInThePromptClearsTheSearch() {
        var state = ErrorLogFixtures.state()
        _ = send(&state, .char("/"))
        _ = type(&state, "req")
        _ = send(&state, .escape)
        #expect(state.filterInput == nil && state.errors.filter.text.isEmpty && state.errors.extra.mode == .groups)
    }

    @Test func aSearchInsideOneCodeKeepsTheCode() {
        var state = ErrorLogFixtures.drilledState()
        _ = send(&state, .char("/"))
        let commands = type(&state, "CJK")
        #expect(loadedFilter(commands) == ErrorLogFilter(code: "insufficient_points_balance", text: "CJK"))
        let cleared = send(&state, .escape)
        #expect(state.errors.extra.mode == .rows, "still in the code's failures")
        #expect(loadedFilter(cleared) == ErrorLogFilter(code: "insufficient_points_balance"))
    }

    @Test func slashOverOneFailureSearchesTheListItCameFrom() {
        var state = ErrorLogFixtures.drilledState()
        _ = send(&state, .enter)
        #expect(state.errors.extra.mode == .detail)
        _ = send(&state, .char("/"))
        #expect(state.filterInput != nil && state.errors.extra.mode == .rows)
    }

    @Test func anotherSourceDropsTheSearch() {
        var state = ErrorLogFixtures.state()
        _ = send(&state, .char("/"))
        _ = type(&state, "req")
        _ = deliver(&state, ErrorLogFixtures.rows)
        _ = send(&state, .enter, .escape)  // the newest match, and back to the matches
        #expect(state.errors.extra.mode == .rows && state.errors.filter.text == "req")
        _ = send(&state, .char("c"))
        #expect(state.errors.filter.source == .console && state.errors.filter.text.isEmpty)
        #expect(state.errors.extra.mode == .groups)
    }

    @Test func thePromptSaysSoWhileTheMatchesOfTheTextAreOnTheirWay() {
        var state = ErrorLogFixtures.state()
        _ = send(&state, .char("/"))
        _ = type(&state, "req")
        #expect(RootView.render(state).lines()[22].hasPrefix("Filter error log: /req▏  searching…"))
        _ = deliver(&state, [ErrorLogFixtures.rows[0]])
        let line = RootView.render(state).lines()[22]
        #expect(line.hasPrefix("Filter error log: /req▏") && !line.contains("searching"))
    }

    @Test func theMatchesNameTheirObjectAndTheMessageLineTheSearch() {
        var state = ErrorLogFixtures.state()
        _ = send(&state, .char("/"))
        _ = type(&state, "red")
        var log = ErrorLogFixtures.rows[0]
        log.path = "/v1/redemptions/red_3t4jv5shprdev/approve"
        _ = deliver(&state, [log, ErrorLogFixtures.rows[1]])
        _ = send(&state, .enter, .escape)  // the newest match, and back to the matches
        let lines = RootView.render(state).lines()
        #expect(lines[1] == "Age HTTP Code                        Retry Method Path                Message             Object            Request ID  ")
        #expect(lines[2] == " 1m  422 insufficient_points_balance no    POST   /v1/redemptions/re… ポイント残高が不足… red_3t4jv5shprdev req_CJK00001")
        #expect(lines[3] == "10m  422 insufficient_points_balance no    POST   /v1/redemptions     �not enough� points                   req_ESC00002")
        #expect(lines[22].hasPrefix("Platform logs › “red” · retryable all · status all — Enter detail · / edit · Esc clears the search"))
    }
}

/// The search end to end inside the console: keys, the real query on a mirror, the rows, Enter.
@Suite struct ErrorLogSearchMirrorTests {
    static func log(_ id: String, requestId: String, secondsAgo: Double, code: ErrorCode = .insufficientPointsBalance,
                    path: String = "/v1/redemptions", details: JSONValue? = nil) -> RequestLog {
        let at = Timestamp(ErrorLogMirror.now.addingTimeInterval(-secondsAgo))
        return RequestLog(id: id, version: 1, createdAt: at, updatedAt: at, requestId: requestId, at: at, method: "POST",
                          path: path, httpStatus: 422, code: code, message: "refused \(id)", retryable: false,
                          details: details)
    }

    static let logs = [
        log("log_1", requestId: "req_IKs9kbkXVhEknLJ9XaQ1", secondsAgo: 600),
        log("log_2", requestId: "req_Zq81mmAAbbCCddEEffGg", secondsAgo: 60, code: .unavailable),
        log("log_3", requestId: "req_Pp00aaBBccDDeeFFggHh", secondsAgo: 30, code: .versionConflict,
            path: "/v1/reviews/rev_0ccwb7ctmijvc/approve"),
        log("log_4", requestId: "req_Tt77hhIIjjKKllMMnnOo", secondsAgo: 10, code: .minimumRedemption,
            details: .object(["memberId": .string("mem_3n9b4at24zl6h")])),
    ]

    func runtime(_ mirror: MirrorStore) -> (ConsoleRuntime, MemoryTerminal) {
        let terminal = MemoryTerminal(columns: 120, rows: 24)
        return (ConsoleRuntime(terminal: terminal, mirror: mirror, engine: nil), terminal)
    }

    func type(_ runtime: ConsoleRuntime, _ keys: String) {
        for character in keys { runtime.dispatch(.key(.char(character))) }
    }

    @Test func partOfARequestIdFindsItsLogAndEnterOpensIt() async throws {
        let mirror = try ErrorLogMirror.mirror(logs: Self.logs)
        defer { ErrorLogMirror.remove(mirror) }
        let (runtime, _) = runtime(mirror)
        runtime.start()
        runtime.dispatch(.key(.char("4")))
        #expect(await runtime.step { $0.errors.extra.groupsLoaded })
        type(runtime, "/ks9KBK")
        #expect(await runtime.step { !$0.errors.list.isLoading && $0.errors.list.loaded })
        #expect(runtime.state.errors.list.rows.map(\.object.id) == ["log_1"], "any part, in any case")
        runtime.dispatch(.key(.enter))
        #expect(await runtime.step { $0.errors.extra.mode == .detail })
        let lines = RootView.render(runtime.state).lines()
        #expect(lines[2].hasPrefix(" Request ID       req_IKs9kbkXVhEknLJ9XaQ1  "))
    }

    @Test func anObjectNamedInThePathOrTheDetailsIsFound() async throws {
        let mirror = try ErrorLogMirror.mirror(logs: Self.logs)
        defer { ErrorLogMirror.remove(mirror) }
        let (runtime, _) = runtime(mirror)
        runtime.start()
        runtime.dispatch(.key(.char("4")))
        type(runtime, "/mem_3n9b")
        #expect(await runtime.step { !$0.errors.list.isLoading && $0.errors.list.loaded })
        #expect(runtime.state.errors.list.rows.map(\.object.id) == ["log_4"])
        let row = RootView.render(runtime.state).lines()[2]
        #expect(row.contains("mem_3n9b4at24zl6h") && row.contains("req_Tt77hhIIjjKKllMMnnOo"), "\(row)")
        // Back to an empty prompt, which stays open (one more Backspace would close it).
        for _ in "mem_3n9b" { runtime.dispatch(.key(.backspace)) }
        type(runtime, "rev_0cc")
        #expect(await runtime.step { $0.errors.list.rows.map(\.object.id) == ["log_3"] && !$0.errors.list.isLoading })
        type(runtime, "zzz")
        #expect(await runtime.step { $0.errors.list.rows.isEmpty && !$0.errors.list.isLoading })
    }
}
