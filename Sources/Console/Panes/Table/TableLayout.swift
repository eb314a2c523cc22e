/// How wide each column of a table is drawn: fixed columns at their width, flexible ones sized
/// to the rows on screen. When the screen is too narrow, flexible columns narrow to their
/// minimum first, then columns are left out by rank, so the ones that carry state stay.
enum TableLayout {
    /// One width per column; 0: left out.
    static func widths<Row>(_ columns: [Column<Row>], rows: [Row], width: Int) -> [Int] {
        let natural = columns.map { column in
            column.isFlexible ? max(CellText.width(column.title), rows.map { CellText.width(column.text($0)) }.max() ?? 0)
                : column.width
        }
        // What each column needs at the least: its width, or a flexible one's minimum (no more
        // than its content).
        let least = columns.indices.map { columns[$0].isFlexible ? min(columns[$0].minWidth, natural[$0]) : natural[$0] }
        var shown = Array(repeating: true, count: columns.count)
        func required() -> Int {
            let visible = columns.indices.filter { shown[$0] }
            return visible.map { least[$0] }.reduce(0, +) + max(0, visible.count - 1)
        }
        var dropped: [Int] = []
        for index in dropOrder(columns) {
            guard required() > width else { break }
            shown[index] = false
            dropped.append(index)
        }
        // A column left out early may fit in what the later ones freed: the most important first.
        for index in dropped.reversed() {
            shown[index] = true
            if required() > width { shown[index] = false }
        }
        var widths = columns.indices.map { shown[$0] && !columns[$0].isFlexible ? natural[$0] : 0 }
        let flexible = columns.indices.filter { shown[$0] && columns[$0].isFlexible }
        let visibleCount = shown.filter { $0 }.count
        let spare = width - widths.reduce(0, +) - max(0, visibleCount - 1)
        for (index, share) in zip(flexible, shares(of: spare, natural: flexible.map { natural[$0] })) {
            widths[index] = share
        }
        return widths
    }

    /// The columns that may be left out, in the order they go: lowest rank first, the rightmost
    /// among equals. Without a rank: fixed columns after the first, at rank 0.
    static func dropOrder<Row>(_ columns: [Column<Row>]) -> [Int] {
        let ranked: [(index: Int, rank: Int)] = columns.indices.compactMap { index in
            switch columns[index].dropping {
            case .never?: return nil
            case .rank(let rank)?: return (index, rank)
            case nil: return columns[index].isFlexible || index == 0 ? nil : (index, 0)
            }
        }
        return ranked.sorted { $0.rank != $1.rank ? $0.rank < $1.rank : $0.index > $1.index }.map(\.index)
    }

    /// `spare` columns among flexible columns of these natural widths. When they all fit, each
    /// is as wide as its content and the last (free text, as a rule) takes what is left, so no
    /// column is a run of blanks beside one that is cut. When they do not, those narrower than
    /// an equal share keep their width and the others share the rest equally.
    static func shares(of spare: Int, natural: [Int]) -> [Int] {
        var result = Array(repeating: 0, count: natural.count)
        var pending = Array(natural.indices)
        var remaining = max(0, spare)
        while !pending.isEmpty {
            let share = remaining / pending.count
            let satisfied = pending.filter { natural[$0] <= share }
            if satisfied.isEmpty { break }
            for index in satisfied {
                result[index] = natural[index]
                remaining -= natural[index]
            }
            pending.removeAll { satisfied.contains($0) }
        }
        guard !pending.isEmpty else {
            if let last = natural.indices.last { result[last] += remaining }
            return result
        }
        let share = remaining / pending.count
        for (offset, index) in pending.enumerated() {
            result[index] = offset == pending.count - 1 ? remaining - share * (pending.count - 1) : share
        }
        return result
    }
}
