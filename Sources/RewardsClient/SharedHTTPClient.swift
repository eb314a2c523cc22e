import AsyncHTTPClient
import NIOCore

/// The process's HTTP client. Unlike `HTTPClient.shared`, it does not keep retrying a
/// refused connection until the request's deadline: an unreachable platform is reported
/// within seconds (and retried by our own policy), so the console can say "offline". Nor does
/// it follow redirects.
enum SharedHTTPClient {
    static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(5)
        // The contract has no redirects: a 3xx is an error naming where it pointed, and the
        // signed headers never go to another host.
        configuration.redirectConfiguration = .disallow
        // Lives for the whole process, so it is never shut down (and never deinitialised).
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()
}
