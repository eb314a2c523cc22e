import ArgumentParser

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
              REWARDS_OPS_MIRROR       the mirror file (default: $XDG_DATA_HOME/rewards-ops/default.sqlite)
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
}
