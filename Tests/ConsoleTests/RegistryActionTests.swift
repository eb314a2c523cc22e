import Foundation
import Mirror
import RewardsContract
import Terminal
import Testing
@testable import Console

/// One update-function test (at least) for every action of `ActionRegistry`, driven by the
/// action's default key as the registry defines it, asserting what the action does to the
/// state and which effects it asks for.
@Suite struct RegistryActionTests {
    typealias F = RegistryActionFixtures

    /// The actions this file tests one by one. `everyActionHasASpecAndATest` fails when an
    /// action is added to `ActionID` without being added here (and so without a test).
    static let covered: Set<ActionID> = [
        .quit, .help, .nextPane, .previousPane, .membersPane, .redemptionsPane, .reviewsPane, .errorsPane,
        .down, .up, .top, .bottom, .pageDown, .pageUp, .halfPageDown, .halfPageUp,
        .filter, .approve, .escalate, .syncNow,
        .openDetail, .mark, .undo,
        .cycleStatus, .toggleDeleted, .copyId, .audit,
        .errorsOpen, .errorsBack, .errorsSource, .errorsRetryable, .errorsStatus,
        .clearFilter,
        .approveWithNote, .openMember,
    ]

    // MARK: The registry itself

    @Test func everyActionHasASpecAndATest() {
        for id in ActionID.allCases {
            #expect(ActionRegistry.all.filter { $0.id == id }.count == 1, "\(id) needs exactly one spec")
        }
        #expect(ActionRegistry.all.count == ActionID.allCases.count)
        let untested = Set(ActionID.allCases).subtracting(Self.covered)
        #expect(untested.isEmpty, "actions without an update test in RegistryActionTests: \(untested.map(\.rawValue).sorted())")
        #expect(Self.covered.isSubset(of: Set(ActionID.allCases)))
    }

