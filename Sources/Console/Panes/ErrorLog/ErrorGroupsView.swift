import Mirror
import Terminal

/// The Error log's summary: one row per code with its count, a sparkline of the last 24 h,
/// the latest status and retryability, and the first line of what to do.
enum ErrorGroupsView {
    static func columns(state: AppState, codeWidth: Int) -> [Column<ErrorGroup>] {
        [
            Column(title: "Code", width: codeWidth, text: { $0.code }, role: { _ in .logCode }),
            Column(title: "Count", width: 7, alignRight: true, text: { Format.points($0.count) }),
            Column(title: "Last 24 h", width: MirrorStore.errorGroupHours, text: { Sparkline.text($0.hourly) },
                   role: { _ in .spark }),
            Column(title: "HTTP", width: 4, alignRight: true, text: { $0.httpStatus.map(String.init) ?? "—" },
                   role: { ($0.httpStatus ?? 500) >= 500 ? .error : .warn }),
            Column(title: "Retry", width: 5, text: { $0.retryable ? "yes" : "no" }),
            Column(title: "Seen", width: 5, alignRight: true, text: { Format.age(from: $0.lastSeen, to: state.now) }),
            Column(title: "What to do", width: 0, text: { group in
                ErrorGuidance.advice(for: group.code)?.summary ?? ErrorLogPane.noGuidance
            }, role: { ErrorGuidance.advice(for: $0.code) == nil ? .textDim : nil }),
        ]
    }

    static func render(_ pane: PaneState<ErrorLogPane>, _ state: AppState, into buffer: inout ScreenBuffer, y: Int,
                       height: Int) {
        let log = pane.extra
        let visible = max(1, height - 1)
        // The window follows the selection; the groups are all in memory (capped).
        let top = max(0, min(log.selectedGroup - visible + 1, log.groups.count - visible))
        let rows = Array(log.groups.dropFirst(top).prefix(visible))
        let widest = rows.map { TextWidth.columns(Inert.text($0.code)) }.max() ?? 0
        let codeWidth = min(34, max(10, widest))
        TableView.render(into: &buffer, columns: columns(state: state, codeWidth: codeWidth), rows: rows,
                         selected: log.selectedGroup - top, x: 0, y: y, width: state.columns, height: height,
                         emptyText: emptyText(pane))
    }

    static func emptyText(_ pane: PaneState<ErrorLogPane>) -> String {
        // While the request logs still load, no summary is "no failures".
        guard pane.extra.groupsLoaded, pane.loadProgress == nil else { return ErrorLogPane.loadingText(pane.loadProgress) }
        let filter = pane.filter
        if filter.retryable != nil || filter.status != .any { return "No failures match the filters (s, f to change)." }
        return filter.source == .platform ? "No failed requests logged." : "This console has no failed calls recorded."
    }
}
