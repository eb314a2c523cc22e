/// A detail view drawn as one sheet of lines that scrolls: it knows the screen's size and
/// how many lines it has; where scrolling stops follows from that.
protocol ScrollingSheet: ItemDetail {
    var scroll: Int { get set }
    var columns: Int { get set }
    var height: Int { get set }
    /// The sheet's lines at `columns` (none before it is loaded).
    var lineCount: Int { get }
}

extension ScrollingSheet {
    var maxScroll: Int { DetailSheet.maxScroll(lineCount: lineCount, height: height) }

    mutating func scroll(by lines: Int) {
        scroll = max(0, min(scroll + lines, maxScroll))
    }

    mutating func fit(columns: Int, height: Int) {
        self.columns = columns
        self.height = height
    }
}
