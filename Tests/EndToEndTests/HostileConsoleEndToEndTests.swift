import Foundation
import TestSupport
import Testing

/// `rewards-ops console` in tmux against a server that breaks the contract (issue #16): its
/// strings try to retitle the pane, clear the screen and fill the clipboard, its 429s ask for a
/// wait of 1e300 seconds. The console shows the inert text, keeps running and quits cleanly.
@Suite("rewards-ops console against a hostile server", .serialized, .timeLimit(.minutes(2)))
struct HostileConsoleEndToEndTests {
    /// One console in its own tmux server (socket in a temp directory, no user config).
    final class Pane {
        let directory: URL
        let name = "rops-hostile-\(UUID().uuidString.prefix(8).lowercased())"
        let tmux: String

        init(server: HostileServer) throws {
            tmux = try TmuxConsole.tmuxPath()
            directory = FileManager.default.temporaryDirectory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let settings = ["REWARDS_OPS_BASE_URL=\(server.baseURL)", "REWARDS_OPS_KEY_ID=mr_test_hostilehostilehostilehost",
                            "REWARDS_OPS_KEY_SECRET=hostile-secret",
                            "REWARDS_OPS_MIRROR=\(directory.appendingPathComponent("mirror.sqlite").path)",
                            "XDG_CONFIG_HOME=\(directory.path)/config", "XDG_DATA_HOME=\(directory.path)/data",
                            "LANG=C.UTF-8", "LC_ALL=C.UTF-8"]
            let command = [try TmuxConsole.binaryPath(), "console"].map(TmuxConsole.shellQuote).joined(separator: " ")
                + "; echo EXITED=$?; sleep 60"
            let result = try runProcess(tmux, arguments(["new-session", "-d", "-s", name, "-x", "120", "-y", "30"]
                                                        + settings.flatMap { ["-e", $0] } + [command]),
                                        environment: Self.environment)
            guard result.status == 0 else { throw EndToEndFailure("tmux new-session failed: \(result.output)") }
        }

        func close() {
            _ = try? runProcess(tmux, arguments(["kill-server"]), environment: Self.environment)
            try? FileManager.default.removeItem(at: directory)
        }

        @discardableResult
        func ask(_ command: [String]) -> String {
            (try? runProcess(tmux, arguments(command), environment: Self.environment))?.output ?? ""
        }

        var screen: String { ask(["capture-pane", "-p", "-t", name]) }
        var title: String { ask(["display-message", "-p", "-t", name, "#{pane_title}"]) }
        var pasteBuffers: String { ask(["list-buffers"]) }

        func waitFor(_ what: String, timeout: Double = 30, _ predicate: (String) -> Bool) async throws -> String {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                let text = screen
                if predicate(text) { return text }
                try await Task.sleep(for: .milliseconds(100))
            }
            throw EndToEndFailure("timed out waiting for \(what); last screen:\n\(screen)")
        }

        private func arguments(_ rest: [String]) -> [String] {
            ["-u", "-S", directory.appendingPathComponent("tmux.sock").path, "-f", "/dev/null"] + rest
        }

        private static var environment: [String: String] {
            var environment = ProcessInfo.processInfo.environment
            environment.removeValue(forKey: "TMUX")
            environment["LANG"] = "C.UTF-8"
            if (environment["TERM"] ?? "").isEmpty || environment["TERM"] == "dumb" { environment["TERM"] = "xterm-256color" }
            return environment
        }
    }

    @Test("Hostile strings reach the screen inert: no title, no clear, no clipboard, and q still quits")
    func hostileStringsAreInertOnTheScreen() async throws {
        let server = try await HostileServer.start(HostilePlatform(.escapes).respond)
        defer { Task { await server.stop() } }
        let pane = try Pane(server: server)
        defer { pane.close() }
        let screen = try await pane.waitFor("the club's name in the status line") { $0.contains("Evil") && $0.contains("● live") }
        #expect(screen.contains("EvilCl"), "the bidi override is gone, the text is there (cut to fit)")
        for payload in ["pwned", "]0;", "]52;", "cm0gLXJmIH4"] {
            #expect(!screen.contains(payload), "\(payload) on screen:\n\(screen)")
        }
        #expect(!pane.title.contains("pwned"), "the pane was retitled: \(pane.title)")
        #expect(pane.pasteBuffers.isEmpty, "the clipboard was written: \(pane.pasteBuffers)")
        pane.ask(["send-keys", "-t", pane.name, "q"])
        let end = try await pane.waitFor("the console to exit") { $0.contains("EXITED=") }
        #expect(end.contains("EXITED=0"), "\(end)")
    }

    @Test("A Retry-After of 1e300 neither crashes the console nor prints over it")
    func anAbsurdRetryAfterLeavesTheConsoleRunning() async throws {
        let server = try await HostileServer.start(HostilePlatform(.retryAfterHuge).respond)
        defer { Task { await server.stop() } }
        let pane = try Pane(server: server)
        defer { pane.close() }
        let screen = try await pane.waitFor("the console to show the platform's refusal") { $0.contains("rate_limited") }
        try await Task.sleep(for: .seconds(3))
        let later = pane.screen
        for crash in ["crashed", "Fatal error", "Backtrac", "EXITED="] {
            #expect(!screen.contains(crash) && !later.contains(crash), "\(crash):\n\(later)")
        }
        #expect(server.requests.count < 40, "backed off, not hammering: \(server.requests.count) requests")
        pane.ask(["send-keys", "-t", pane.name, "q"])
        let end = try await pane.waitFor("the console to exit") { $0.contains("EXITED=") }
        #expect(end.contains("EXITED=0"), "\(end)")
    }
}
