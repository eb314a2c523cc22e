import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure of the end-to-end harness itself (binary missing, tmux refusing, a deadline passed).
struct EndToEndFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs a program to completion and returns its exit status and its output (stdout and stderr merged).
///
/// Not `Foundation.Process`: tmux forks a server that outlives the client, and the server (and
/// the console under it) must not inherit the test runner's blocked signals, ignored signals or
/// open descriptors. Foundation's `Process` passes all three on, which left `tmux kill-server`
/// without effect (SIGTERM blocked) and a pipe that never reached EOF. So: `posix_spawn` with an
/// empty signal mask, default dispositions, descriptors above 2 closed, output to a file.
@discardableResult
func runProcess(_ executable: String, _ arguments: [String], environment: [String: String])
    throws -> (status: Int32, output: String)
{
    let outputPath = FileManager.default.temporaryDirectory
        .appendingPathComponent("rops-e2e-output-\(UUID().uuidString)").path
    defer { unlink(outputPath) }

    #if os(Linux)
    var actions = posix_spawn_file_actions_t()
    var attributes = posix_spawnattr_t()
    #else
    var actions: posix_spawn_file_actions_t?
    var attributes: posix_spawnattr_t?
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }

    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    #if os(Linux)
    closeDescriptorsFrom3(&actions)
    let flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
    #else
    let flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_CLOEXEC_DEFAULT)
    #endif
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var everySignal = sigset_t()
    sigemptyset(&everySignal)
    for number in Int32(1)..<32 where number != SIGKILL && number != SIGSTOP { sigaddset(&everySignal, number) }
    posix_spawnattr_setsigdefault(&attributes, &everySignal)
    posix_spawnattr_setflags(&attributes, Int16(truncatingIfNeeded: flags))

    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }

    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard spawned == 0 else {
        throw EndToEndFailure("cannot start \(executable): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 {
        guard errno == EINTR else { throw EndToEndFailure("waitpid(\(executable)) failed: errno \(errno)") }
    }
    let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    // WIFEXITED / WEXITSTATUS are macros: decode by hand.
    let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (exitStatus, output)
}

#if os(Linux)
/// `posix_spawn_file_actions_addclosefrom_np(actions, 3)` (glibc 2.34+), looked up at run time
/// because the Glibc module does not import it. Without it the child keeps the runner's descriptors.
private func closeDescriptorsFrom3(_ actions: inout posix_spawn_file_actions_t) {
    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np") else { return }
    _ = unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, 3)
}
#endif

/// `rewards-ops demo` running inside its own detached tmux server, driven like a user would.
///
/// Each instance has its own tmux server (socket `-S <temp dir>/tmux.sock`), session, temp directory (which also serves as
/// the demo's TMPDIR, so its throwaway mirror is removed with it) and `--sandbox-info` file.
/// Call `close()` in a `defer`: it quits the console if it still runs and kills the tmux server.
final class TmuxConsole: @unchecked Sendable {
    static let columns = 140
    static let rows = 40

    let name: String
    let directory: URL
    let infoPath: String
    private let tmux: String
    private let lock = NSLock()
    private var closed = false
    private(set) var lastScreen = ""

    // MARK: Locating things

