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

/// The answers of faults that come from outside the API.
enum InjectedFaults {
    struct ConnectionCut: Error {}

    /// What a proxy in front of the API sends when it loses the API's answer: HTML, none of the
    /// API's headers (contract §11 says to treat it as a retryable transport failure).
    static func badGateway() -> Response {
        let html = """
            <html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r
            <hr><center>nginx</center>\r\n</body>\r\n</html>\r\n
            """
        var headers = HTTPFields()
        headers[HTTPHeaders.contentType] = "text/html"
        return Response(status: .badGateway, headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: Array(html.utf8))))
    }

    /// The answer's head and the first half of its body, then the connection drops: the
    /// `Content-Length` promises more than ever arrives.
    static func cutOff(_ response: Response, body: [UInt8]) -> Response {
        var cut = response
        let half = Array(body.prefix(body.count / 2))
        cut.body = ResponseBody(contentLength: body.count) { writer in
            try await writer.write(ByteBuffer(bytes: half))
            // Thrown from the body writer, this makes Hummingbird close the connection.
            throw ConnectionCut()
        }
        return cut
    }
}
