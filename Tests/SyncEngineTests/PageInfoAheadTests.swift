import Foundation
import RewardsClient
import RewardsContract
@testable import SyncEngine
import TestSupport
import Testing

/// A bootstrap sends a list's next request as soon as it has read the page's cursor, before
/// the rows are decoded (`ListPageDecoder.pageInfo`). That early read must give the cursor the
/// whole page gives, on any input it answers at all; when it cannot be sure it answers nil and
/// the page is decoded first. And a page whose cursor reads differently the second time is
/// refused, not followed.
@Suite struct PageInfoAheadTests {
    let pages = MemberPageDecoderTests()

    func strictInfo(_ data: Data) -> PageInfo? {
        guard let envelope = try? JSONDecoder().decode(SuccessEnvelope<[Member]>.self, from: data) else { return nil }
        return PageInfo(nextCursor: envelope.page?.nextCursor, hasMore: envelope.page?.hasMore ?? false)
    }

    func ahead(_ text: String) -> PageInfo? { ahead(Data(text.utf8)) }
    func ahead(_ data: Data) -> PageInfo? { data.withUnsafeBytes { ListPageDecoder.pageInfo($0) } }
    func atEnd(_ text: String) -> PageInfo? { Data(text.utf8).withUnsafeBytes { ListPageDecoder.pageInfoAtEnd($0) } }

    @Test func generatedPagesInEveryKeyOrderGiveTheirCursorAhead() throws {
        var random = SeededRandom(seed: 61)
        var readFromTheEnd = 0
        for start in stride(from: 0, to: 900, by: 30) {
            let data = pages.pageJSON(rows: start..<(start + 30), hasMore: start < 870, using: &random)
            let expected = try #require(strictInfo(data))
            #expect(ahead(data) == expected, "\(String(decoding: data, as: UTF8.self).suffix(200))")
            if data.withUnsafeBytes({ ListPageDecoder.pageInfoAtEnd($0) }) != nil { readFromTheEnd += 1 }
        }
        // The shuffled envelopes put `page` last about a third of the time: both paths ran.
        #expect(readFromTheEnd > 3 && readFromTheEnd < 27, "\(readFromTheEnd) of 30 read from the end")
    }

    @Test func whatTheEarlyReadAnswersIsWhatJSONDecoderReads() throws {
        var random = SeededRandom(seed: 20_261_207)
        let seeds = (0..<6).map { pages.pageJSON(rows: ($0 * 5)..<($0 * 5 + 5), hasMore: $0 % 2 == 0, using: &random) }
        var answered = 0, declined = 0
        for round in 0..<30_000 {
            var bytes = [UInt8](seeds[round % seeds.count])
            for _ in 0...Int(random.next() % 3) { pages.mutate(&bytes, using: &random) }
            let data = Data(bytes)
            guard let early = ahead(data) else { declined += 1; continue }
            guard let expected = strictInfo(data) else { continue }  // refused whole: the page fails anyway
            answered += 1
            #expect(early == expected, "round \(round): read \(early) ahead, JSONDecoder reads \(expected): \(String(decoding: bytes, as: UTF8.self))")
            if early != expected { return }
        }
        #expect(answered > 1000 && declined > 1000, "answered \(answered), declined \(declined)")
    }

