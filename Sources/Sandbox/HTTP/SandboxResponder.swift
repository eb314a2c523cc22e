import Foundation
import Hummingbird
import RewardsContract

/// Hummingbird's entry point. Every API answer gets a fresh `X-Request-ID` and JSON content type
/// (Hummingbird adds `Date`); any failure becomes the contract's error envelope; failed writes
/// of this club's keys go to the request log; and the drawn faults are applied around it all.
struct SandboxResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let api: SandboxAPI
    let faults: FaultInjector
    let recorder: RequestLogRecorder

    func respond(to request: Request, context: Context) async throws -> Response {
        let requestId = RequestID.make()
        let decision = faults.draw()
        if let delay = decision.delay { try? await Task.sleep(for: delay) }
        var request = request
        let reply: APIReply
        switch decision.early {
        case .internalError?:
            reply = .error(APIError(.internalError, "An unexpected error occurred."))
        case .unavailable(let seconds)?:
            reply = .error(.unavailable(retryAfter: seconds))
        case .rateLimited?, nil:
            // An injected 429 needs the key, so the API raises it after authentication.
            do {
                reply = try await api.reply(to: &request, faults: decision)
            } catch let error as APIError {
                reply = .error(error)
            } catch {
                reply = .error(APIError(.internalError, "An unexpected error occurred."))
            }
        }
        if reply.status >= 400, request.method != .get, api.authenticator.isThisClubsKey(request.headers) {
            let target = request.head.path ?? ""
            await recorder.record(requestId: requestId, method: request.method.rawValue,
                                  path: String(target.prefix { $0 != "?" }), reply: reply,
                                  idempotencyKey: request.headers[HTTPHeaders.idempotencyKey])
        }
        let response = reply.response(requestId: requestId)
        switch decision.late {
        case .badGateway?: return InjectedFaults.badGateway()
        case .reset?: return InjectedFaults.cutOff(response, body: reply.body)
        case nil: return response
        }
    }
}
