import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 client for the traffic generator's calls to its own server.
///
/// Why not URLSession: on Linux it crashes now and then under load and cancellation
/// ("Trying to access a behaviour for a task that in not in the registry",
/// swift-corelibs-foundation #3292), and a sandbox that other tests lean on must not crash.
/// The server is ours and always answers with a `Content-Length`, so this client only needs
/// that much of HTTP. Each call blocks a thread of its own, never one of Swift's cooperative
/// threads (the server's handlers run on those).
final class LoopbackHTTPClient: Sendable {
    struct Response: Sendable {
        let status: Int
        let headers: [(name: String, value: String)]
        let body: [UInt8]

        func header(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
    }

    let host: String
    let port: Int
    /// Kept-alive connections, reused by later calls.
    private let idle = Mutex<[Int32]>([])
    private let closed = Mutex(false)
    static let timeoutSeconds = 40
    static let maximumIdle = 32

    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// nil when the call failed in transport (refused, reset, truncated, timed out).
    func send(method: String, target: String, headers: [(String, String)], body: [UInt8]) async -> Response? {
        await withCheckedContinuation { continuation in
            let thread = Thread { [self] in
                continuation.resume(returning: self.sendBlocking(method: method, target: target, headers: headers,
                                                                 body: body))
            }
            thread.start()
        }
    }

    /// Closes the idle connections; calls in flight finish on their own.
    func close() {
        closed.withLock { $0 = true }
        for socket in idle.withLock({ sockets in defer { sockets.removeAll() }; return sockets }) { _ = closeSocket(socket) }
    }

    private func sendBlocking(method: String, target: String, headers: [(String, String)], body: [UInt8]) -> Response? {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: \(host):\(port)\r\nContent-Length: \(body.count)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        let request = Array((head + "\r\n").utf8) + body
        // A kept-alive connection may have been closed by the server meanwhile: one more try on
        // a fresh connection when nothing at all came back on a reused one.
        if let socket = idle.withLock({ $0.popLast() }) {
            switch exchange(socket, request) {
            case .answered(let response): return response
            case .failed: return nil
            case .silent: break
            }
        }
        guard let socket = connectSocket() else { return nil }
        if case .answered(let response) = exchange(socket, request) { return response }
        return nil
    }

    private enum Outcome {
        case answered(Response)
        /// The connection closed before a single byte of an answer.
        case silent
        case failed
    }

    private func exchange(_ socket: Int32, _ request: [UInt8]) -> Outcome {
        guard writeAll(socket, request) else {
            _ = closeSocket(socket)
            return .silent
        }
        var buffer: [UInt8] = []
        var headerEnd: Int?
        while headerEnd == nil {
            guard readSome(socket, into: &buffer) else {
                _ = closeSocket(socket)
                return buffer.isEmpty ? .silent : .failed
            }
            headerEnd = Self.endOfHead(buffer)
        }
        guard let end = headerEnd, let parsed = Self.parseHead(Array(buffer[..<end])) else {
            _ = closeSocket(socket)
            return .failed
        }
        let length = parsed.headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        var body = Array(buffer[(end + 4)...])
        while body.count < length {
            guard readSome(socket, into: &body) else {
                // The answer promised more than arrived: a truncated body, a transport failure.
                _ = closeSocket(socket)
                return .failed
            }
        }
        let keepAlive = parsed.headers.first { $0.name.lowercased() == "connection" }?.value.lowercased() != "close"
        if keepAlive, body.count == length, !closed.withLock({ $0 }),
           idle.withLock({ sockets in
               guard sockets.count < Self.maximumIdle else { return false }
               sockets.append(socket)
               return true
           }) {
            // Kept for the next call.
        } else {
            _ = closeSocket(socket)
        }
        return .answered(Response(status: parsed.status, headers: parsed.headers, body: Array(body.prefix(length))))
    }

    private static func endOfHead(_ buffer: [UInt8]) -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 0...(buffer.count - 4)
        where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            return index
        }
        return nil
    }

    private static func parseHead(_ bytes: [UInt8]) -> (status: Int, headers: [(name: String, value: String)])? {
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines.first?.split(separator: " ", maxSplits: 2) ?? []
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let status = Int(statusParts[1]) else {
            return nil
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return (status, headers)
    }

    // MARK: Sockets

    private func connectSocket() -> Int32? {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { return nil }
        defer { freeaddrinfo(list) }
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let info = candidate {
            let socket = Glue.socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if socket >= 0 {
                configure(socket)
                if Glue.connect(socket, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return socket }
                _ = closeSocket(socket)
            }
            candidate = info.pointee.ai_next
        }
        return nil
    }

    private func configure(_ socket: Int32) {
        var timeout = timeval(tv_sec: Self.timeoutSeconds, tv_usec: 0)
        _ = setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var on: Int32 = 1
        _ = setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        #if canImport(Darwin)
        _ = setsockopt(socket, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    private func writeAll(_ socket: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Glue.send(socket, raw.baseAddress.map { $0 + sent }, bytes.count - sent)
            }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            sent += written
        }
        return true
    }

    /// Appends what arrives; false on end of stream, error or timeout.
    private func readSome(_ socket: Int32, into buffer: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glue.recv(socket, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            buffer.append(contentsOf: chunk[..<count])
            return true
        }
    }

    private func closeSocket(_ socket: Int32) -> Int32 { Glue.close(socket) }
}

/// The C calls, named apart from this file's own methods.
private enum Glue {
    static func socket(_ family: Int32, _ type: Int32, _ proto: Int32) -> Int32 {
        #if canImport(Glibc)
        Glibc.socket(family, type, proto)
        #else
        Darwin.socket(family, type, proto)
        #endif
    }

    static func connect(_ socket: Int32, _ address: UnsafeMutablePointer<sockaddr>!, _ length: socklen_t) -> Int32 {
        #if canImport(Glibc)
        Glibc.connect(socket, address, length)
        #else
        Darwin.connect(socket, address, length)
        #endif
    }

    static func send(_ socket: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.send(socket, bytes, count, Int32(MSG_NOSIGNAL))
        #else
        Darwin.send(socket, bytes, count, 0)
        #endif
    }

    static func recv(_ socket: Int32, _ bytes: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.recv(socket, bytes, count, 0)
        #else
        Darwin.recv(socket, bytes, count, 0)
        #endif
    }

    static func close(_ socket: Int32) -> Int32 {
        #if canImport(Glibc)
        Glibc.close(socket)
        #else
        Darwin.close(socket)
        #endif
    }
}
