import Mirror
import RewardsContract
import Terminal

enum ErrorLogView {
    static func columns(state: AppState) -> [Column<RequestLog>] {
        [
            Column(title: "Age", width: 5, alignRight: true, text: { Format.age(from: $0.at.date, to: state.now) }),
            Column(title: "HTTP", width: 4, alignRight: true, text: { String($0.httpStatus) }, role: { log in
                log.httpStatus >= 500 ? .error : .warn
            }),
            Column(title: "Code", width: 30, text: { $0.code.rawValue }, role: { _ in .logCode }),
            Column(title: "Retry", width: 5, text: { $0.retryable ? "yes" : "no" }),
            Column(title: "Method", width: 6, text: { $0.method }),
            Column(title: "Path", width: 0, text: { $0.path }),
            Column(title: "Message", width: 0, text: { $0.message }),
            Column(title: "Request ID", width: 22, text: { $0.requestId }),
        ]
    }

    static func render(_ state: AppState, into buffer: inout ScreenBuffer, y: Int, height: Int) {
        TableView.render(into: &buffer, columns: columns(state: state), rows: state.errors.rows.map(\.object),
                         selected: state.errors.selected, x: 0, y: y, width: state.columns, height: height,
                         emptyText: state.errors.loaded ? "No failed requests logged." : "Loading…")
    }
}