    @Test func onlyTheEnvelopesOwnPageIsReadFromTheEnd() {
        let rows = #"[{"id":"mem_1","note":"x"}]"#
        // The envelope's own page, last: read from the end.
        #expect(atEnd(#"{"ok":true,"data":"# + rows + #","page":{"nextCursor":"c1","hasMore":true}}"#)
                == PageInfo(nextCursor: "c1", hasMore: true))
        #expect(atEnd("{\"ok\":true,\"data\":[],\n  \"page\" : null }\n") == PageInfo(nextCursor: nil, hasMore: false))
        // A "page" nested in the last member leaves a second closing brace: not the envelope's.
        let nested = #"{"ok":true,"data":[],"page":{"nextCursor":"c1","hasMore":true},"x":{"page":{"nextCursor":"no","hasMore":true}}}"#
        #expect(atEnd(nested) == nil)
        #expect(ahead(nested) == PageInfo(nextCursor: "c1", hasMore: true))
        // "page" as a value, or after an escaped quote inside a string: not a key of the envelope.
        #expect(atEnd(#"{"ok":true,"page":{"nextCursor":"c1","hasMore":true},"data":["page"]}"#) == nil)
        #expect(atEnd(#"{"ok":true,"page":{"nextCursor":"c1","hasMore":true},"data":["a\"page\":{\"hasMore\":false}}"]}"#) == nil)
        // page first: read in order, the rows skipped by their brackets, strings with brackets in them.
        let first = #"{"page":{"hasMore":true,"nextCursor":"c\"2"},"ok":true,"data":[{"name":"]}[{\\","id":"m"}]}"#
        #expect(ahead(first) == PageInfo(nextCursor: "c\"2", hasMore: true))
        // A cursor longer than the bytes searched from the end is still read, in order.
        let long = String(repeating: "k", count: 6_000)
        #expect(ahead(#"{"ok":true,"data":[],"page":{"nextCursor":""# + long + #"","hasMore":true}}"#)
                == PageInfo(nextCursor: long, hasMore: true))
        // Anything unusual in an envelope read in order: no early read, the page is decoded first.
        #expect(ahead(#"{"page":null,"ok":true,"ok":true,"data":[]}"#) == nil)
        #expect(ahead(#"{"page":null,"data":[]}"#) == nil)
        #expect(ahead(#"{"page":null,"ok":true,"data":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}"#) == nil)
        #expect(ahead(#"{"page":null,"ok":true,"data":[{"a":"unterminated}]}"#) == nil)
        // Read from the end, a broken envelope may give its cursor (one request goes out for
        // nothing), but the page itself is refused: the list stops there.
        for broken in [#"{"data":[],"page":null}"#, #"{"ok":true,"data":[{"a":"unterminated}],"page":null}"#] {
            let data = Data(broken.utf8)
            #expect(throws: PlatformError.self, "\(broken)") {
                try data.withUnsafeBytes { bytes in
                    try SyncEngine.decodePage(.member, bytes, path: "/v1/members", requestId: nil, readAhead: ahead(data))
                }
            }
        }
    }

    @Test func aPageWhoseCursorReadsDifferentlyTwiceIsRefused() throws {
        // Two `page` keys: read from the end, the last one; the strict decoder takes whichever it
        // takes. Whatever it reads, the bootstrap never follows one cursor and stores another.
        let text = #"{"ok":true,"data":[],"page":{"nextCursor":"a","hasMore":true},"page":{"nextCursor":"b","hasMore":true}}"#
        let data = Data(text.utf8)
        let early = try #require(ahead(data))
        #expect(early == PageInfo(nextCursor: "b", hasMore: true))
        let outcome = Result {
            try data.withUnsafeBytes { bytes in
                try SyncEngine.decodePage(.member, bytes, path: "/v1/members", requestId: "req_test1234", readAhead: early)
            }
        }
        switch outcome {
        case .success(let page): #expect(page.nextCursor == "b" && page.hasMore)
        case .failure(let error): #expect("\(error)".contains("cursor reads differently"), "\(error)")
        }
        // A cursor read ahead that the page does not hold: refused, with the request's id.
        let plain = Data(#"{"ok":true,"data":[],"page":{"nextCursor":"a","hasMore":true}}"#.utf8)
        #expect(throws: PlatformError.self) {
            try plain.withUnsafeBytes { bytes in
                try SyncEngine.decodePage(.member, bytes, path: "/v1/members", requestId: "req_test1234",
                                          readAhead: PageInfo(nextCursor: "z", hasMore: true))
            }
        }
    }
}
