/// A row of counts as eight-level block characters, scaled to the row's own peak. An empty
/// hour is a blank, so "nothing" never reads as "a little".
enum Sparkline {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static func text(_ values: [Int]) -> String {
        let peak = values.max() ?? 0
        guard peak > 0 else { return String(repeating: " ", count: values.count) }
        return String(values.map { value -> Character in
            guard value > 0 else { return " " }
            // ceil(8 · value / peak) is 1…8: any failure shows, the peak is a full block.
            let level = (value * levels.count + peak - 1) / peak
            return levels[max(0, min(levels.count - 1, level - 1))]
        })
    }
}
