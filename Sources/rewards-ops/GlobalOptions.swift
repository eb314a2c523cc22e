/// Options that mean the same to every subcommand, accepted before the subcommand's name as
/// well as after it: `rewards-ops --log-file F sync --once` is `rewards-ops sync --once
/// --log-file F`. ArgumentParser reads a subcommand's options only after its name, so the
/// arguments are put in that order before parsing.
enum GlobalOptions {
    /// Options that take a value, and flags.
    static let valued: Set<String> = ["--profile", "--log-file", "--log-level"]
    static let flags: Set<String> = ["--reset-mirror"]

    static func reordered(_ arguments: [String], subcommands: Set<String>) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
            if valued.contains(argument), index + 1 < arguments.count {
                leading += [argument, arguments[index + 1]]
                index += 2
            } else if (valued.contains(name) && argument.contains("=")) || flags.contains(argument) {
                leading.append(argument)
                index += 1
            } else {
                break
            }
        }
        // Only global options before a subcommand's name move; anything else stays where it
        // was, for ArgumentParser to accept or explain.
        guard !leading.isEmpty, index < arguments.count, subcommands.contains(arguments[index]) else { return arguments }
        return [arguments[index]] + leading + arguments[(index + 1)...]
    }
}
