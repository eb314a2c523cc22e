import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A tiny HTTP server on 127.0.0.1 (an ephemeral port) that answers whatever a test tells it
/// to, byte for byte: broken headers, a body dripped a byte at a time, redirects, bodies that
/// never end. The sandbox keeps the contract; this one breaks it on purpose.
package final class HostileServer: Sendable {
    /// One request as it arrived.
    package struct Request: Sendable {
        package var method: String
        /// Path and query, as on the request line.
        package var target: String
        package var headers: [(name: String, value: String)]

        package var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? "") }

        package func query(_ name: String) -> String? {
            guard let query = target.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
            for pair in query.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.first.map(String.init) == name {
                    return parts.count > 1 ? String(parts[1]).removingPercentEncoding ?? String(parts[1]) : ""
                }
            }
            return nil
        }

        package func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    /// What to send back.
    package struct Reply: Sendable {
        package var status: Int
        package var headers: [(String, String)]
        package var body: [UInt8]
        /// Send the body one byte at a time, this far apart (nil: all at once).
        package var dripEvery: Duration?

        package init(status: Int, headers: [(String, String)] = [], body: [UInt8] = [], dripEvery: Duration? = nil) {
            self.status = status; self.headers = headers; self.body = body; self.dripEvery = dripEvery
        }

        package static func json(_ status: Int, _ text: String, headers: [(String, String)] = []) -> Reply {
            Reply(status: status, headers: [("Content-Type", "application/json"), ("X-Request-ID", "req_hostile01")] + headers,
                  body: Array(text.utf8))
        }
    }

    package typealias Responder = @Sendable (Request) -> Reply

    private final class Received: Sendable {
        let requests = Mutex<[Request]>([])
    }

    private let channel: any Channel
    private let log: Received
    package let port: Int

    package var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Every request received so far.
    package var requests: [Request] { log.requests.withLock { $0 } }

    private init(channel: any Channel, log: Received, port: Int) {
        self.channel = channel
        self.log = log
        self.port = port
    }

    package static func start(_ respond: @escaping Responder) async throws -> HostileServer {
        let received = Received()
        let recordAndRespond: Responder = { request in
            received.requests.withLock { $0.append(request) }
            return respond(request)
        }
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(Handler(respond: recordAndRespond))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        guard let port = channel.localAddress?.port else { throw HostileServerError("no port bound") }
        return HostileServer(channel: channel, log: received, port: port)
    }

    package func stop() async {
        try? await channel.close()
    }

    private final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let respond: Responder
        var head: HTTPRequestHead?

        init(respond: @escaping Responder) { self.respond = respond }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let requestHead):
                head = requestHead
            case .body:
                break
            case .end:
                guard let head else { return }
                let reply = respond(Request(method: head.method.rawValue, target: head.uri,
                                            headers: head.headers.map { ($0.name, $0.value) }))
                write(reply, context: context)
            }
        }

        private func write(_ reply: Reply, context: ChannelHandlerContext) {
            var headers = HTTPHeaders(reply.headers.map { ($0.0, $0.1) })
            headers.replaceOrAdd(name: "Content-Length", value: String(reply.body.count))
            let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: reply.status),
                                        headers: headers)
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            guard let interval = reply.dripEvery, !reply.body.isEmpty else {
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: reply.body)))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                return
            }
            context.flush()
            drip(reply.body[...], every: interval, context: context)
        }

        /// One byte now, the rest later; stops when the client hangs up.
        private func drip(_ rest: ArraySlice<UInt8>, every interval: Duration, context: ChannelHandlerContext) {
            guard context.channel.isActive, let byte = rest.first else {
                if context.channel.isActive { context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil) }
                return
            }
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: [byte])))), promise: nil)
            let milliseconds = interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000
            let remaining = rest.dropFirst()
            let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: .milliseconds(milliseconds)) {
                bound.value.0.drip(remaining, every: interval, context: bound.value.1)
            }
        }
    }
}

package struct HostileServerError: Error, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}
