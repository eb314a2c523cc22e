import Mirror
import RewardsContract
import Terminal

enum ErrorLogView {
    static func columns(state: AppState) -> [Column<RequestLog>] {
        [
            Column(title: "Age", width: 5, alignRight: true, text: { Format.age(from: $0.at.date, to: state.now) }),
            // 0: the console's own call that got no HTTP answer.
            Column(title: "HTTP", width: 4, alignRight: true, text: { $0.httpStatus == 0 ? "—" : String($0.httpStatus) },
                   role: { log in log.httpStatus >= 500 || log.httpStatus == 0 ? .error : .warn }),
            Column(title: "Code", width: 30, text: { $0.code.rawValue }, role: { _ in .logCode }),
            Column(title: "Retry", width: 5, text: { $0.retryable ? "yes" : "no" }),
            Column(title: "Method", width: 6, text: { $0.method }),
            Column(title: "Path", width: 0, text: { $0.path }),
            Column(title: "Message", width: 0, text: { $0.message }),
            Column(title: "Request ID", width: 22, text: { $0.requestId.isEmpty ? "—" : $0.requestId }),
        ]
    }

    /// The summary of codes, one code's failures (newest first), or one failure in full.
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, y: Int, height: Int) {
        if state.errorLog.mode == .groups { return ErrorGroupsView.render(state, into: &buffer, y: y, height: height) }
        if state.errorLog.mode == .detail, let log = state.errors.selectedRow {
            return ErrorDetailView.render(log, state: state, into: &buffer, y: y, height: height)
        }
        TableView.render(into: &buffer, columns: columns(state: state), rows: state.errors.rows.map(\.object),
                         selected: state.errors.selected, x: 0, y: y, width: state.columns, height: height,
                         emptyText: state.errors.loaded ? "No failures of this code match the filters." : "Loading…")
    }
}
