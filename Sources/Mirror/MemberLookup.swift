import GRDB
import RewardsContract

extension MirrorStore {
    /// The members a person would mean by `query`: the one with that id, or else those whose
    /// e-mail (in any case) or external ref is exactly `query`, soft-deleted ones included.
    ///
    /// The id is a primary-key read. E-mail and external ref go through the members' search
    /// index (the same text filter the Members pane uses): it yields only members whose text
    /// contains `query`, and the exact test picks from those, so no scan of the table once the
    /// index is built (until then the members it has not reached are scanned, as in the pane).
    public func membersMatching(exactly query: String, limit: Int = 20) throws -> [Member] {
        let text = query.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return [] }
        if let member = try member(id: text) { return [member] }
        return try pool.read { db in
            let search = Self.memberQuery(MemberFilter(text: text, includeDeleted: true),
                                          index: try MemberSearchIndex.state(db))
                .narrowed(by: "(email = ? COLLATE NOCASE OR externalRef = ?)",
                          arguments: [text.databaseValue, text.databaseValue])
            return try search.fetch(db, anchor: .first, limit: max(1, limit), map: Member.init(row:)).map(\.object)
        }
    }

    /// A member's reviews in queue order (open, escalated, approved; oldest first), as a keyset
    /// window; `statuses` empty means every status.
    public func memberReviewsWindow(memberId: String, statuses: [ReviewStatus], anchor: WindowAnchor, limit: Int) throws
        -> [WindowRow<ReviewRow>] {
        var query = Self.reviewQuery(ReviewFilter(statuses: statuses))
        query.conditions.append("v.memberId = ?")
        query.arguments.append(memberId.databaseValue)
        return try pool.read { db in
            try query.fetch(db, anchor: anchor, limit: limit) {
                ReviewRow(review: Review(row: $0), memberName: $0["memberName"])
            }
        }
    }
}
