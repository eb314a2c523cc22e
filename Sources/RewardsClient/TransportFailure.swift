import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix

/// Says in plain words what went wrong below HTTP: "connection refused by 127.0.0.1:9",
/// "timed out after 30 s", not the NIO error's own description.
enum TransportFailure {
    /// - Parameters:
    ///   - error: what the HTTP client threw.
    ///   - target: `host:port` of the platform, to name in the message.
    ///   - timeoutSeconds: the attempt's whole-request deadline.
    static func describe(_ error: any Error, target: String, timeoutSeconds: Double) -> String {
        if error is AttemptDeadline.Exceeded {
            return "timed out after \(seconds(timeoutSeconds)) (no complete answer from \(target))"
        }
        if let connection = error as? NIOConnectionError {
            if connection.dnsAError != nil || connection.dnsAAAAError != nil {
                return "cannot resolve \(connection.host): no such host"
            }
            if let first = connection.connectionErrors.first?.error { return describe(first, target: target, timeoutSeconds: timeoutSeconds) }
            return "cannot connect to \(target)"
        }
        if let io = error as? IOError {
            return describe(errno: io.errnoCode, target: target)
        }
        if let http = error as? HTTPClientError {
            switch http {
            case .connectTimeout: return "connecting to \(target) timed out"
            case .deadlineExceeded, .readTimeout: return "timed out after \(seconds(timeoutSeconds))"
            case .remoteConnectionClosed: return "\(target) closed the connection before the answer was complete"
            case .tlsHandshakeTimeout: return "the TLS handshake with \(target) timed out"
            default: break
            }
        }
        if error is ChannelError, case .connectTimeout = error as? ChannelError {
            return "connecting to \(target) timed out"
        }
        return "\(error)"
    }

    static func describe(errno code: Int32, target: String) -> String {
        switch code {
        case ECONNREFUSED: return "connection refused by \(target)"
        case ECONNRESET: return "connection reset by \(target)"
        case ETIMEDOUT: return "connecting to \(target) timed out"
        case EHOSTUNREACH, ENETUNREACH: return "\(target) is unreachable (no route)"
        case EPIPE: return "\(target) closed the connection"
        default: return "cannot talk to \(target): \(String(cString: strerror(code)))"
        }
    }

    /// "30 s", "2.5 s": for the client's own figures (timeouts, budgets, waits already bounded).
    static func seconds(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e9 else { return "\(value) s" }
        return value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}
