import Foundation

/// The real `rewards-ops console`, started in a pty of its own, for the figures only a whole
/// process gives: cold start, resident memory, the first rows from an empty mirror. Without a
/// `platform` its platform address refuses connections, so the console runs offline on the
/// mirror it is given, as on a laptop without network.
public final class ConsoleProcess {
    public let pid: pid_t
    public let terminal: PseudoTerminal
    public let started: ContinuousClock.Instant

    public init(binary: String, mirror: String, platform: SandboxProcess? = nil, columns: Int = 120, rows: Int = 40) throws {
        let terminal = try PseudoTerminal(columns: columns, rows: rows, capture: true)
        let home = NSTemporaryDirectory() + "rewards-ops-bench-home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let environment = [
            "TERM=xterm-256color", "LANG=C.UTF-8", "HOME=\(home)", "XDG_CONFIG_HOME=\(home)/config",
            "XDG_DATA_HOME=\(home)/data", "REWARDS_OPS_BASE_URL=\(platform?.baseURL ?? "http://127.0.0.1:9")",
            "REWARDS_OPS_KEY_ID=\(platform?.keyId ?? "mr_test_benchmarkbenchmarkbench")",
            "REWARDS_OPS_KEY_SECRET=\(platform?.secret ?? "benchmark-secret-not-real")",
            "REWARDS_OPS_MIRROR=\(mirror)",
        ]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for target in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
            posix_spawn_file_actions_adddup2(&actions, terminal.slave, target)
        }
        posix_spawn_file_actions_addclose(&actions, terminal.master)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        let arguments = [binary, "console"]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        started = ContinuousClock.now
        let status = posix_spawn(&child, binary, &actions, &attributes, &argv, &envp)
        guard status == 0 else {
            terminal.close()
            throw BenchmarkSetupError("cannot start \(binary): \(String(cString: strerror(status)))")
        }
        pid = child
        self.terminal = terminal
    }

    /// Waits until the screen output contains `text`; the time since the start, or nil on timeout.
    public func waitFor(_ text: String, timeoutSeconds: Double = 30) -> Duration? {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeoutSeconds * 1000))
        var seen = -1
        while ContinuousClock.now < deadline {
            let received = terminal.bytesReceived
            if received != seen {
                seen = received
                if terminal.capturedText.contains(text) { return ContinuousClock.now - started }
            }
            usleep(100)
        }
        return nil
    }

    public func type(_ text: String) { terminal.type(text) }

    /// Ends the console with `q` (a clean exit), or kills it after two seconds.
    public func quit() {
        terminal.type("q")
        var status: Int32 = 0
        for _ in 0..<200 {
            if waitpid(pid, &status, WNOHANG) == pid { terminal.close(); return }
            usleep(10_000)
        }
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        terminal.close()
    }
}