    @Test func everyKeyAndCommandNameReachesItsOwnActionOnEveryPaneItAppliesTo() {
        for spec in ActionRegistry.all {
            #expect(!spec.keys.isEmpty || !spec.commands.isEmpty, "\(spec.id) cannot be reached")
            for pane in PaneTable.ids where spec.panes?.contains(pane) ?? true {
                for key in spec.keys {
                    #expect(ActionRegistry.action(for: key, on: pane)?.id == spec.id,
                            "\(Keymap.label(key)) on \(pane) should be \(spec.id)")
                    #expect(Keymap().action(for: key, on: pane)?.id == spec.id)
                }
                for name in spec.commands {
                    #expect(ActionRegistry.action(forCommand: name, on: pane)?.id == spec.id,
                            ":\(name) on \(pane) should be \(spec.id)")
                }
            }
        }
    }

    @Test func aReadOnlyKeyIsNeitherShownNorOfferedAMutatingAction() {
        let mutating = Set(ActionRegistry.all.filter(\.mutates).map(\.id))
        #expect(mutating == [.approve, .approveWithNote, .escalate, .mark, .undo])
        for pane in PaneTable.ids {
            #expect(ActionRegistry.available(on: pane, readOnly: true).allSatisfy { !$0.mutates })
            let offered = Set(ActionRegistry.completions(of: "", on: pane, readOnly: true))
            for spec in ActionRegistry.all where spec.mutates {
                #expect(offered.isDisjoint(with: spec.commands), ":\(spec.commands) offered to a read-only key on \(pane)")
            }
        }
        #expect(ActionRegistry.completions(of: "", on: .reviews, readOnly: false).contains("approve"))
    }

    // MARK: quit, help

    @Test func quitAsksTheLoopToEnd() {
        var state = Fixtures.state()
        #expect(F.press(.quit, &state) == [.quit])
        #expect(state.quitRequested)
        #expect(state.dialog == nil)
    }

    @Test func helpOpensTheOverlayWithThePanesActionsAndAnyKeyClosesIt() {
        var state = Fixtures.state()
        #expect(F.press(.help, &state).isEmpty)
        #expect(state.showHelp)
        let text = RootView.render(state).text()
        #expect(text.contains("Keys — Review queue"))
        #expect(text.contains(F.spec(.approve).description))
        #expect(!text.contains(F.spec(.toggleDeleted).description), "d applies to the members only")
        #expect(Update.update(&state, .key(.char("a"))).isEmpty)
        #expect(!state.showHelp && state.dialog == nil, "the key that closes help does nothing else")
    }

    // MARK: Panes

    @Test func nextPaneSwitchesToTheNextTabAndLoadsIt() {
        var state = Fixtures.state()
        state.pane = .members
        let commands = F.press(.nextPane, &state)
        #expect(state.pane == .redemptions)
        #expect(commands == [.loadWindow(.redemptions(RedemptionFilter()), request: .top,
                                         limit: 20, select: .id("red_001", fallback: 0), generation: 1)])
        state.pane = .errors
        _ = F.press(.nextPane, &state)
        #expect(state.pane == .members, "Tab wraps around")
    }

    @Test func previousPaneSwitchesToThePreviousTabAndLoadsIt() {
        var state = Fixtures.state()
        let commands = F.press(.previousPane, &state)
        #expect(state.pane == .redemptions)
        #expect(commands == [.loadWindow(.redemptions(RedemptionFilter()), request: .top,
                                         limit: 20, select: .id("red_001", fallback: 0), generation: 1)])
        state.pane = .members
        #expect(F.groupsLoad(F.press(.previousPane, &state)) == ErrorLogFilter())
        #expect(state.pane == .errors, "S-Tab wraps around")
    }

    @Test func membersPaneSwitchesAndLoadsTheMembersWhereTheyStood() {
        var state = Fixtures.state()
        state.members.list.selected = 2
        let commands = F.press(.membersPane, &state)
        #expect(state.pane == .members)
        #expect(commands == [.loadWindow(.members(MemberFilter()), request: .top, limit: 20,
                                         select: .id("mem_003", fallback: 2), generation: 1)])
    }

    @Test func redemptionsPaneSwitchesAndLoadsWithItsFilter() {
        var state = Fixtures.state()
        state.redemptions.filter = RedemptionFilter(pendingOnly: false, status: .escalated)
        let commands = F.press(.redemptionsPane, &state)
        #expect(state.pane == .redemptions)
        #expect(commands == [.loadWindow(.redemptions(RedemptionFilter(pendingOnly: false,
                                                                                                  status: .escalated)),
                                         request: .top, limit: 20, select: .id("red_001", fallback: 0), generation: 1)])
    }

    @Test func reviewsPaneSwitchesAndLoadsTheQueue() {
        var state = Fixtures.state()
        state.pane = .members
        let commands = F.press(.reviewsPane, &state)
        #expect(state.pane == .reviews)
        #expect(commands == [.loadWindow(.reviews(ReviewFilter()), request: .top, limit: 20,
                                         select: .id("rev_001", fallback: 0), generation: 1)])
    }

    @Test func errorsPaneSwitchesAndLoadsTheSummary() {
        var state = Fixtures.state()
        let commands = F.press(.errorsPane, &state)
        #expect(state.pane == .errors)
        #expect(commands == [.loadErrorGroups(ErrorLogFilter(), now: Fixtures.now, limit: ErrorLogState.groupLimit,
                                              generation: 1)])
        #expect(state.errors.extra.groupsRequestedAt == Fixtures.now)
    }

    // MARK: Moves (a full window of 20, the 13th row selected)

    @Test func downMovesInsideTheWindowWithoutAQuery() {
        var state = F.tallState()
        #expect(F.press(.down, &state).isEmpty)
        #expect(state.reviews.list.selectedRow?.review.id == "rev_114")
        #expect(state.awaitingMove == nil)
    }

    @Test func upMovesInsideTheWindowWithoutAQuery() {
        var state = F.tallState()
        #expect(F.press(.up, &state).isEmpty)
        #expect(state.reviews.list.selectedRow?.review.id == "rev_112")
    }

    @Test func topLoadsTheFirstWindowAndKeysWaitForIt() {
        var state = F.tallState()
        let commands = F.press(.top, &state)
        #expect(commands == [.loadWindow(.reviews(ReviewFilter()), request: .top, limit: 20,
                                         select: .index(0), generation: 1)])
        #expect(state.awaitingMove?.pane == .reviews && state.awaitingMove?.generation == 1)
        _ = Update.update(&state, .windowLoaded(pane: .reviews, generation: 1,
                                                rows: PaneWindow(Fixtures.rows(Fixtures.reviews, key: \.review.id)),
                                                select: .index(0), outbox: [:], atStart: true))
        #expect(state.reviews.list.selectedRow?.review.id == "rev_001")
        #expect(state.awaitingMove == nil)
    }

    @Test func bottomLoadsTheLastWindowSelectingItsLastRow() {
        var state = F.tallState()
        let commands = F.press(.bottom, &state)
        #expect(commands == [.loadWindow(.reviews(ReviewFilter()), request: .bottom, limit: 20,
                                         select: .last, generation: 1)])
        #expect(state.awaitingMove?.generation == 1)
    }

    @Test func pageDownSeeksAWholePageOn() {
        var state = F.tallState()
        let commands = F.press(.pageDown, &state)
        // 12 + 20 = row 32: the window follows by 13 rows, the selection on its last row.
        #expect(commands == [.loadWindow(.reviews(ReviewFilter()),
                                         request: .startingAt(RowKey([.text("rev_114")])), limit: 20,
                                         select: .index(19), generation: 1)])
        #expect(state.awaitingMove?.generation == 1)
    }

    @Test func pageUpSeeksAWholePageBack() {
        var state = F.tallState()
        let commands = F.press(.pageUp, &state)
        // 12 - 20 = 8 rows above the window's first.
        #expect(commands == [.loadWindow(.reviews(ReviewFilter()),
                                         request: .endingBefore(RowKey([.text("rev_101")]), count: 8), limit: 20,
                                         select: .index(0), generation: 1)])
    }

    @Test func halfPageDownSeeksHalfAPageOn() {
        var state = F.tallState()
        let commands = F.press(.halfPageDown, &state)
        // 12 + 10 = row 22: the window follows by 3 rows.
        #expect(commands == [.loadWindow(.reviews(ReviewFilter()),
                                         request: .startingAt(RowKey([.text("rev_104")])), limit: 20,
                                         select: .index(19), generation: 1)])
    }

    @Test func halfPageUpStaysInsideTheWindow() {
        var state = F.tallState()
        #expect(F.press(.halfPageUp, &state).isEmpty)
        #expect(state.reviews.list.selected == 2)
        #expect(state.reviews.list.selectedRow?.review.id == "rev_103")
    }

    // MARK: Filter

    static let filterPanes: [PaneID] = (ActionRegistry.spec(.filter)?.panes ?? [])
        .sorted { PaneTable.number(of: $0) < PaneTable.number(of: $1) }

    @Test(arguments: filterPanes)
    func filterOpensTheInputAndTypingReloadsThePane(pane: PaneID) throws {
        var state = Fixtures.state()
        state.pane = pane
        #expect(F.press(.filter, &state).isEmpty)
        #expect(state.filterInput == InputLine(prompt: "/", text: ""))
        let commands = Update.update(&state, .key(.char("x")))
        let load = try #require(F.windowLoad(commands))
        #expect(load.pane == pane)
        #expect(load.request == .top && load.select == .index(0))
        switch pane {
        case .members: #expect(load.query == .members(MemberFilter(text: "x")))
        case .reviews: #expect(load.query == .reviews(ReviewFilter(text: "x")))
        case .redemptions: #expect(load.query == .redemptions(RedemptionFilter(text: "x")))
        case .errors: #expect(load.query == .errorLog(ErrorLogFilter(text: "x")))
        default: Issue.record("\(pane) is not a pane of the tests")
        }
    }

    static let clearFilterPanes: [PaneID] = (ActionRegistry.spec(.clearFilter)?.panes ?? [])
        .sorted { PaneTable.number(of: $0) < PaneTable.number(of: $1) }

    @Test(arguments: clearFilterPanes)
    func clearFilterDropsTheActiveFilterAndReloadsFromTheTop(pane: PaneID) throws {
        var state = Fixtures.state()
        state.pane = pane
        state.panes[pane].filterText = "Zoë"
        let commands = F.press(.clearFilter, &state)
        #expect(state.panes[pane].filterText == "")
        #expect(state.filterInput == nil)
        let load = try #require(F.windowLoad(commands))
        #expect(load.pane == pane && load.request == .top && load.select == .index(0))
        switch pane {
        case .members: #expect(load.query == .members(MemberFilter()))
        case .reviews: #expect(load.query == .reviews(ReviewFilter()))
        case .redemptions: #expect(load.query == .redemptions(RedemptionFilter()))
        default: Issue.record("\(pane) is not a pane of the tests")
        }
        // With no filter left, Esc dismisses the message line and loads nothing.
        state.flash = Flash(text: "Copied rev_001", level: .success, at: Fixtures.now)
        #expect(F.press(.clearFilter, &state).isEmpty)
        #expect(state.flash == nil)
    }

    @Test func clearFilterOnTheErrorLogIsItsBackKeyWhichClearsASearchFirst() {
        #expect(ActionRegistry.action(for: .escape, on: .errors)?.id == .errorsBack)
        var state = ErrorLogFixtures.drilledState()
        state.errors.filter.text = "req"
        _ = F.press(.errorsBack, &state)
        #expect(state.errors.filter.text.isEmpty && state.errors.extra.mode == .rows)
    }

    @Test func filterStartsFromTheTextAlreadyApplied() {
        var state = Fixtures.state()
        state.reviews.filter.text = "Zoë"
        _ = F.press(.filter, &state)
        #expect(state.filterInput?.text == "Zoë")
        #expect(RootView.render(state).lines()[22].hasPrefix("Filter review queue: /Zoë"))
    }

    // MARK: Decisions

    @Test func approveOpensTheConfirmationWithCancelFocusedAndSendsNothingYet() throws {
        var state = Fixtures.state()
        #expect(F.press(.approve, &state).isEmpty)
        let dialog = try #require(state.dialog)
        #expect(dialog.verb == .approve && dialog.step == .confirm && dialog.focus == .cancel)
        #expect(dialog.actions.map(\.objectId) == ["rev_001"])
        #expect(dialog.actions.first?.subject == .review)
        #expect(dialog.actions.first?.expectedVersion == 2)
        guard case .enqueue(let action, let delay)? = Update.update(&state, .key(.char("y"))).first else {
            Issue.record("y should queue the approval"); return
        }
        #expect(action.objectId == "rev_001" && action.verb == .approve && action.expectedVersion == 2)
        #expect(delay == state.undoSeconds)
    }

    @Test func approveOnARedemptionTakesItsVersion() throws {
        var state = Fixtures.state()
        state.pane = .redemptions
        #expect(F.press(.approve, &state).isEmpty)
        let action = try #require(state.dialog?.actions.first)
        #expect(action.subject == .redemption && action.objectId == "red_001" && action.expectedVersion == 3)
    }

    @Test func escalateOpensTheDialogOnItsNoteStep() throws {
        var state = Fixtures.state()
        state.reviews.list.selected = 2
        #expect(F.press(.escalate, &state).isEmpty)
        let dialog = try #require(state.dialog)
        #expect(dialog.verb == .escalate && dialog.step == .note && dialog.focus == .cancel)
        #expect(dialog.actions.map(\.objectId) == ["rev_003"])
        #expect(dialog.actions.first?.summary.last == "Escalation level 2 → 3.")
    }

    @Test func markKeepsTheRowAndItsVersionAndMovesDown() throws {
        var state = Fixtures.state()
        #expect(F.press(.mark, &state).isEmpty)
        let marked = try #require(state.marks[.reviews]?["rev_001"])
        #expect(state.marks[.reviews]?.count == 1)
        #expect(marked.expectedVersion == 2 && marked.subject == .review)
        #expect(state.reviews.list.selected == 1)
        #expect(state.flash?.text == "1 marked: a approves, e escalates them all")
        #expect(state.dialog == nil)
    }

    @Test func undoWithdrawsTheLastQueuedDecision() throws {
        var state = Fixtures.state()
        let entry = try F.queuedEntry()
        _ = Update.update(&state, .actionQueued(entry))
        #expect(state.undoable.map(\.seq) == [entry.seq])
        #expect(F.press(.undo, &state) == [.cancelQueued([entry.seq])])
        #expect(state.undoable.isEmpty, "the same decision is not withdrawn twice")
        #expect(F.press(.undo, &state).isEmpty)
        #expect(state.flash?.text == "Nothing to undo: decisions are sent 5 s after you confirm")
    }

    @Test func undoOfADecisionNotYetWrittenWithdrawsItOnArrival() throws {
        var state = Fixtures.state()
        _ = F.press(.approve, &state)
        _ = Update.update(&state, .key(.char("y")))
        #expect(F.press(.undo, &state).isEmpty)
        #expect(state.undoOnArrival)
        #expect(state.flash?.text == "Undoing…")
        let entry = try F.queuedEntry()
        #expect(Update.update(&state, .actionQueued(entry)) == [.cancelQueued([entry.seq])])
    }

    // MARK: Sync, status filter, deleted members, copy, detail, audit

    @Test func syncNowAsksTheEngineAndRefreshesOnTheNextTick() {
        var state = Fixtures.state()
        #expect(F.press(.syncNow, &state) == [.syncNow])
        #expect(state.flash?.text == "Syncing…")
        #expect(state.needsRefresh)
        let tick = Update.update(&state, .tick(Fixtures.now.addingTimeInterval(1)))
        #expect(F.windowLoad(tick)?.pane == .reviews)
        #expect(tick.contains(.loadCounts))
    }

    @Test func cycleStatusOnTheQueueGoesAllOpenEscalatedApprovedAndReloads() throws {
        var state = Fixtures.state()
        var seen: [[ReviewStatus]] = []
        for generation in 1...4 {
            let commands = F.press(.cycleStatus, &state)
            #expect(commands == [.loadWindow(.reviews(state.reviews.filter), request: .top,
                                             limit: 20, select: .index(0), generation: generation)])
            seen.append(state.reviews.filter.statuses)
        }
        #expect(seen == [[.open], [.escalated], [.approved], []])
        #expect(state.flash?.text == "Review queue: all statuses")
    }

    @Test func cycleStatusOnRedemptionsGoesPendingAllThenOneStatusAndReloads() {
        var state = Fixtures.state()
        state.pane = .redemptions
        #expect(state.redemptions.filter == RedemptionFilter(pendingOnly: true))
        let first = F.press(.cycleStatus, &state)
        #expect(state.redemptions.filter == RedemptionFilter(pendingOnly: false))
        #expect(state.flash?.text == "Redemptions: all statuses")
        #expect(first == [.loadWindow(.redemptions(RedemptionFilter(pendingOnly: false)),
                                      request: .top, limit: 20, select: .index(0), generation: 1)])
        _ = F.press(.cycleStatus, &state)
        #expect(state.redemptions.filter == RedemptionFilter(pendingOnly: false, status: .pendingApproval))
        #expect(state.flash?.text == "Redemptions: pending_approval")
    }

    @Test func toggleDeletedShowsThenHidesSoftDeletedMembers() {
        var state = Fixtures.state()
        state.pane = .members
        let commands = F.press(.toggleDeleted, &state)
        #expect(state.members.filter.includeDeleted)
        #expect(state.flash?.text == "Showing soft-deleted members")
        #expect(commands == [.loadWindow(.members(MemberFilter(includeDeleted: true)),
                                         request: .top, limit: 20, select: .index(0), generation: 1)])
        _ = F.press(.toggleDeleted, &state)
        #expect(!state.members.filter.includeDeleted)
        #expect(state.flash?.text == "Hiding soft-deleted members")
    }

    struct CopyCase: Sendable, CustomTestStringConvertible {
        var name: String
        var expected: String
        var make: @Sendable () -> AppState
        var testDescription: String { name }
    }

    static let copyCases: [CopyCase] = [
        CopyCase(name: "review", expected: "rev_002") {
            var state = Fixtures.state()
            state.reviews.list.selected = 1
            return state
        },
        CopyCase(name: "member", expected: "mem_001") {
            var state = Fixtures.state()
            state.pane = .members
            return state
        },
        CopyCase(name: "redemption", expected: "red_002") {
            var state = Fixtures.state()
            state.pane = .redemptions
            state.redemptions.list.selected = 1
            return state
        },
        CopyCase(name: "error code", expected: "insufficient_points_balance") { ErrorLogFixtures.state() },
        CopyCase(name: "failure's request id", expected: "req_CJK00001") { ErrorLogFixtures.drilledState() },
        CopyCase(name: "member detail", expected: "mem_002") {
            var state = Fixtures.state()
            state.memberDetail = MemberDetailState(memberId: "mem_002")
            return state
        },
    ]

    @Test(arguments: copyCases)
    func copyIdPutsTheSelectedIdOnTheClipboard(_ copy: CopyCase) {
        var state = copy.make()
        #expect(F.press(.copyId, &state) == [.copyToClipboard(copy.expected)])
        #expect(state.flash?.text == "Copied \(copy.expected)")
        #expect(state.flash?.level == .success)
    }

    @Test func copyIdOnAnEmptyPaneCopiesNothing() {
        var state = Fixtures.state()
        state.reviews.list = ListState()
        #expect(F.press(.copyId, &state).isEmpty)
        #expect(state.flash == nil)
    }

    @Test func openDetailShowsTheSelectedMember() {
        var state = Fixtures.state()
        state.pane = .members
        #expect(F.press(.openDetail, &state) == [.loadMemberDetail(memberId: "mem_001"), .fetchLedger(memberId: "mem_001")])
        #expect(state.memberDetail?.memberId == "mem_001")
        #expect(state.memberDetail?.ledgerStatus == .fetching)
    }

    // Enter on a review or a redemption opens the item itself (issue #17); `m` its member.
    @Test func openDetailShowsTheSelectedReviewOrRedemptionItself() {
        var state = Fixtures.state()
        #expect(F.press(.openDetail, &state) == [.loadDetail(DetailQuery(ReviewDetailState.self, itemId: "rev_001"))])
        #expect((state.detail as? ReviewDetailState)?.reviewId == "rev_001")
        state = Fixtures.state()
        state.pane = .redemptions
        #expect(F.press(.openDetail, &state) == [.loadDetail(DetailQuery(RedemptionDetailState.self, itemId: "red_001"))])
        #expect((state.detail as? RedemptionDetailState)?.redemptionId == "red_001")
    }

    @Test(arguments: [(PaneID.reviews, "mem_002"), (.redemptions, "mem_001")])
    func openMemberShowsTheSelectedRowsMember(pane: PaneID, memberId: String) {
        var state = Fixtures.state()
        state.pane = pane
        #expect(F.press(.openMember, &state) == [.loadMemberDetail(memberId: memberId), .fetchLedger(memberId: memberId)])
        #expect(state.memberDetail?.memberId == memberId)
        #expect(state.memberDetail?.ledgerStatus == .fetching)
    }

    @Test func approveWithNoteOpensTheDialogOnItsOptionalNoteStep() throws {
        var state = Fixtures.state()
        #expect(F.press(.approveWithNote, &state).isEmpty)
        let dialog = try #require(state.dialog)
        #expect(dialog.verb == .approve && dialog.step == .note && !dialog.noteRequired && dialog.focus == .cancel)
        #expect(dialog.actions.map(\.objectId) == ["rev_001"])
    }

    @Test func auditHasNoKeyAndItsCommandLoadsTheOverlay() {
        #expect(F.spec(.audit).keys.isEmpty, "the audit is a command only; if it gets a key, press it here")
        var state = Fixtures.state()
        #expect(F.run(command: "audit", &state) == [.loadAudit])
        #expect(state.audit == nil, "shown once loaded")
        let entry = AuditEntry(seq: 1, at: Fixtures.now, profile: "test", keyId: Fixtures.me.keyId, subject: "review",
                               objectId: "rev_001", verb: "approve", note: nil, result: "delivered", code: nil,
                               requestId: "req_1", idempotencyKey: "key-rev_001")
        _ = Update.update(&state, .auditLoaded([entry]))
        #expect(state.audit == [entry])
        _ = Update.update(&state, .key(.escape))
        #expect(state.audit == nil)
    }

    // MARK: The Error log's own keys

    @Test func errorsOpenDrillsIntoTheSelectedCodeThenIntoOneFailure() {
        var state = ErrorLogFixtures.state()
        let commands = F.press(.errorsOpen, &state)
        #expect(state.errors.extra.mode == .rows)
        #expect(state.errors.filter.code == "insufficient_points_balance")
        #expect(commands == [.loadWindow(.errorLog(ErrorLogFilter(code: "insufficient_points_balance")),
                                         request: .top, limit: 20, select: .index(0), generation: 1)])
        var drilled = ErrorLogFixtures.drilledState()
        #expect(F.press(.errorsOpen, &drilled).isEmpty)
        #expect(drilled.errors.extra.mode == .detail)
    }

    @Test func errorsBackReturnsToTheSummaryAndReloadsIt() {
        var state = ErrorLogFixtures.drilledState()
        let commands = F.press(.errorsBack, &state)
        #expect(state.errors.extra.mode == .groups && state.errors.filter.code == nil)
        #expect(commands == [.loadErrorGroups(ErrorLogFilter(), now: Fixtures.now, limit: ErrorLogState.groupLimit,
                                              generation: 2)])
    }

    @Test func errorsStatusCyclesTheHTTPStatusFilterAndReloads() {
        var state = ErrorLogFixtures.state()
        let commands = F.press(.errorsStatus, &state)
        #expect(state.errors.filter.status == .clientErrors)
        #expect(commands == [.loadErrorGroups(ErrorLogFilter(status: .clientErrors), now: Fixtures.now,
                                              limit: ErrorLogState.groupLimit, generation: 2)])
        #expect(state.reviews.filter == ReviewFilter(), "s here is not the queue's status filter")
    }

    @Test func errorsRetryableCyclesAndReloads() {
        var state = ErrorLogFixtures.state()
        let commands = F.press(.errorsRetryable, &state)
        #expect(state.errors.filter.retryable == true)
        #expect(commands == [.loadErrorGroups(ErrorLogFilter(retryable: true), now: Fixtures.now,
                                              limit: ErrorLogState.groupLimit, generation: 2)])
    }

    @Test func errorsSourceSwitchesToThisConsolesCallsAndReloads() {
        var state = ErrorLogFixtures.state()
        let commands = F.press(.errorsSource, &state)
        #expect(state.errors.filter.source == .console)
        #expect(state.errors.extra.groups.isEmpty && !state.errors.extra.groupsLoaded)
        #expect(commands == [.loadErrorGroups(ErrorLogFilter(source: .console), now: Fixtures.now,
                                              limit: ErrorLogState.groupLimit, generation: 2)])
    }
}

