import Foundation
import Mirror
import RewardsContract
import Terminal

extension PaneID {
    public static let errors = PaneID("errors")
}

extension RequestLog: PaneRow {
    var rowId: String { id }
}

/// The error log: a summary of codes, Enter into one code's failures (a keyset window, newest
/// first), Enter again into one failure in full, Esc back out. Either source: the platform's
/// request logs or this console's own failed calls.
enum ErrorLogPane: Pane {
    typealias Extra = ErrorLogState

    static let id = PaneID.errors
    static let title = "Error log"
    static let showAction = ActionID.errorsPane
    static let initialFilter = ErrorLogFilter()
    static let initialExtra = ErrorLogState()
    /// What the pane says for a code it has no advice for; the code itself is shown as sent.
    static let noGuidance = "no guidance for this code; shown as the server sent it"

    static func window(_ mirror: MirrorStore, _ filter: ErrorLogFilter, anchor: WindowAnchor, limit: Int) throws
        -> [WindowRow<RequestLog>] {
        try mirror.errorLogWindow(filter, anchor: anchor, limit: limit)
    }

    static func count(_ counts: MirrorCounts) -> Int { counts.requestLogs }

    static let shortTitle = "Errors"

    /// The platform's request logs come with the bootstrap; this console's own failures do not.
    static func bootstrapList(for filter: ErrorLogFilter) -> ObjectKind? {
        filter.source == .platform ? .requestLog : nil
    }

    /// The tab counts the platform's request logs: a filter of them narrows that count.
    static func countedMatches(_ filter: ErrorLogFilter) -> ErrorLogFilter? {
        filter.source == .platform && filter != initialFilter ? filter : nil
    }

    /// Sized to what the rows hold: the request id (what a support ticket quotes) is never cut
    /// while there is room, and each row names the member, redemption or review it concerns.
    /// At 80 columns the method, retry flag, path and message give way first; the code goes
    /// first of all inside one code's failures, where the message line names it.
    static func columns(_ rows: [RequestLog], _ pane: PaneState<Self>, _ state: AppState) -> [Column<RequestLog>] {
        let objects = rows.map { $0.concernedObjectId ?? "" }
        var columns: [Column<RequestLog>] = [
            // As wide as the ages shown: at 80 columns that column is what lets the object stay
            // beside the code and the request id.
            Column(title: "Age", width: CellText.fit(rows.map { age($0, state) }, title: "Age"), alignRight: true,
                   dropping: .rank(7), text: { age($0, state) }),
            // 0: the console's own call that got no HTTP answer.
            Column(title: "HTTP", width: 4, alignRight: true, dropping: .never,
                   text: { $0.httpStatus == 0 ? "—" : String($0.httpStatus) },
                   role: { log in log.httpStatus >= 500 || log.httpStatus == 0 ? .error : .warn }),
            Column(title: "Code", width: CellText.fit(rows.map(\.code.rawValue), title: "Code", limit: 34),
                   dropping: .rank(pane.filter.code == nil ? 6 : 0), text: { $0.code.rawValue }, role: { _ in .logCode }),
            Column(title: "Retry", width: 5, dropping: .rank(2), text: { $0.retryable ? "yes" : "no" }),
            Column(title: "Method", width: 6, dropping: .rank(1), text: { $0.method }),
            Column(title: "Path", width: 0, minWidth: 10, dropping: .rank(3), text: { $0.path }),
            Column(title: "Message", width: 0, minWidth: 10, dropping: .rank(4), text: { $0.message }),
        ]
        if objects.contains(where: { !$0.isEmpty }) {
            columns.append(Column(title: "Object", width: CellText.fit(objects, title: "Object", limit: 30),
                                  dropping: .rank(5), text: { $0.concernedObjectId ?? "" }))
        }
        columns.append(Column(title: "Request ID", width: CellText.fit(rows.map(requestIdText), title: "Request ID"),
                              dropping: .never, text: requestIdText))
        return columns
    }

    static func age(_ log: RequestLog, _ state: AppState) -> String { Format.age(from: log.at.date, to: state.now) }

