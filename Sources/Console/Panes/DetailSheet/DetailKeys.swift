import Terminal

/// The keys every scrolling detail view shares: Esc back, j/k and the pages scroll, the pane
/// keys leave for the pane. The pane's own list keys (filters, marks) do nothing here: the
/// list is not on screen.
enum DetailKeys {
    static let pageLines = 10

    /// The outcome of a shared key; nil for a key the view decides on itself.
    static func common(_ key: Key, scroll: inout Int, maxScroll: Int) -> DetailKeyOutcome? {
        switch key {
        case .escape, .left, .char("h"), .backspace:
            return .close
        case .char("j"), .down: scroll += 1
        case .char("k"), .up: scroll -= 1
        case .ctrl("d"), .pageDown, .ctrl("f"): scroll += pageLines
        case .ctrl("u"), .pageUp, .ctrl("b"): scroll -= pageLines
        case .char("g"), .home: scroll = 0
        case .char("G"), .end: scroll = maxScroll
        case .char("1"), .char("2"), .char("3"), .char("4"), .tab, .backTab:
            return .closeAndPass
        case .char("/"), .char(" "), .char("s"), .char("d"), .char("c"), .char("f"):
            return .handled([])
        default:
            return nil
        }
        scroll = max(0, min(scroll, maxScroll))
        return .handled([])
    }
}
