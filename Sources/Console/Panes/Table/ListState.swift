import Mirror

/// Which rows a pane wants next. Each is answered with one or two keyset seeks.
public enum WindowRequest: Sendable, Hashable {
    case top
    case bottom
    /// The window whose first row is this key (or the next one after it).
    case startingAt(RowKey)
    /// The window that starts just after this key (page down).
    case startingAfter(RowKey)
    /// The window whose first row lies `count` rows before this key (scrolling up).
    case endingBefore(RowKey, count: Int)
}

/// Which row to select once a window arrives.
public enum SelectionHint: Sendable, Hashable {
    case index(Int)
    case last
    /// Keep this object selected if it is still in the window; otherwise stay at `fallback`.
    case id(String, fallback: Int)
}

/// The visible window of one pane and its selection. Only the rows on screen are held.
struct ListState<Row: PaneRow>: Sendable, Hashable {
    var rows: [WindowRow<Row>] = []
    var selected = 0
    var loaded = false
    /// The window begins at the pane's first row.
    var atStart = true
    /// Bumped for every request; an answer to an older request is dropped.
    var generation = 0
    /// The generation of the rows on screen.
    var answeredGeneration = 0

    /// A newer window has been asked for and has not arrived yet.
    var isLoading: Bool { answeredGeneration != generation }

    init() {}

    var selectedRow: Row? { rows.indices.contains(selected) ? rows[selected].object : nil }

    mutating func apply(_ newRows: [WindowRow<Row>], select: SelectionHint, atStart: Bool = false) {
        rows = newRows
        loaded = true
        answeredGeneration = generation
        self.atStart = atStart || newRows.isEmpty
        switch select {
        case .index(let index): selected = index
        case .last: selected = newRows.count - 1
        case .id(let id, let fallback):
            selected = newRows.firstIndex { $0.object.rowId == id } ?? fallback
        }
        selected = max(0, min(selected, newRows.count - 1))
    }

    /// Moves the selection by `delta` rows; returns the window to load when it leaves the
    /// rows on screen, or nil when the move stays inside them.
    mutating func move(by delta: Int, height: Int) -> (WindowRequest, SelectionHint)? {
        guard !rows.isEmpty else { return nil }
        let target = selected + delta
        if target >= 0 && target < rows.count {
            selected = target
            return nil
        }
        if delta > 0 {
            // Only scroll when the window is full: a short window already ends at the last row.
            guard rows.count >= height, let last = rows.last else {
                selected = rows.count - 1
                return nil
            }
            let shift = target - (rows.count - 1)
            if shift < rows.count {
                return (.startingAt(rows[shift].key), .index(rows.count - 1))
            }
            return (.startingAfter(last.key), .last)
        } else {
            guard let first = rows.first else { return nil }
            let shift = -target
            return (.endingBefore(first.key, count: shift), .index(0))
        }
    }

    /// The request that reloads the same place after the data changed.
    func refreshRequest() -> (WindowRequest, SelectionHint) {
        guard let first = rows.first else { return (.top, .index(0)) }
        if atStart {
            return (.top, selectedRow.map { .id($0.rowId, fallback: selected) } ?? .index(selected))
        }
        if let row = selectedRow {
            return (.startingAt(first.key), .id(row.rowId, fallback: selected))
        }
        return (.startingAt(first.key), .index(selected))
    }
}
