#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A self-pipe that ends the UI loop's wait for a key as soon as another thread has news
/// (a window loaded, a sync event). Without it a query's answer waits for the key timeout.
public final class WakeSignal: Sendable {
    /// Becomes readable after `signal()`; `drain()` empties it.
    public let descriptor: Int32
    private let writeEnd: Int32

    public init() throws {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw TerminalError.initializationFailed("cannot create a wake pipe") }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        descriptor = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(descriptor)
        close(writeEnd)
    }

    /// Safe from any thread; a full pipe already means "wake up", so a failed write is fine.
    public func signal() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    public func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(descriptor, &buffer, buffer.count) > 0 {}
    }

    /// Blocks until signalled or `timeoutMilliseconds` pass; true when signalled.
    @discardableResult
    public func wait(timeoutMilliseconds: Int) -> Bool {
        var descriptorSet = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptorSet, 1, Int32(clamping: timeoutMilliseconds))
        drain()
        return ready > 0
    }
}
