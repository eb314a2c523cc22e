import Foundation
import Terminal

/// A terminal for driving the real UI loop from a test: each key of the script waits until
/// the screen shows its cue, then is read. Every wait is bounded: once the script is out, or a
/// cue has not shown within `patience`, the terminal hangs up, so the loop always ends.
final class ScriptedTerminal: TerminalBackend {
    struct Step {
        /// Text the last frame must contain before the key is read; nil: at once.
        var cue: String?
        var key: Key
    }

    let size: (columns: Int, rows: Int)
    private(set) var presented: ScreenBuffer?
    private(set) var rawWrites: [String] = []
    private(set) var appliedPalettes: [TerminalPalette?] = []
    /// Cues that never showed, in order.
    private(set) var missedCues: [String] = []
    private var script: [Step]
    private let patience: TimeInterval
    private var waitingSince: Date?

    init(columns: Int = 120, rows: Int = 30, script: [Step], patience: TimeInterval = 10) {
        size = (columns, rows)
        self.script = script
        self.patience = patience
    }

    /// `line` typed after `cue` shows: `:` is the caller's to include.
    static func typing(_ line: String, after cue: String?) -> [Step] {
        line.enumerated().map { index, character in Step(cue: index == 0 ? cue : nil, key: .char(character)) }
    }

    func present(_ buffer: ScreenBuffer) { presented = buffer }

    func readKey(timeoutMilliseconds: Int) -> Key? { readKey(timeoutMilliseconds: timeoutMilliseconds, wake: nil) }

    func readKey(timeoutMilliseconds: Int, wake: WakeSignal?) -> Key? {
        guard let step = script.first else { return .hangup }
        if let cue = step.cue, !(presented?.text().contains(cue) ?? false) {
            let since = waitingSince ?? Date()
            waitingSince = since
            if Date().timeIntervalSince(since) > patience {
                missedCues.append(cue)
                script = []
                return .hangup
            }
            if let wake { wake.wait(timeoutMilliseconds: min(20, max(1, timeoutMilliseconds))) } else { usleep(5_000) }
            return nil
        }
        waitingSince = nil
        script.removeFirst()
        return step.key
    }

    func writeRaw(_ bytes: String) { rawWrites.append(bytes) }

    func apply(palette: TerminalPalette?) { appliedPalettes.append(palette) }

    func shutdown() {}
}

/// Runs `body` on a thread of its own, as the console runs its UI loop on the main thread: a
/// blocking loop must not hold one of the concurrency pool's threads, which its effects need.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: body()) }.start()
    }
}
