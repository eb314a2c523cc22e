import Foundation
import Mirror
import RewardsContract
import Terminal

/// One failure in full: what was called, what came back, what to do about it, and the
/// details object. Taller than the screen, it scrolls (`ErrorLogState.detailScroll`).
enum ErrorDetailView {
    static let labelWidth = 17

    /// One line of the view: a field's label and value (or the value's continuation), or a
    /// line across the whole width.
    struct Line: Equatable {
        var label: String
        var text: String
        var role: StyleRole
        var isField = false
    }

    /// Every line, wrapped to the screen's width: a pure function of the row and the state,
    /// so the update function can clamp the scroll with it.
    static func lines(for log: RequestLog, _ pane: PaneState<ErrorLogPane>, state: AppState) -> [Line] {
        let valueWidth = max(10, state.columns - labelWidth - 2)
        let fullWidth = max(10, state.columns - 4)
        let isConsole = pane.filter.source == .console
        var lines: [Line] = []
        func field(_ label: String, _ value: String, _ role: StyleRole = .text) {
            for (index, part) in TextWrap.words(value, width: valueWidth).enumerated() {
                lines.append(Line(label: index == 0 ? label : "", text: part, role: role, isField: true))
            }
        }
        func paragraph(_ text: String, _ role: StyleRole = .text) {
            for part in TextWrap.words(text, width: fullWidth) { lines.append(Line(label: "", text: "  " + part, role: role)) }
        }
        func heading(_ text: String) { lines.append(Line(label: text, text: "", role: .title)) }

        field("Request ID", log.requestId.isEmpty ? "—" : log.requestId)
        field("Time", "\(log.at.raw) (\(Format.age(from: log.at.date, to: state.now)) ago)")
        field("Request", "\(log.method) \(log.path)")
        field("Status", log.httpStatus == 0 ? "— (no HTTP answer)" : "HTTP \(log.httpStatus)",
              log.httpStatus >= 500 || log.httpStatus == 0 ? .error : .warn)
        field("Code", log.code.rawValue, .logCode)
        field("Message", log.message)
        field("Retryable", log.retryable ? "yes" : "no")
        field("Idempotency key", log.idempotencyKey ?? "—")
        if let objectId = log.concernedObjectId, DetailLink(objectId: objectId) != nil {
            field("Concerns", "\(objectId) · Enter opens it")
        }
        if isConsole {
            let attempt = log.details?["attempt"]?.intValue.map { ", attempt \($0)" } ?? ""
            field("Source", "this console's own call\(attempt)")
        } else {
            field("Source", "platform request log \(log.id)")
        }
        lines.append(Line(label: "", text: "", role: .text))
        heading("What to do")
        if let advice = ErrorGuidance.advice(for: log.code.rawValue) {
            paragraph(advice.retry.sentence, advice.retry.mayRetry ? .ok : .warn)
            paragraph(advice.whatToFix)
            if let escalate = advice.escalate { paragraph("Escalate: " + escalate, .warn) }
        } else {
            paragraph(ErrorLogPane.noGuidance, .textDim)
        }
        // The console's rows carry only the attempt number, shown above as the source.
        if !isConsole {
            lines.append(Line(label: "", text: "", role: .text))
            heading("Details")
            if let details = log.details {
                for jsonLine in PrettyJSON.lines(details) {
                    for part in TextWrap.hard(jsonLine, width: fullWidth) {
                        lines.append(Line(label: "", text: "  " + part, role: .text))
                    }
                }
            } else {
                paragraph("none", .textDim)
            }
        }
        return lines
    }

    /// Lines of the pane below the title line.
    static func bodyHeight(state: AppState) -> Int { max(1, state.tableHeight) }

    static func maxScroll(for log: RequestLog, _ pane: PaneState<ErrorLogPane>, state: AppState) -> Int {
        let count = lines(for: log, pane, state: state).count
        let height = bodyHeight(state: state)
        // When it overflows, the last line says where we are, so one line less shows.
        return count <= height ? 0 : count - (height - 1)
    }

    static func render(_ log: RequestLog, _ pane: PaneState<ErrorLogPane>, _ state: AppState,
                       into buffer: inout ScreenBuffer, y: Int, height: Int) {
        buffer.fill(x: 0, y: y, width: state.columns, height: 1, role: .tableHeader)
        let kind = pane.filter.source == .console ? "Failed call" : "Failed request"
        let title = "\(kind) · \(log.code.rawValue) · \(log.method) \(log.path)"
        buffer.put(title, x: 1, y: y, role: .tableHeader, bold: true, maxColumns: state.columns - 2)
        let all = lines(for: log, pane, state: state)
        let body = max(1, height - 1)
        let overflow = all.count > body
        let shown = overflow ? body - 1 : body
        let scroll = overflow ? max(0, min(pane.extra.detailScroll, all.count - shown)) : 0
        for (index, line) in all.dropFirst(scroll).prefix(shown).enumerated() {
            let lineY = y + 1 + index
            if !line.label.isEmpty {
                buffer.put(line.label, x: 1, y: lineY, role: line.role == .title ? .title : .textDim,
                           bold: line.role == .title, maxColumns: labelWidth)
            }
            let x = line.isField ? labelWidth + 1 : 0
            buffer.put(line.text, x: x, y: lineY, role: line.role, maxColumns: state.columns - x)
        }
        if overflow {
            let last = min(all.count, scroll + shown)
            buffer.put("lines \(scroll + 1)–\(last) of \(all.count) · PgDn/PgUp scroll", x: 1, y: y + height - 1,
                       role: .textDim, maxColumns: state.columns - 2)
        }
    }
}
