/// In-memory backend for tests: records what was presented and replays scripted keys.
public final class MemoryTerminal: TerminalBackend {
    public private(set) var size: (columns: Int, rows: Int)
    /// The last buffer passed to `present`.
    public private(set) var presented: ScreenBuffer?
    public private(set) var presentCount = 0
    public private(set) var rawWrites: [String] = []
    public private(set) var isShutDown = false
    /// Every palette applied since the start, in order.
    public private(set) var appliedPalettes: [TerminalPalette?] = []
    private var pendingKeys: [Key] = []

    public init(columns: Int, rows: Int) {
        size = (columns, rows)
    }

    public func enqueue(_ keys: [Key]) {
        pendingKeys.append(contentsOf: keys)
    }

    /// Like a terminal window being resized: the size changes now and `.resize`
    /// arrives through `readKey` after the keys already queued.
    public func resize(columns: Int, rows: Int) {
        size = (columns, rows)
        pendingKeys.append(.resize)
    }

    public func present(_ buffer: ScreenBuffer) {
        presented = buffer
        presentCount += 1
    }

    /// Returns the next scripted key at once, or nil (never waits).
    public func readKey(timeoutMilliseconds: Int) -> Key? {
        pendingKeys.isEmpty ? nil : pendingKeys.removeFirst()
    }

    public func writeRaw(_ bytes: String) {
        rawWrites.append(bytes)
    }

    public func apply(palette: TerminalPalette?) {
        appliedPalettes.append(palette)
    }

    public func shutdown() {
        isShutDown = true
    }
}
