import Mirror
import SyncEngine
import Terminal

/// What the console says about a bootstrap in progress and the search index: the status line's
/// loading part (rows, rows/s, and an ETA only when the platform said how many rows to expect),
/// and what a filter searched while not everything is loaded or indexed.
enum LoadingTexts {
    /// The pane a list fills, lowercased: "members", "review queue".
    static func name(of kind: ObjectKind, _ state: AppState) -> String {
        let pane = PaneTable.ids.first { state.panes[$0].bootstrapList == kind }
        return pane.map { PaneTable.title(of: $0).lowercased() } ?? kind.rawValue
    }

    /// "340,000 of ~1,000,000", or "340,000" without a total.
    static func rows(_ load: ListLoad) -> String {
        Format.points(load.rows) + (load.total.map { " of ~\(Format.points($0))" } ?? "")
    }

    /// A share of the expected total, below 100% until the list is finished (the total is a hint).
    static func share(_ load: ListLoad) -> String? {
        guard let total = load.total, total > 0 else { return nil }
        return "\(min(99, load.rows * 100 / total))%"
    }

    /// The list being read: "loading members 340,000 of ~1,000,000 · 104,000/s · ETA 6s", down
    /// to "loading". Paused (offline, or the engine not running), it says how far it got.
    static func statusPart(_ state: AppState) -> BarPart? {
        guard let kind = state.loading.current, let load = state.loading.lists[kind] else { return nil }
        let name = Self.name(of: kind, state)
        guard case .bootstrapping = state.sync else {
            let forms = load.rows == 0 ? ["\(name) not loaded yet", "not loaded"]
                : ["\(name) \(rows(load)) loaded", share(load).map { "\(name) \($0) loaded" }, "partly loaded"].compactMap { $0 }
            return BarPart(forms, role: .pending, importance: 80, droppable: false)
        }
        let rate = load.rowsPerSecond >= 1 ? "\(Format.points(Int(load.rowsPerSecond)))/s" : nil
        let eta = load.etaSeconds.map { "ETA \(Format.duration(seconds: $0))" }
        let forms: [String?] = [
            ["loading \(name) \(rows(load))", rate, eta].compactMap { $0 }.joined(separator: " · "),
            ["loading \(name) \(rows(load))", eta].compactMap { $0 }.joined(separator: " · "),
            share(load).map { ["loading \(name) \($0)", eta].compactMap { $0 }.joined(separator: " · ") },
            share(load).map { "loading \(name) \($0)" } ?? "loading \(name)",
            "loading",
        ]
        return BarPart(forms.compactMap { $0 }, role: .pending, importance: 80, droppable: false)
    }

    /// The search index while it is built after the members: "search index 34%".
    static func searchIndexPart(_ state: AppState) -> BarPart? {
        guard !state.loading.isLoading, case .building(let indexed, let members) = state.loading.searchIndex else {
            return nil
        }
        if let indexed, let members, members > 0 {
            return BarPart(["search index \(min(99, indexed * 100 / members))%", "indexing"], role: .textDim, importance: 30)
        }
        return BarPart(["building the search index", "indexing"], role: .textDim, importance: 30)
    }

    /// What a text filter on the visible pane searched, when that is not every row: the rows
    /// loaded so far ("340,000 of ~1,000,000 loaded"), and for members the search index plus a
    /// scan of the members it does not cover yet. Its forms run from the longest to the shortest.
    static func filterNote(_ state: AppState) -> [String] {
        let pane = state.panes[state.pane]
        let text = (pane.filterInput(state) ?? "").trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return [] }
        var long: [String] = [], short: [String] = []
        if let load = pane.bootstrapList.flatMap({ state.loading.lists[$0] }), pane.loadProgress != nil {
            long.append("searching the \(rows(load)) loaded")
            short.append("\(Format.compact(load.rows))\(load.total.map { " of ~\(Format.compact($0))" } ?? "") loaded")
        }
        if state.pane == .members, let index = indexNote(state.loading.searchIndex, text: text) {
            long.append(index.long)
            short.append(index.short)
        }
        guard !long.isEmpty else { return [] }
        return [long.joined(separator: " · "), short.joined(separator: " · ")]
    }

    /// How the mirror answers a member filter of `text` while the index is not whole: three
    /// characters or more read what is indexed and scan the rest; shorter ones always scan.
    static func indexNote(_ index: SearchIndexView, text: String) -> (long: String, short: String)? {
        guard text.count >= 3 else { return nil }
        switch index {
        case .ready:
            return nil
        case .pending:
            return ("no search index yet: a scan of every member", "by scan, no index yet")
        case .building(let indexed?, let members?) where members > 0:
            return ("the index covers \(Format.points(indexed)) of \(Format.points(members)), a scan the rest",
                    "index \(min(99, indexed * 100 / members))% + scan")
        case .building:
            return ("the index covers part, a scan the rest", "index + scan")
        }
    }
}

extension AnyPaneState {
    /// The filter's text: while `/` is open, what is typed.
    fileprivate func filterInput(_ state: AppState) -> String? {
        state.filterInput?.text ?? filterText
    }
}