    static func requestIdText(_ log: RequestLog) -> String { log.requestId.isEmpty ? "—" : log.requestId }

    /// The summary of codes, one code's failures (newest first), or one failure in full.
    static func render(_ pane: PaneState<Self>, _ state: AppState, into buffer: inout ScreenBuffer, y: Int,
                       height: Int) {
        if pane.extra.mode == .groups { return ErrorGroupsView.render(pane, state, into: &buffer, y: y, height: height) }
        if pane.extra.mode == .detail, let log = pane.list.selectedRow {
            return ErrorDetailView.render(log, pane, state, into: &buffer, y: y, height: height)
        }
        pane.renderTable(state, into: &buffer, y: y, height: height)
    }

    static func messageLine(_ pane: PaneState<Self>, _ state: AppState) -> String? {
        ErrorLogMessageLine.text(pane, columns: state.columns)
    }

    static func summaryGeneration(_ pane: PaneState<Self>) -> Int? { pane.extra.groupsGeneration }

    /// On the summary the selected thing is a code; below it, a failure's request id.
    static func copyText(_ pane: PaneState<Self>) -> String? {
        pane.extra.mode == .groups ? pane.extra.selectedGroupRow?.code : pane.list.selectedRow?.requestId
    }

    /// While the summary shows, a refresh reloads it (at most every `groupsMinInterval`).
    static func refresh(_ state: inout AppState) -> [Command]? {
        let log = state.panes[Self.self].extra
        guard log.mode == .groups else { return nil }
        if let requested = log.groupsRequestedAt, state.now.timeIntervalSince(requested) < ErrorLogState.groupsMinInterval {
            state.panes[Self.self].extra.groupsRefreshOwed = true
            return []
        }
        return loadGroups(&state)
    }

    /// A held-back refresh is due, or the sparkline's hours have moved with the clock.
    static func isStale(_ pane: PaneState<Self>, now: Date) -> Bool {
        guard pane.extra.mode == .groups, let requested = pane.extra.groupsRequestedAt else { return false }
        let age = now.timeIntervalSince(requested)
        return age >= ErrorLogState.groupsMaxAge
            || (pane.extra.groupsRefreshOwed && age >= ErrorLogState.groupsMinInterval)
    }

    /// The summary is held whole (one row per code, capped), so moving in it needs no query.
    static func move(by delta: Int, _ state: inout AppState) -> [Command]? {
        guard state.panes[Self.self].extra.mode == .groups else { return nil }
        moveGroupSelection(&state, by: delta)
        return []
    }

    /// The grouped summary for the current source and filters, buckets ending now.
    static func loadGroups(_ state: inout AppState) -> [Command] {
        var pane = state.panes[Self.self]
        pane.extra.groupsGeneration += 1
        pane.extra.groupsRequestedAt = state.now
        pane.extra.groupsRefreshOwed = false
        state.panes[Self.self] = pane
        return [.loadErrorGroups(pane.filter.everyCode, now: state.now, limit: ErrorLogState.groupLimit,
                                 generation: pane.extra.groupsGeneration)]
    }

    static func groupsLoaded(_ state: inout AppState, generation: Int, result: ErrorGroups) {
        var log = state.panes[Self.self].extra
        guard generation == log.groupsGeneration else { return }  // a newer query replaced it
        let selectedCode = log.selectedGroupRow?.code
        log.groups = result.groups
        log.groupsTruncated = result.truncated
        log.groupsLoaded = true
        // The same code stays selected though the order changes with every new failure.
        let index = selectedCode.flatMap { code in result.groups.firstIndex { $0.code == code } } ?? log.selectedGroup
        log.selectedGroup = max(0, min(index, result.groups.count - 1))
        state.panes[Self.self].extra = log
        state.panes[Self.self].summaryLoaded(generation: generation)
    }

    static func moveGroupSelection(_ state: inout AppState, by delta: Int) {
        let count = state.panes[Self.self].extra.groups.count
        let selected = state.panes[Self.self].extra.selectedGroup
        state.panes[Self.self].extra.selectedGroup = max(0, min(count - 1, selected + delta))
    }
}
