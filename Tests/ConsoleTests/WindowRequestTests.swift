import Mirror
import Testing
@testable import Console

/// The keyset arithmetic of `EffectRunner.window`, against an in-memory ordered list.
@Suite struct WindowRequestTests {
    let all = (1...20).map { String(format: "id%02d", $0) }

    func fetch(_ anchor: WindowAnchor, _ limit: Int) -> [WindowRow<String>] {
        func key(_ id: String) -> RowKey { RowKey([.text(id)]) }
        func text(_ key: RowKey) -> String { if case .text(let value)? = key.parts.first { return value }; return "" }
        let rows: [String]
        switch anchor {
        case .first: rows = Array(all.prefix(limit))
        case .last: rows = Array(all.suffix(limit))
        case .after(let k): rows = Array(all.filter { $0 > text(k) }.prefix(limit))
        case .atOrAfter(let k): rows = Array(all.filter { $0 >= text(k) }.prefix(limit))
        case .before(let k): rows = Array(all.filter { $0 < text(k) }.suffix(limit))
        }
        return rows.map { WindowRow(key: key($0), object: $0) }
    }

    func ids(_ request: WindowRequest, _ limit: Int = 5) throws -> [String] {
        try WindowSeeks.window(request, limit) { fetch($0, $1) }.map(\.object)
    }

    @Test func topAndBottom() throws {
        #expect(try ids(.top) == ["id01", "id02", "id03", "id04", "id05"])
        #expect(try ids(.bottom) == ["id16", "id17", "id18", "id19", "id20"])
    }

    @Test func startingAtNearTheEndStaysFull() throws {
        #expect(try ids(.startingAt(RowKey([.text("id07")]))) == ["id07", "id08", "id09", "id10", "id11"])
        #expect(try ids(.startingAt(RowKey([.text("id18")]))) == ["id16", "id17", "id18", "id19", "id20"])
    }

    @Test func pageDownPastTheEndShowsTheLastRows() throws {
        #expect(try ids(.startingAfter(RowKey([.text("id05")]))) == ["id06", "id07", "id08", "id09", "id10"])
        #expect(try ids(.startingAfter(RowKey([.text("id20")]))) == ["id16", "id17", "id18", "id19", "id20"])
    }

    @Test func scrollingUpSeeksBackwards() throws {
        #expect(try ids(.endingBefore(RowKey([.text("id10")]), count: 1)) == ["id09", "id10", "id11", "id12", "id13"])
        #expect(try ids(.endingBefore(RowKey([.text("id10")]), count: 5)) == ["id05", "id06", "id07", "id08", "id09"])
        #expect(try ids(.endingBefore(RowKey([.text("id02")]), count: 5)) == ["id01", "id02", "id03", "id04", "id05"])
        #expect(try ids(.endingBefore(RowKey([.text("id01")]), count: 1)) == ["id01", "id02", "id03", "id04", "id05"])
    }
}
