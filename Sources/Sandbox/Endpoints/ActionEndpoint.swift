import RewardsContract

/// POST /v1/{reviews|redemptions}/{id}/{approve|escalate} (contract §8): the common POST
/// order of `PostPipeline`, then the decision's own checks in `Decisions`.
struct ActionEndpoint: Sendable {
    let pipeline: PostPipeline

    func handle(_ call: PostCall, subject: ActionSubject, id: String, verb: ActionVerb) async throws -> APIReply {
        try await pipeline.run(call, parse: { contentType, body in
            try ActionBody.parse(contentType: contentType, body: body, noteRequired: verb == .escalate)
        }, apply: { body, transaction in
            .object(try Decisions.decide(subject, id: id, verb: verb, body: body, by: call.key, in: transaction))
        })
    }
}
