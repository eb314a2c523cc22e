import Mirror
import Terminal

/// The Error log's summary: one row per code with its count, its failures per hour over the
/// last 24 h (each row scaled to its own peak, which the next column labels), the latest
/// status and retryability, and the first line of what to do.
enum ErrorGroupsView {
    /// The trend's title is its time axis: the oldest hour on the left, the hour up to now on the right.
    static let trendTitle: String = {
        let hours = MirrorStore.errorGroupHours
        return "24h ago" + String(repeating: " ", count: max(1, hours - 10)) + "now"
    }()

    static func columns(state: AppState, codeWidth: Int) -> [Column<ErrorGroup>] {
        [
            Column(title: "Code", width: codeWidth, dropping: .never, text: { $0.code }, role: { _ in .logCode }),
            Column(title: "Count", width: 7, alignRight: true, dropping: .never, text: { Format.points($0.count) }),
            Column(title: trendTitle, width: MirrorStore.errorGroupHours, dropping: .rank(6),
                   text: { Sparkline.text($0.hourly) }, role: { _ in .spark }),
            Column(title: "Peak/h", width: 6, alignRight: true, dropping: .rank(5), text: { peakLabel($0.hourly) }),
            Column(title: "HTTP", width: 4, alignRight: true, dropping: .rank(4),
                   text: { $0.httpStatus.map(String.init) ?? "—" },
                   role: { ($0.httpStatus ?? 500) >= 500 ? .error : .warn }),
            Column(title: "Retry", width: 5, dropping: .rank(2), text: { $0.retryable ? "yes" : "no" }),
            Column(title: "Seen", width: 5, alignRight: true, dropping: .rank(3),
                   text: { Format.age(from: $0.lastSeen, to: state.now) }),
            Column(title: "What to do", width: 0, minWidth: 10, dropping: .rank(1), text: { group in
                ErrorGuidance.advice(for: group.code)?.summary ?? ErrorLogPane.noGuidance
            }, role: { ErrorGuidance.advice(for: $0.code) == nil ? .textDim : nil }),
        ]
    }

    /// The busiest hour's count, which a full block in the row's trend stands for; "—" when
    /// the code did not fail in the last 24 h.
    static func peakLabel(_ hourly: [Int]) -> String {
        let peak = hourly.max() ?? 0
        return peak > 0 ? Format.points(peak) : "—"
    }

    static func render(_ pane: PaneState<ErrorLogPane>, _ state: AppState, into buffer: inout ScreenBuffer, y: Int,
                       height: Int) {
        let log = pane.extra
        let visible = max(1, height - 1)
        // The window follows the selection; the groups are all in memory (capped).
        let top = max(0, min(log.selectedGroup - visible + 1, log.groups.count - visible))
        let rows = Array(log.groups.dropFirst(top).prefix(visible))
        let codeWidth = CellText.fit(rows.map(\.code), title: "Code", limit: 34)
        TableView.render(into: &buffer, columns: columns(state: state, codeWidth: max(10, codeWidth)), rows: rows,
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