/// Every mutating action, refused for every reason a console is read only.
@Suite struct RegistryActionReadOnlyTests {
    typealias F = RegistryActionFixtures

    static let mutating: [ActionID] = ActionRegistry.all.filter(\.mutates).map(\.id)

    @Test(arguments: mutating, F.ReadOnlyCause.allCases)
    func aReadOnlyConsoleRefusesTheKeyAndSaysWhy(id: ActionID, cause: F.ReadOnlyCause) throws {
        var state = try F.applicableState(for: id)
        cause.apply(&state)
        #expect(state.isReadOnly)
        let before = StateSnapshot(state)
        let commands = F.press(id, &state)
        expectRefused(id, cause: cause, commands: commands, before: before, after: state)
    }

    @Test(arguments: mutating, F.ReadOnlyCause.allCases)
    func aReadOnlyConsoleRefusesTheCommandAndSaysWhy(id: ActionID, cause: F.ReadOnlyCause) throws {
        for name in F.spec(id).commands {
            var state = try F.applicableState(for: id)
            cause.apply(&state)
            let before = StateSnapshot(state)
            let commands = F.run(command: name, &state)
            expectRefused(id, cause: cause, commands: commands, before: before, after: state)
        }
    }

    @Test(arguments: mutating)
    func theSameStateWithADecidingKeyIsNotRefused(id: ActionID) throws {
        // The control: without the read-only cause, the key does something.
        var state = try F.applicableState(for: id)
        let before = StateSnapshot(state)
        let commands = F.press(id, &state)
        #expect(!commands.isEmpty || StateSnapshot(state) != before)
        #expect(state.flash?.text.contains("is not allowed") != true)
    }

