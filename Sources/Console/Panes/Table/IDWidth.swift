import Terminal

enum IDWidth {
    /// As wide as the widest id on screen, within reason.
    static func of(_ ids: [String]) -> Int {
        min(26, max(6, ids.map { TextWidth.columns($0) }.max() ?? 6))
    }
}
