import Mirror
import Terminal

/// The line above the status bar on the Error log: where we are, the filters, the keys.
enum ErrorLogMessageLine {
    /// The whole line when it fits `columns`; otherwise the filters that filter nothing go first.
    static func text(_ pane: PaneState<ErrorLogPane>, columns: Int) -> String {
        let full = text(pane, withIdleFilters: true)
        return TextWidth.columns(full) <= columns ? full : text(pane, withIdleFilters: false)
    }

    static func text(_ pane: PaneState<ErrorLogPane>, withIdleFilters: Bool) -> String {
        let log = pane.extra
        let filter = pane.filter
        let idle = filter.retryable == nil && filter.status == .any
        let source = (filter.source == .platform ? "Platform logs" : "This console's calls")
        let filters = idle && !withIdleFilters ? ""
            : " · retryable \(retryableLabel(filter.retryable)) · status \(statusLabel(filter.status))"
        switch log.mode {
        case .groups:
            let cut = log.groupsTruncated ? " · the \(log.groups.count) most active codes" : ""
            return "\(source)\(filters)\(cut) — Enter open · / search · s status · f retryable · c source"
        case .rows where !filter.searchText.isEmpty:
            return "\(source) › \(ErrorLogPane.scopeLabel(filter))\(filters) — Enter detail · / edit · Esc clears the search"
        case .rows:
            return "\(source) › \(filter.code ?? "")\(filters) — Enter detail · / search · Esc back"
        case .detail:
            return "\(source) › \(ErrorLogPane.scopeLabel(filter)) — j/k next/previous · PgDn/PgUp scroll · Esc back"
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
