import Terminal

/// A notice that stays until dismissed (the summary of a bulk decision), boxed over the bottom
/// of the panes so the rows above stay in view.
enum NoticeView {
    static func render(_ notice: Notice, state: AppState, into buffer: inout ScreenBuffer) {
        let width = state.columns
        let textWidth = width - 4
        var lines: [(String, StyleRole)] = []
        let headlineRole: StyleRole = notice.level == .success ? .ok : .warn
        for part in TextWrap.words(notice.headline, width: textWidth) { lines.append((part, headlineRole)) }
        for line in notice.lines {
            for part in TextWrap.words(line.text, width: textWidth) { lines.append((part, line.role)) }
        }
        let room = max(1, state.tableHeight / 2 + 1)
        if lines.count > room {
            let more = lines.count - (room - 1)
            lines = Array(lines.prefix(room - 1)) + [("… \(more) more lines: :audit lists every decision", .textDim)]
        }
        let height = lines.count + 2
        // The box ends just above the message line.
        let y = max(1, state.rows - 2 - height)
        Box.draw(into: &buffer, x: 0, y: y, width: width, height: height, title: notice.title + " · Esc dismisses",
                 border: notice.level == .success ? .border : .borderLive)
        for (index, line) in lines.enumerated() {
            buffer.put(line.0, x: 2, y: y + 1 + index, role: line.1, maxColumns: textWidth)
        }
    }
}