    /// `<package root>` derived from this file's path: `<root>/Tests/EndToEndTests/TmuxConsole.swift`.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// `$REWARDS_OPS_BINARY`, else `<package root>/.build/debug/rewards-ops`.
    static func binaryPath() throws -> String {
        let fromEnvironment = ProcessInfo.processInfo.environment["REWARDS_OPS_BINARY"].flatMap { $0.isEmpty ? nil : $0 }
        let path = fromEnvironment ?? packageRoot.appendingPathComponent(".build/debug/rewards-ops").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            let origin = fromEnvironment != nil ? "REWARDS_OPS_BINARY" : "the default location"
            throw EndToEndFailure("""
                rewards-ops binary not found at \(path) (\(origin)). Run `swift build` first \
                (the Makefile's test target does), or point REWARDS_OPS_BINARY at a built binary.
                """)
        }
        return path
    }

    static func tmuxPath() throws -> String {
        for candidate in ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux", "/bin/tmux"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        throw EndToEndFailure("tmux not found: the end-to-end tests drive the console through tmux; install it")
    }

    static func shellQuote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    // MARK: Lifecycle

    /// Starts `rewards-ops demo --members N --seed S --activity 0 --sandbox-info <tmp>/sandbox.json`.
    /// The pane's command ends with `echo EXITED=$?` so a test can see the process end.
    convenience init(members: Int = 300, seed: UInt64 = 1, extraArguments: [String] = []) throws {
        try self.init(arguments: { infoPath in
            ["demo", "--members", String(members), "--seed", String(seed), "--activity", "0",
             "--sandbox-info", infoPath] + extraArguments
        }, environment: [:])
    }

    /// Starts the binary with `arguments(infoPath)` and `environment` added to the pane's. The
    /// environment goes through a 0700 script in the temp directory, never through argv (a
    /// secret in argv is visible to every user of the machine).
    init(arguments: (String) -> [String], environment: [String: String]) throws {
        let binary = try Self.binaryPath()
        tmux = try Self.tmuxPath()
        let token = UUID().uuidString.prefix(8).lowercased()
        name = "rops-e2e-\(ProcessInfo.processInfo.processIdentifier)-\(token)"
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        infoPath = directory.appendingPathComponent("sandbox.json").path

        let exports = environment.sorted { $0.key < $1.key }.map { "export \($0.key)=\(Self.shellQuote($0.value))" }
        // Ctrl-C (cbreak keeps ISIG) signals the whole foreground group: the shell must outlive
        // it to print EXITED, so it traps INT with a handler (reset at exec, so the program
        // still gets the default and installs its own).
        let script = (["#!/bin/sh", "trap true INT"] + exports + [([binary] + arguments(infoPath)).map(Self.shellQuote).joined(separator: " ")
            + "; echo EXITED=$?; sleep 60"]).joined(separator: "\n") + "\n"
        let scriptPath = directory.appendingPathComponent("run.sh").path
        guard FileManager.default.createFile(atPath: scriptPath, contents: Data(script.utf8),
                                             attributes: [.posixPermissions: 0o700]) else {
            throw EndToEndFailure("cannot write \(scriptPath)")
        }
        let command = "sh " + Self.shellQuote(scriptPath)
        let result = try runProcess(tmux, tmuxArguments([
            "new-session", "-d", "-s", name, "-x", String(Self.columns), "-y", String(Self.rows),
            "-e", "LANG=C.UTF-8", "-e", "LC_ALL=C.UTF-8", "-e", "TMPDIR=\(directory.path)",
            command,
        ]), environment: Self.tmuxEnvironment)
        guard result.status == 0 else {
            try? FileManager.default.removeItem(at: directory)
            throw EndToEndFailure("tmux new-session failed (\(result.status)): \(result.output)")
        }
    }

    deinit { close() }

    /// Quits the console if it still runs (Esc closes any dialog, then `q`), then kills the tmux
    /// server and removes the temp directory. Safe to call more than once.
    func close() {
        lock.lock()
        if closed { lock.unlock(); return }
        closed = true
        lock.unlock()
        if isAlive, !screen().contains("EXITED=") {
            send("Escape"); Thread.sleep(forTimeInterval: 0.1)
            send("Escape"); Thread.sleep(forTimeInterval: 0.1)
            send("q")
            let deadline = Date().addingTimeInterval(3)
            while Date() < deadline, isAlive, !screen().contains("EXITED=") {
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        _ = try? runProcess(tmux, tmuxArguments(["kill-server"]), environment: Self.tmuxEnvironment)
        try? FileManager.default.removeItem(at: directory)
    }

    /// The terminal goes away: the tmux server is killed, so the program under it gets SIGHUP.
    func hangUp() {
        _ = try? runProcess(tmux, tmuxArguments(["kill-server"]), environment: Self.tmuxEnvironment)
    }

    var isAlive: Bool {
        ((try? runProcess(tmux, tmuxArguments(["has-session", "-t", name]), environment: Self.tmuxEnvironment))?
            .status ?? 1) == 0
    }

    // MARK: Screen and keys

    /// The visible pane as plain text, one line per row (trailing blanks trimmed by tmux).
    @discardableResult
    func screen() -> String {
        guard let result = try? runProcess(tmux, tmuxArguments(["capture-pane", "-p", "-t", name]),
                                           environment: Self.tmuxEnvironment),
              result.status == 0 else { return lastScreen }
        lastScreen = result.output
        return result.output
    }

    var lines: [String] { screen().components(separatedBy: "\n") }

    /// Sends tmux key names (`a`, `Enter`, `Tab`, `Escape`, `G`…), one at a time with a tiny gap.
    func send(_ keys: String...) {
        for key in keys {
            _ = try? runProcess(tmux, tmuxArguments(["send-keys", "-t", name, key]), environment: Self.tmuxEnvironment)
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Types text literally (`send-keys -l`).
    func type(_ text: String) {
        _ = try? runProcess(tmux, tmuxArguments(["send-keys", "-t", name, "-l", text]), environment: Self.tmuxEnvironment)
        Thread.sleep(forTimeInterval: 0.05)
    }

    /// Polls the screen every 100 ms until `predicate` holds; on timeout records an issue with
    /// the last screen and throws.
    @discardableResult
    func waitFor(_ what: String, timeout: Duration = .seconds(20),
                 sourceLocation: SourceLocation = #_sourceLocation,
                 _ predicate: (String) -> Bool) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            let text = screen()
            if predicate(text) { return text }
            if clock.now >= deadline { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let message = "Timed out after \(timeout) waiting for \(what). Last screen:\n\(framed(lastScreen))"
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        throw EndToEndFailure("timed out waiting for \(what)")
    }

    /// Waits until every one of `texts` is on screen.
    @discardableResult
    func waitFor(text texts: String..., timeout: Duration = .seconds(20),
                 sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let label = texts.map { "\"\($0)\"" }.joined(separator: ", ")
        return try await waitFor(label, timeout: timeout, sourceLocation: sourceLocation) { screen in
            texts.allSatisfy { screen.contains($0) }
        }
    }

    /// Waits until the console is up: tab bar, the TEST badge, a first full sync (`● live`).
    @discardableResult
    func waitUntilLive(timeout: Duration = .seconds(45), sourceLocation: SourceLocation = #_sourceLocation)
        async throws -> String
    {
        try await waitFor("the console to be live", timeout: timeout, sourceLocation: sourceLocation) { screen in
            screen.contains("rewards-ops") && screen.contains("Review queue") && screen.contains("● live")
        }
    }

    /// Presses `q` and waits for the pane's shell to report the process's exit status.
    func quit(sourceLocation: SourceLocation = #_sourceLocation) async throws -> Int32? {
        send("q")
        let text = try await waitFor("the process to exit (EXITED=…)", timeout: .seconds(20),
                                     sourceLocation: sourceLocation) { $0.contains("EXITED=") }
        guard let range = text.range(of: #"EXITED=(\d+)"#, options: .regularExpression) else { return nil }
        return Int32(text[range].dropFirst("EXITED=".count))
    }

    func framed(_ text: String) -> String {
        let border = String(repeating: "─", count: Self.columns)
        return "┌\(border)\n" + text.components(separatedBy: "\n").map { "│" + $0 }.joined(separator: "\n") + "\n└\(border)"
    }

    // MARK: tmux plumbing

    /// A private server per console: its socket lives in the temp directory, no user config.
    private func tmuxArguments(_ arguments: [String]) -> [String] {
        ["-u", "-S", directory.appendingPathComponent("tmux.sock").path, "-f", "/dev/null"] + arguments
    }

    /// The test's environment without TMUX (so nesting checks never trigger), in a UTF-8 locale.
    private static var tmuxEnvironment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "TMUX")
        environment.removeValue(forKey: "TMUX_PANE")
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        if environment["TERM"].map({ $0.isEmpty || $0 == "dumb" }) ?? true { environment["TERM"] = "xterm-256color" }
        return environment
    }
}