    func expectRefused(_ id: ActionID, cause: F.ReadOnlyCause, commands: [Command], before: StateSnapshot,
                       after state: AppState, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(commands.isEmpty, "\(id) asked for \(commands)", sourceLocation: sourceLocation)
        #expect(!F.sendsADecision(commands), sourceLocation: sourceLocation)
        #expect(state.dialog == nil, "no dialog for \(id)", sourceLocation: sourceLocation)
        let expected = "\(cause.flashPrefix): \(F.spec(id).description) is not allowed"
        #expect(state.flash?.text == expected, sourceLocation: sourceLocation)
        #expect(state.flash?.level == .warning, sourceLocation: sourceLocation)
        #expect(RootView.render(state).lines()[state.rows - 2].hasPrefix(expected), "shown on the message line",
                sourceLocation: sourceLocation)
        // Nothing else changed: no marks, the undo window kept, the selection where it was.
        var unchanged = StateSnapshot(state)
        unchanged.flash = before.flash
        #expect(unchanged == before, sourceLocation: sourceLocation)
    }
}

/// Every `:` name of the registry does what its action's key does.
@Suite struct RegistryActionCommandLineTests {
    typealias F = RegistryActionFixtures

    struct CommandCase: Sendable, CustomTestStringConvertible {
        var id: ActionID
        var name: String
        var testDescription: String { ":\(name) (\(id))" }
    }

