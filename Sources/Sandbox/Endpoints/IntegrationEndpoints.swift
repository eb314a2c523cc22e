/// The integration endpoints of contract §10, each through the common POST order of
/// `PostPipeline` and then its own rules.
struct IntegrationEndpoints: Sendable {
    let pipeline: PostPipeline

    func handle(_ route: Route, _ call: PostCall) async throws -> APIReply? {
        switch route {
        case .upsertMember:
            return try await pipeline.run(call, parse: MemberUpsert.parse) { request, transaction in
                try request.apply(in: transaction)
            }
        case .eraseMember(let id):
            return try await pipeline.run(call, parse: Self.emptyBody) { _, transaction in
                try Erasure.apply(memberId: id, in: transaction)
            }
        case .settleTransaction:
            return try await pipeline.run(call, parse: SettledTransaction.parse) { request, transaction in
                try request.apply(in: transaction)
            }
        case .reverseTransaction:
            return try await pipeline.run(call, parse: ReversalRequest.parse) { request, transaction in
                try request.apply(in: transaction)
            }
        case .requestRedemption:
            return try await pipeline.run(call, parse: RedemptionRequest.parse) { request, transaction in
                try request.apply(in: transaction)
            }
        case .reportPayout(let id):
            return try await pipeline.run(call, parse: PayoutReport.parse) { report, transaction in
                try report.apply(redemptionId: id, in: transaction)
            }
        case .cancelRedemption(let id):
            return try await pipeline.run(call, parse: Self.emptyBody) { _, transaction in
                try RedemptionCancellation.apply(redemptionId: id, in: transaction)
            }
        default:
            return nil
        }
    }

    /// `{}` or no body at all.
    @Sendable static func emptyBody(contentType: String?, body: [UInt8]) throws -> Bool {
        _ = try JSONObjectBody(contentType: contentType, body: body, allowed: [])
        return true
    }
}
