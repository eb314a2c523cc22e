import Foundation
import Synchronization

/// A pty pair whose master side is drained by a thread that counts the bytes, so that the
/// console can draw into the slave side as into a real terminal and nothing ever blocks.
public final class PseudoTerminal: @unchecked Sendable {
    public let master: Int32
    public let slave: Int32
    private let received = Atomic<Int>(0)
    private let captured = Mutex<[UInt8]>([])
    private let capturing: Bool
    private var reader: Thread?

    /// `capture` keeps the bytes too (for a test that looks for text), not only their count.
    public init(columns: Int, rows: Int, capture: Bool = false) throws {
        var master: Int32 = 0
        var slave: Int32 = 0
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw BenchmarkSetupError("openpty failed: \(errno)") }
        self.master = master
        self.slave = slave
        self.capturing = capture
        let thread = Thread { [self] in self.drain() }
        thread.stackSize = 1 << 20
        reader = thread
        thread.start()
    }

    /// Every byte the master has read so far.
    public var bytesReceived: Int { received.load(ordering: .acquiring) }

    public var capturedText: String { String(decoding: captured.withLock { $0 }, as: UTF8.self) }

    /// Waits until everything written to the slave has been read at the master.
    public func waitUntilDrained() {
        var pending: Int32 = 0
        repeat {
            pending = 0
            _ = ioctl(master, UInt(FIONREAD), &pending)
            if pending > 0 { usleep(50) }
        } while pending > 0
        // The reader may hold the last chunk between read() and the count.
        usleep(500)
    }

    /// Types bytes as a user would (they arrive on the slave's input).
    public func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { return }
            received.add(count, ordering: .releasing)
            if capturing { captured.withLock { $0.append(contentsOf: buffer[0..<count]) } }
        }
    }

    public func close() {
        Glibc.close(slave)
        Glibc.close(master)
    }
}

public struct BenchmarkSetupError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
