import Foundation
import Mirror
import Synchronization
import Terminal
import Testing
@testable import Console

/// Sessions for the runtime and session-loop tests: parts on a temporary mirror (no
/// platform), and a profile opener that records what it was asked.
enum SessionFixtures {
    /// A palette that tells profiles apart in `MemoryTerminal.appliedPalettes`.
    static func palette(_ mark: UInt8) -> TerminalPalette {
        TerminalPalette(ConsoleStyles.sheet) { _ in RoleStyle(foreground: RGBColor(red: mark, green: mark, blue: mark)) }
    }

    /// A fresh mirror in the temporary directory; `cleanUp` removes its files.
    static func parts(profile: String?, mark: UInt8 = 1) throws -> SessionParts {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rwops-session-\(UUID().uuidString).sqlite").path
        return SessionParts(mirror: try MirrorStore(path: path), engine: nil, environmentHint: .test, profileName: profile,
                            palette: palette(mark), profileChoices: ProfileCommandTests.choices)
    }

    static func cleanUp(_ parts: SessionParts) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: parts.mirrorPath + suffix) }
    }

    /// Opens the profiles it knows, refuses the others with `refusal`.
    final class Opener: ProfileOpener {
        let ready: [String: SessionParts]
        let refusal: String
        private let askedNames = Mutex<[String]>([])

        init(ready: [String: SessionParts] = [:], refusal: String = "no such profile") {
            self.ready = ready
            self.refusal = refusal
        }

        var asked: [String] { askedNames.withLock { $0 } }

        func open(profile name: String, running: SessionParts) throws -> SessionParts {
            askedNames.withLock { $0.append(name) }
            guard let parts = ready[name] else { throw Refusal(description: refusal) }
            return parts
        }
    }

    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }
}

extension ConsoleRuntime {
    /// Runs the UI loop's steps until `condition` holds, at most `seconds`; false if it never did.
    /// It sleeps between steps rather than blocking: the effects need the concurrency pool's
    /// threads, and a test runs on one of them.
    func step(untilSeconds seconds: Double = 60, _ condition: (AppState) -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition(state) {
            guard Date() < deadline else { return false }
            try? await Task.sleep(nanoseconds: 5_000_000)
            step()
        }
        return true
    }

    /// Types `:line` and Enter.
    func type(_ line: String) {
        dispatch(.key(.char(":")))
        for character in line { dispatch(.key(.char(character))) }
        dispatch(.key(.enter))
    }
}
