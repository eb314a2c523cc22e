import Benchmark
import BenchmarkSupport
import Console
import Foundation
import Mirror
import Terminal

/// What one scenario presses, iteration after iteration.
struct KeyScript: Sendable {
    let name: String
    /// The key to measure at iteration `index`, and the unmeasured keys to press before it.
    let next: @Sendable (_ index: Int) -> (before: [Key], key: Key)

    /// Holding j, then k, through 200 rows: most steps stay in the window, some seek.
    static let moveSelection = KeyScript(name: "move selection (j/k)") { index in
        ([], (index / 200) % 2 == 0 ? .char("j") : .char("k"))
    }
    static let pageDown = KeyScript(name: "page down") { _ in ([], .pageDown) }
    static let jumpToEnd = KeyScript(name: "jump to the end and back (G/g)") { index in
        ([], index % 2 == 0 ? .char("G") : .char("g"))
    }
    /// Types search words a character at a time; each word starts from an empty filter.
    static let filterCharacter = KeyScript(name: "type one filter character") { index in
        let words = ["lucía", "tanaka", "member12", "ext-99", "小明", "zoë"]
        let characters = words.map { Array($0) }
        let total = characters.map(\.count).reduce(0, +)
        var position = index % total
        for word in characters {
            if position < word.count {
                let before: [Key] = position == 0 ? [.escape, .char("/")] : []
                return (before, .char(word[position]))
            }
            position -= word.count
        }
        return ([], .char("a"))
    }

    static let all = [moveSelection, pageDown, jumpToEnd, filterCharacter]
}

/// The members pane of the fixture mirror, on one kind of screen.
final class KeystrokeBench: @unchecked Sendable {
    let driver: ConsoleDriver
    let terminal: PseudoTerminal?
    private var counters: [String: Int] = [:]

    /// Back to the top of the members pane with no filter, whatever the last scenario left.
    func reset() throws {
        try driver.press([.escape, .escape, .char("1"), .char("g")])
    }

    /// Each closure call is one iteration; the script's position carries over between calls.
    func nextIndex(_ script: String) -> Int {
        defer { counters[script, default: 0] += 1 }
        return counters[script, default: 0]
    }

    init(onPty: Bool) throws {
        let mirror = try MirrorStore(path: try MirrorFixture.path(members: BenchmarkEnvironment.members))
        if onPty {
            setenv("TERM", "xterm-256color", 1)
            let pty = try PseudoTerminal(columns: Screen.columns, rows: Screen.rows)
            terminal = pty
            driver = try ConsoleDriver(mirror: mirror, terminal: try NCursesTerminal(sheet: ConsoleStyles.sheet, input: pty.slave,
                                                                                     output: pty.slave))
        } else {
            terminal = nil
            driver = try ConsoleDriver(mirror: mirror, terminal: MemoryTerminal(columns: Screen.columns, rows: Screen.rows))
        }
        try driver.press(.char("1"))
    }
}

enum Screen {
    static let columns = 120
    static let rows = 40
}

/// One shared bench per screen kind: building the console over a million members once.
nonisolated(unsafe) var memoryBench: KeystrokeBench?
nonisolated(unsafe) var ptyBench: KeystrokeBench?

func bench(onPty: Bool) throws -> KeystrokeBench {
    if onPty {
        if let ptyBench { return ptyBench }
        let made = try KeystrokeBench(onPty: true)
        ptyBench = made
        return made
    }
    if let memoryBench { return memoryBench }
    let made = try KeystrokeBench(onPty: false)
    memoryBench = made
    return made
}

func registerKeystrokeBenchmarks() {
    for onPty in [false, true] {
        for script in KeyScript.all {
            let screen = onPty ? "ncurses in a pty" : "in-memory screen"
            Benchmark("keystroke to frame: \(script.name), \(screen)",
                      configuration: .init(metrics: [.wallClock], timeUnits: .microseconds, warmupIterations: 20,
                                           maxDuration: .seconds(20), maxIterations: 2_000,
                                           setup: { try bench(onPty: onPty).reset() })) { benchmark in
                let bench = try bench(onPty: onPty)
                let step = script.next(bench.nextIndex(script.name))
                try bench.driver.press(step.before)
                benchmark.startMeasurement()
                try bench.driver.press(step.key)
            }
        }
    }
}
