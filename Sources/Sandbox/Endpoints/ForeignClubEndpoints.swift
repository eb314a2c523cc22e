import RewardsContract

/// Answers for the keys of the sandbox's other club (`keys.otherClub`). The sandbox keeps no
/// data for that club, so its reads are empty, its feed never moves, and its writes find
/// nothing: 404 `partner_not_found` on the integration endpoints (no record of the club here),
/// 404 `review_not_found` / `redemption_not_found` on the actions. It exists so that a client
/// can check it never mixes two clubs, and that `clubId` of another club is refused (401).
struct ForeignClubEndpoints: Sendable {
    let club: ClubIdentity
    let environment: Environment
    /// Expires when the server's does, so a restart that starts a new feed expires both.
    let epoch: String
    let signal: FeedSignal

    func reply(_ route: Route, query: QueryParameters, key: IssuedKey, call: PostCall) async throws -> APIReply {
        switch route {
        case .me:
            return try .encoded(Me(keyId: key.id, clubId: club.clubId, clubName: club.clubName,
                                   environment: environment, role: key.role))
        case .members, .redemptions, .reviews, .requestLogs:
            let parameters = try ListParameters(query)
            // No page was ever issued, so no cursor can be valid.
            if parameters.cursor != nil { throw APIError.invalidRequest("The cursor is malformed.") }
            return .list([], nextCursor: nil, hasMore: false)
        case .member(let id), .memberLedger(let id):
            throw APIError(.cardholderNotFound, "No member with this id exists in the club.",
                           details: .object(["memberId": .string(id)]))
        case .changesHead:
            return try .encoded(FeedHead(cursor: Cursors.feedCursor(epoch: epoch, seq: 0),
                                         counts: ListCounts(members: 0, redemptions: 0, reviews: 0, requestLogs: 0)))
        case .changes:
            return try await changes(query)
        case .action(let subject, let id, _):
            try checkPost(call)
            if subject == .review {
                throw APIError(.reviewNotFound, "No review with this id exists.", details: .object(["reviewId": .string(id)]))
            }
            throw APIError(.redemptionNotFound, "No redemption with this id exists.",
                           details: .object(["redemptionId": .string(id)]))
        case .upsertMember, .eraseMember, .settleTransaction, .reverseTransaction, .requestRedemption, .reportPayout,
             .cancelRedemption:
            try checkPost(call)
            throw APIError(.partnerNotFound, "This sandbox keeps no record of club \(club.clubId).",
                           details: .object(["clubId": .string(club.clubId)]))
        }
    }

    /// The checks of §11 that come before any lookup: role, then the idempotency key.
    private func checkPost(_ call: PostCall) throws {
        guard call.key.role.mayDecide else {
            throw APIError(.forbidden, "This key has the \(call.key.role.rawValue) role, which is read only.")
        }
        _ = try PostPipeline.idempotencyKey(call.headers)
    }

    private func changes(_ query: QueryParameters) async throws -> APIReply {
        guard let after = try query.single("after") else {
            throw APIError.invalidRequest("'after' is required; start from GET /v1/changes/head.")
        }
        _ = try ListParameters.integer(query, "limit", default: ListParameters.defaultLimit,
                                       range: 1...ListParameters.maximumLimit)
        let wait = try ListParameters.integer(query, "waitSeconds", default: 0, range: 0...FeedEndpoints.maximumWait)
        let position = try Cursors.feedPosition(of: after)
        guard position.epoch == epoch else {
            throw APIError(.cursorExpired, "The cursor is older than the feed's history; bootstrap again from /v1/changes/head.")
        }
        guard position.seq == 0 else { throw APIError.invalidRequest("The cursor is ahead of the feed.") }
        // Nothing ever arrives: hold the long-poll until it ends or the server stops (the served
        // club's changes wake the signal too, hence the loop).
        let deadline = ContinuousClock.now.advanced(by: .seconds(wait))
        while ContinuousClock.now < deadline, await signal.wait(beyond: .max, until: deadline) {}
        return .list([], nextCursor: after, hasMore: false)
    }
}
