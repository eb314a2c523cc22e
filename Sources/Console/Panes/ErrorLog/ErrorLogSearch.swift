import Foundation
import Mirror
import Terminal

/// The Error log's `/`: as you type, the platform's failures whose request id, path, code,
/// message, idempotency key or named member, redemption or review id contain the text, newest
/// first, read through the mirror's search index. From the summary it searches every code;
/// inside one code's failures, that code's. Enter opens the newest match; Esc clears the text.
extension ErrorLogPane {
    static var textFilter: WritableKeyPath<ErrorLogFilter, String>? { \.text }

    /// The matches of the new text, or the summary again when nothing is searched from it.
    static func textFilterChanged(_ state: inout AppState) -> [Command]? {
        var pane = state.panes[Self.self]
        if pane.filter.searchText.isEmpty && pane.filter.code == nil {
            guard pane.extra.mode != .groups else { return [] }
            pane.extra.mode = .groups
            pane.clearRows()
            state.panes[Self.self] = pane
            return loadGroups(&state)
        }
        if pane.extra.mode != .rows {
            // From the summary or one failure: the rows shown belong to another query.
            pane.extra.mode = .rows
            pane.clearRows()
        }
        state.panes[Self.self] = pane
        return Update.load(&state, id, .top, .index(0))
    }

    /// Enter in the prompt: the newest match in full, once the matches of the last text are in.
    static func textFilterAccepted(_ state: inout AppState) -> [Command]? {
        let pane = state.panes[Self.self]
        guard pane.extra.mode == .rows, !pane.filter.searchText.isEmpty else { return nil }
        guard pane.list.isLoading else { return open(&state) }
        // The rows on screen match an older text: they go, and Enter waits for the new ones
        // (if they are slower than the typeahead's bound, it finds no row and does nothing).
        state.panes[Self.self].clearRows()
        state.awaitingMove = (id, pane.list.generation, state.now)
        state.typeahead = [.enter]
        return []
    }

    /// Esc in the matches: the text goes, back to the code's failures or the summary.
    static func clearSearch(_ state: inout AppState) -> [Command] {
        state.panes[Self.self].filter.text = ""
        return textFilterChanged(&state) ?? []
    }

    /// "insufficient_points_balance › “req_7f”": what the rows below are.
    static func scopeLabel(_ filter: ErrorLogFilter) -> String {
        let search = filter.searchText.isEmpty ? nil : "“\(filter.searchText)”"
        return [filter.code, search].compactMap { $0 }.joined(separator: " › ")
    }

    static func emptyText(_ pane: PaneState<Self>) -> String {
        let text = pane.filter.searchText
        guard !text.isEmpty else { return "No failures of this code match the filters." }
        let source = pane.filter.source == .platform ? "" : " among this console's calls"
        return "No failure matches “\(text)”\(source). Esc clears the search."
    }
}
