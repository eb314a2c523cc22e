/// The only surface the console draws through, so the UI can run against
/// `MemoryTerminal` in tests and `NCursesTerminal` for real. Used from one thread.
public protocol TerminalBackend: AnyObject {
    var size: (columns: Int, rows: Int) { get }
    /// Shows `buffer`; implementations may redraw only what changed since the last call.
    func present(_ buffer: ScreenBuffer)
    /// Waits up to `timeoutMilliseconds` (negative: forever); nil on timeout.
    func readKey(timeoutMilliseconds: Int) -> Key?
    /// Like `readKey(timeoutMilliseconds:)`, but also returns (nil) as soon as `wake` is signalled.
    func readKey(timeoutMilliseconds: Int, wake: WakeSignal?) -> Key?
    /// Sends bytes straight to the terminal, bypassing the screen model (OSC 52 copy).
    func writeRaw(_ bytes: String)
    /// Shows every role in a theme's styles from now on (nil: the built-in ones), repainting.
    func apply(palette: TerminalPalette?)
    /// Restores the terminal; safe to call more than once.
    func shutdown()
}

extension TerminalBackend {
    /// Backends that never wait (the in-memory one) have nothing to cut short.
    public func readKey(timeoutMilliseconds: Int, wake: WakeSignal?) -> Key? {
        readKey(timeoutMilliseconds: timeoutMilliseconds)
    }
}
