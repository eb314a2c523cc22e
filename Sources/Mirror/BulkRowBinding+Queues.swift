import RewardsContract

/// Redemptions and reviews bind field by field in a bootstrap too: through `columnValues` (an
/// array of existentials, and the creation time parsed for its epoch) a redemption cost 20,000
/// instructions to write and a review 28,000. The values and their order are `columnValues`'
/// (a test holds the rows they store equal to the feed's).
extension Redemption {
    func bindFields(_ binder: inout RowBinder) {
        binder.head(id, version, createdAt, updatedAt)
        binder.double(epoch(createdAt))
        binder.text(memberId)
        binder.int(points)
        binder.int(cashValueMinor)
        binder.text(currency)
        binder.text(status.rawValue)
        binder.bool(status.isPending)
        binder.int(payoutAttempts)
        binder.text(lastError?.code.rawValue)
        binder.text(lastError?.message)
        binder.text(lastActionBy)
        binder.text(lastActionAt?.raw)
    }
}

extension Review {
    func bindFields(_ binder: inout RowBinder) {
        binder.head(id, version, createdAt, updatedAt)
        binder.double(epoch(createdAt))
        binder.text(kind.rawValue)
        binder.text(reasonCode)
        binder.text(memberId)
        binder.text(subjectRef)
        binder.int(pointsRequested)
        binder.int(pointsAvailable)
        binder.int(amountMinor)
        binder.text(currency)
        binder.text(status.rawValue)
        binder.int(statusRank)
        binder.int(escalationLevel)
        binder.text(note)
        binder.text(decidedBy)
        binder.text(decidedAt?.raw)
        binder.text(lastActionBy)
        binder.text(lastActionAt?.raw)
    }
}