    static let commandCases: [CommandCase] = ActionRegistry.all.flatMap { spec in
        spec.commands.map { CommandCase(id: spec.id, name: $0) }
    }

    @Test func everyActionWithCommandsIsHere() {
        let withCommands = Set(ActionRegistry.all.filter { !$0.commands.isEmpty }.map(\.id))
        #expect(Set(Self.commandCases.map(\.id)) == withCommands)
        #expect(withCommands.count >= 22, "the registry had 22 actions with `:` names when this was written")
    }

    @Test(arguments: commandCases)
    func theCommandDoesWhatTheKeyDoes(_ command: CommandCase) throws {
        let start = try F.applicableState(for: command.id)
        #expect(ActionRegistry.action(forCommand: command.name, on: start.pane)?.id == command.id,
                ":\(command.name) on \(start.pane) runs another action")
        var byCommand = start
        let commandEffects = F.run(command: command.name, &byCommand)
        #expect(byCommand.commandInput == nil, "Enter closes the command line")
        guard let key = F.defaultKey(command.id) else {
            // A command-only action: its outcome is checked on its own (the audit).
            #expect(command.id == .audit)
            #expect(commandEffects == [.loadAudit])
            return
        }
        var byKey = start
        let keyEffects = Update.update(&byKey, .key(key))
        #expect(!keyEffects.isEmpty || StateSnapshot(byKey) != StateSnapshot(start),
                "\(command.id) should do something on this state")
        #expect(commandEffects == keyEffects)
        #expect(StateSnapshot(byCommand) == StateSnapshot(byKey))
    }

    @Test func statusMeansTheErrorLogsFilterThereAndTheQueuesElsewhere() {
        var errors = ErrorLogFixtures.state()
        _ = F.run(command: "status", &errors)
        #expect(errors.errors.filter.status == .clientErrors)
        #expect(errors.reviews.filter == ReviewFilter())
        var queue = Fixtures.state()
        _ = F.run(command: "status", &queue)
        #expect(queue.reviews.filter.statuses == [.open])
        #expect(queue.errors.filter.status == .any)
    }

    @Test func aCommandThatDoesNotApplyOnThisPaneIsRefusedByName() {
        var state = Fixtures.state()
        state.pane = .members
        #expect(F.run(command: "approve", &state).isEmpty)
        #expect(state.dialog == nil)
        #expect(state.flash?.text.hasPrefix("Unknown command :approve") == true)
    }

    // The command line drawn over the member detail and the audit owns the keys typed into it.

    @Test(arguments: ["quit", "help", "sync", "copy", "members"])
    func theCommandLineWorksOverTheMemberDetail(name: String) throws {
        var state = Fixtures.state()
        _ = F.press(.openMember, &state)
        #expect(state.memberDetail?.memberId == "mem_002")
        let commands = F.run(command: name, &state)
        #expect(state.commandInput == nil)
        switch name {
        case "quit": #expect(commands == [.quit] && state.quitRequested)
        case "help": #expect(state.showHelp)
        case "sync": #expect(commands == [.syncNow])
        case "copy": #expect(commands == [.copyToClipboard("mem_002")])
        case "members":
            #expect(state.pane == .members)
            #expect(F.windowLoad(commands)?.pane == .members)
        default: Issue.record("no expectation for :\(name)")
        }
    }

    static let paneCommands = commandCases.filter {
        [ActionID.membersPane, .redemptionsPane, .reviewsPane, .errorsPane].contains($0.id)
    }

    @Test(arguments: paneCommands)
    func aPaneCommandOverTheMemberDetailClosesItAsItsKeyDoes(_ command: CommandCase) throws {
        var start = Fixtures.state()
        start.pane = command.id == .reviewsPane ? .members : .reviews
        _ = F.press(start.pane == .members ? .openDetail : .openMember, &start)
        #expect(start.memberDetail != nil)
        var byKey = start
        let keyEffects = F.press(command.id, &byKey)
        #expect(byKey.memberDetail == nil, "the key leaves the detail for the pane")
        #expect(byKey.pane != start.pane)
        var byCommand = start
        let commandEffects = F.run(command: command.name, &byCommand)
        #expect(commandEffects == keyEffects)
        #expect(StateSnapshot(byCommand) == StateSnapshot(byKey))
    }

    @Test func theCommandLineWorksOverTheAudit() {
        var state = Fixtures.state()
        _ = Update.update(&state, .auditLoaded([]))
        #expect(F.run(command: "quit", &state) == [.quit])
        #expect(state.quitRequested)
    }
}
