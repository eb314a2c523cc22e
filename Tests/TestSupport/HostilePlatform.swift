import Foundation

/// A platform that keeps the contract except in one way, for each broken behaviour of issue
/// #16: everything else (who the key is, the feed head, small lists, an idle feed) answers as
/// the contract says, so that a sync gets as far as the broken part.
///
/// Every string it sends is hostile too: the club's name and the error messages carry a
/// title change, a screen clear, an OSC 52 clipboard write, a C1 CSI and a bidi override, as
/// JSON escapes (which is how a real server would send them).
package enum HostileBehaviour: String, CaseIterable, Sendable, CustomStringConvertible {
    /// Keeps the contract; only its strings are hostile.
    case escapes
    /// Every call: 429 with `Retry-After: 1e300`.
    case retryAfterHuge
    /// Every call: 429 with `Retry-After: nan`.
    case retryAfterNaN
    /// Every call: 429 with `Retry-After: 999999`.
    case retryAfterLong
    /// `/v1/me`'s answer dripped one byte a second.
    case dripBody
    /// The members list hands back the cursor it was given, with `hasMore: true`.
    case listStuck
    /// The members list gives fresh cursors but the same members again.
    case listRepeats
    /// The feed gives fresh cursors but the same entries again, `hasMore: true`, forever.
    case feedStuck
    /// Every feed call: 410 `cursor_expired`.
    case feedExpired
    /// Every feed call: 400 `invalid_request` (the cursor is unknown).
    case invalidCursor
    /// Every call: 302 to another origin.
    case redirect

    package var description: String { rawValue }

    /// Whether `sync --once` should succeed against it.
    package var syncSucceeds: Bool { self == .escapes }
    /// Whether `/v1/me` answers as the contract says (so `doctor` passes its platform checks).
    package var meAnswers: Bool { ![.retryAfterHuge, .retryAfterNaN, .retryAfterLong, .dripBody, .redirect].contains(self) }
}

package struct HostilePlatform: Sendable {
    /// JSON-escaped, as a server sends it: the bytes decode to ESC, BEL, C1 and U+202E.
    package static let evilText = #"\u001b]0;pwned\u0007\u001b[2J\u001b]52;c;cm0gLXJmIH4=\u0007Evil\u202eClub\u009b31m\u0085"#
    package static let clubId = "club_hostile01"

    package let behaviour: HostileBehaviour
    /// Where a redirect points (a second server that must never be asked anything).
    package let elsewhere: String

    package init(_ behaviour: HostileBehaviour, elsewhere: String = "http://127.0.0.1:9") {
        self.behaviour = behaviour
        self.elsewhere = elsewhere
    }

    package func respond(_ request: HostileServer.Request) -> HostileServer.Reply {
        switch behaviour {
        case .retryAfterHuge: return rateLimited("1e300")
        case .retryAfterNaN: return rateLimited("nan")
        case .retryAfterLong: return rateLimited("999999")
        case .redirect:
            return HostileServer.Reply(status: 302, headers: [("Location", elsewhere + request.target)])
        default: break
        }
        switch request.path {
        case "/v1/me":
            let keyId = request.header("Authorization").map { String($0.dropFirst("Bearer ".count)) } ?? ""
            var reply = HostileServer.Reply.json(200, """
                {"ok":true,"data":{"keyId":"\(keyId)","clubId":"\(Self.clubId)","clubName":"\(Self.evilText)",\
                "environment":"test","role":"ops"}}
                """)
            if behaviour == .dripBody { reply.dripEvery = .seconds(1) }
            return reply
        case "/v1/changes/head":
            return .json(200, #"{"ok":true,"data":{"cursor":"head0"}}"#)
        case "/v1/members":
            return members(after: request.query("cursor"))
        case "/v1/redemptions", "/v1/reviews":
            return .json(200, #"{"ok":true,"data":[],"page":{"nextCursor":null,"hasMore":false}}"#)
        case "/v1/request-logs":
            return .json(200, """
                {"ok":true,"data":[{"id":"log_1","version":1,"createdAt":"2026-11-22T08:41:07Z","updatedAt":"2026-11-22T08:41:07Z",\
                "requestId":"req_\(Self.evilText)","at":"2026-11-22T08:41:07Z","method":"POST","path":"/v1/redemptions",\
                "httpStatus":422,"code":"minimum_redemption","message":"\(Self.evilText)","retryable":false,\
                "idempotencyKey":null,"details":null}],"page":{"nextCursor":null,"hasMore":false}}
                """)
        case "/v1/changes":
            return changes(after: request.query("after") ?? "")
        default:
            return error(400, "invalid_request", retryable: false)
        }
    }

    private func members(after cursor: String?) -> HostileServer.Reply {
        let page = """
            [\(member("mem_0001")),\(member("mem_0002"))]
            """
        switch behaviour {
        case .listStuck:
            return .json(200, #"{"ok":true,"data":\#(page),"page":{"nextCursor":"c1","hasMore":true}}"#)
        case .listRepeats:
            let next = "c\((Int(cursor?.dropFirst() ?? "0") ?? 0) + 1)"
            return .json(200, #"{"ok":true,"data":\#(page),"page":{"nextCursor":"\#(next)","hasMore":true}}"#)
        default:
            return .json(200, #"{"ok":true,"data":\#(page),"page":{"nextCursor":null,"hasMore":false}}"#)
        }
    }

    private func member(_ id: String) -> String {
        """
        {"id":"\(id)","version":1,"createdAt":"2026-11-22T08:41:07Z","updatedAt":"2026-11-22T08:41:07Z",\
        "clubId":"\(Self.clubId)","externalRef":"ext_\(id)","name":"\(Self.evilText)","email":"\(id)@example.com",\
        "status":"active","pointsAvailable":10,"pointsPending":0,"pointsLifetime":10,"payoutReady":true,\
        "currency":"EUR","deletedAt":null}
        """
    }

    private func changes(after cursor: String) -> HostileServer.Reply {
        switch behaviour {
        case .feedExpired:
            return error(410, "cursor_expired", retryable: false)
        case .invalidCursor:
            return error(400, "invalid_request", retryable: false)
        case .feedStuck:
            let next = cursor + "x"
            let entry = """
                {"seq":"1","type":"member","op":"upsert","id":"mem_0001","version":1,"object":\(member("mem_0001"))}
                """
            return .json(200, #"{"ok":true,"data":[\#(entry)],"page":{"nextCursor":"\#(next)","hasMore":true}}"#)
        default:
            return .json(200, #"{"ok":true,"data":[],"page":{"nextCursor":"\#(cursor)","hasMore":false}}"#)
        }
    }

    private func rateLimited(_ retryAfter: String) -> HostileServer.Reply {
        var reply = error(429, "rate_limited", retryable: true)
        reply.headers.append(("Retry-After", retryAfter))
        return reply
    }

    private func error(_ status: Int, _ code: String, retryable: Bool) -> HostileServer.Reply {
        .json(status, """
            {"ok":false,"error":{"code":"\(code)","message":"\(Self.evilText)","retryable":\(retryable)}}
            """)
    }
}
