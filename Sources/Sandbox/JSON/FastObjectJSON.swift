import RewardsContract

/// Hand-written JSON for the types the bulk load writes by the hundred thousand.
///
/// JSONEncoder cost most of the generation time; these produce exactly its output (sorted
/// keys, the same escapes, `null` for absent values) at a fraction of the cost. Tests compare
/// them byte for byte with JSONEncoder over generated and hostile data, so a new field in the
/// contract types fails the tests rather than drifting.
enum FastObjectJSON {
    static func member(_ m: Member) -> String {
        var out = JSONBytes(capacity: 384)
        out.raw("{\"clubId\":"); out.string(m.clubId)
        out.raw(",\"createdAt\":"); out.string(m.createdAt.raw)
        out.raw(",\"currency\":"); out.string(m.currency)
        out.raw(",\"deletedAt\":"); out.optional(m.deletedAt?.raw)
        out.raw(",\"email\":"); out.string(m.email)
        out.raw(",\"externalRef\":"); out.string(m.externalRef)
        out.raw(",\"id\":"); out.string(m.id)
        out.raw(",\"name\":"); out.string(m.name)
        out.raw(",\"payoutReady\":"); out.bool(m.payoutReady)
        out.raw(",\"pointsAvailable\":"); out.int(m.pointsAvailable)
        out.raw(",\"pointsLifetime\":"); out.int(m.pointsLifetime)
        out.raw(",\"pointsPending\":"); out.int(m.pointsPending)
        out.raw(",\"status\":"); out.string(m.status.rawValue)
        out.raw(",\"updatedAt\":"); out.string(m.updatedAt.raw)
        out.raw(",\"version\":"); out.int(m.version)
        out.raw("}")
        return out.text
    }

    static func ledger(_ e: LedgerEntry) -> String {
        var out = JSONBytes(capacity: 256)
        out.raw("{\"createdAt\":"); out.string(e.createdAt.raw)
        out.raw(",\"externalTransactionId\":"); out.optional(e.externalTransactionId)
        out.raw(",\"id\":"); out.string(e.id)
        out.raw(",\"kind\":"); out.string(e.kind.rawValue)
        out.raw(",\"memberId\":"); out.string(e.memberId)
        out.raw(",\"points\":"); out.int(e.points)
        out.raw(",\"redemptionId\":"); out.optional(e.redemptionId)
        out.raw("}")
        return out.text
    }

    static func redemption(_ r: Redemption) -> String {
        var out = JSONBytes(capacity: 384)
        out.raw("{\"cashValueMinor\":"); out.int(r.cashValueMinor)
        out.raw(",\"createdAt\":"); out.string(r.createdAt.raw)
        out.raw(",\"currency\":"); out.string(r.currency)
        out.raw(",\"id\":"); out.string(r.id)
        out.raw(",\"lastActionAt\":"); out.optional(r.lastActionAt?.raw)
        out.raw(",\"lastActionBy\":"); out.optional(r.lastActionBy)
        out.raw(",\"lastError\":")
        if let error = r.lastError {
            out.raw("{\"code\":"); out.string(error.code.rawValue)
            out.raw(",\"message\":"); out.string(error.message)
            out.raw("}")
        } else {
            out.null()
        }
        out.raw(",\"memberId\":"); out.string(r.memberId)
        out.raw(",\"payoutAttempts\":"); out.int(r.payoutAttempts)
        out.raw(",\"points\":"); out.int(r.points)
        out.raw(",\"status\":"); out.string(r.status.rawValue)
        out.raw(",\"updatedAt\":"); out.string(r.updatedAt.raw)
        out.raw(",\"version\":"); out.int(r.version)
        out.raw("}")
        return out.text
    }

    static func review(_ r: Review) -> String {
        var out = JSONBytes(capacity: 512)
        out.raw("{\"amountMinor\":"); out.int(r.amountMinor)
        out.raw(",\"createdAt\":"); out.string(r.createdAt.raw)
        out.raw(",\"currency\":"); out.string(r.currency)
        out.raw(",\"decidedAt\":"); out.optional(r.decidedAt?.raw)
        out.raw(",\"decidedBy\":"); out.optional(r.decidedBy)
        out.raw(",\"escalationLevel\":"); out.int(r.escalationLevel)
        out.raw(",\"id\":"); out.string(r.id)
        out.raw(",\"kind\":"); out.string(r.kind.rawValue)
        out.raw(",\"lastActionAt\":"); out.optional(r.lastActionAt?.raw)
        out.raw(",\"lastActionBy\":"); out.optional(r.lastActionBy)
        out.raw(",\"memberId\":"); out.string(r.memberId)
        out.raw(",\"note\":"); out.optional(r.note)
        out.raw(",\"pointsAvailable\":"); out.int(r.pointsAvailable)
        out.raw(",\"pointsRequested\":"); out.int(r.pointsRequested)
        out.raw(",\"reasonCode\":"); out.string(r.reasonCode)
        out.raw(",\"status\":"); out.string(r.status.rawValue)
        out.raw(",\"subjectRef\":"); out.string(r.subjectRef)
        out.raw(",\"updatedAt\":"); out.string(r.updatedAt.raw)
        out.raw(",\"version\":"); out.int(r.version)
        out.raw("}")
        return out.text
    }

    /// nil when `details` holds a floating-point number: JSONEncoder then writes it.
    static func requestLog(_ l: RequestLog) -> String? {
        var out = JSONBytes(capacity: 512)
        out.raw("{\"at\":"); out.string(l.at.raw)
        out.raw(",\"code\":"); out.string(l.code.rawValue)
        out.raw(",\"createdAt\":"); out.string(l.createdAt.raw)
        out.raw(",\"details\":")
        if let details = l.details {
            guard out.value(details) else { return nil }
        } else {
            out.null()
        }
        out.raw(",\"httpStatus\":"); out.int(l.httpStatus)
        out.raw(",\"id\":"); out.string(l.id)
        out.raw(",\"idempotencyKey\":"); out.optional(l.idempotencyKey)
        out.raw(",\"message\":"); out.string(l.message)
        out.raw(",\"method\":"); out.string(l.method)
        out.raw(",\"path\":"); out.string(l.path)
        out.raw(",\"requestId\":"); out.string(l.requestId)
        out.raw(",\"retryable\":"); out.bool(l.retryable)
        out.raw(",\"updatedAt\":"); out.string(l.updatedAt.raw)
        out.raw(",\"version\":"); out.int(l.version)
        out.raw("}")
        return out.text
    }
}
