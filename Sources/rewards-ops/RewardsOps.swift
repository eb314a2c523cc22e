import ArgumentParser
import Foundation
import InertText

/// The executable: wiring only. Every subcommand builds the layers and hands over.
///
/// The root command is synchronous on purpose: the console's UI loop owns the main thread,
/// and async work (HTTP, sync, the sandbox) runs on the concurrency pool beside it.
@main
struct RewardsOps: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rewards-ops",
        abstract: "A terminal ops console for the More Rewards loyalty platform.",
        discussion: """
            Connection settings come from the environment, never from the command line:
              REWARDS_OPS_BASE_URL     the platform, e.g. https://api.example.com
              REWARDS_OPS_KEY_ID       the key id (mr_test_… or mr_live_…)
              REWARDS_OPS_KEY_SECRET   the key's secret
              REWARDS_OPS_MIRROR       the mirror file (default: one per platform host, club and environment,
                                       $XDG_DATA_HOME/rewards-ops/<host>-<club>-<env>.sqlite)
            --profile, --log-file and --log-level may come before or after the subcommand.
            `rewards-ops demo` needs none of them: it runs the console on a built-in sandbox.
            """,
        subcommands: [ConsoleCommand.self, SyncCommand.self, ExportCommand.self, AuditCommand.self, DoctorCommand.self, SandboxCommand.self,
                      DemoCommand.self,
                      ReviewsCommand.self,
                      RedemptionsCommand.self,
                      ErrorsCommand.self,
                      MemberCommand.self,
                      ApproveCommand.self,
                      EscalateCommand.self],
        defaultSubcommand: ConsoleCommand.self
    )

    /// Parses (global options anywhere), runs, and reports a failure with its text made inert:
    /// an error may quote the server (a club's name, a message), and it goes to a terminal.
    /// Exit statuses are the README's: 0 ok, 1 refused or failed, 2 usage (ArgumentParser's own
    /// default is 64, EX_USAGE; scripts conventionally test for 2), 3 not found; a
    /// `HeadlessExit` prints its message alone and exits with its status.
    static func main() {
        let names = Set(configuration.subcommands.compactMap { $0.configuration.commandName })
        let arguments = GlobalOptions.reordered(Array(CommandLine.arguments.dropFirst()), subcommands: names)
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let exit as HeadlessExit {
            if !exit.message.isEmpty { Output.note(exit.message) }
            Foundation.exit(exit.status)
        } catch {
            let code = exitCode(for: error)
            // Help and version are ours, not the server's: ArgumentParser prints them.
            guard code != .success else { exit(withError: error) }
            let message = fullMessage(for: error)
            if !message.isEmpty {
                FileHandle.standardError.write(Data((Inert.lines(message) + "\n").utf8))
            }
            Foundation.exit(code == .validationFailure ? ExitStatus.usage : code.rawValue)
        }
    }
}
