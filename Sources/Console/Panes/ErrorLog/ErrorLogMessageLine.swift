import Mirror

/// The line above the status bar on the Error log: where we are, the filters, the keys.
enum ErrorLogMessageLine {
    static func text(_ pane: PaneState<ErrorLogPane>) -> String {
        let log = pane.extra
        let filter = pane.filter
        let source = filter.source == .platform ? "Platform logs" : "This console's calls"
        let filters = "retryable \(retryableLabel(filter.retryable)) · status \(statusLabel(filter.status))"
        switch log.mode {
        case .groups:
            let cut = log.groupsTruncated ? " · the \(log.groups.count) most active codes" : ""
            return "\(source) · \(filters)\(cut) — Enter open · s status · f retryable · c source"
        case .rows:
            return "\(source) › \(filter.code ?? "") · \(filters) — Enter detail · Esc back"
        case .detail:
            return "\(source) › \(filter.code ?? "") — j/k next/previous · PgDn/PgUp scroll · Esc back"
        }
    }

    static func retryableLabel(_ retryable: Bool?) -> String {
        switch retryable {
        case nil: return "all"
        case true?: return "yes"
        case false?: return "no"
        }
    }

    static func statusLabel(_ status: HTTPStatusFilter) -> String {
        switch status {
        case .any: return "all"
        case .clientErrors: return "4xx"
        case .serverErrors: return "5xx"
        case .noResponse: return "none"
        }
    }
}
