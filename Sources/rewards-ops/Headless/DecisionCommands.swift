import ArgumentParser
import RewardsContract

/// What `approve` and `escalate` share besides the id and the note.
struct DecisionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("On a LIVE platform: the id's last six characters, to confirm the decision.", valueName: "short-id"))
    var confirm: String?
    @Option(help: "Seconds to wait for the platform's answer (1–600).") var wait: Double = 30
    @Flag(help: "The outcome as one JSON document: {\"result\": \"applied\"|\"unchanged\"|\"refused\"|\"pending\"|\"not_found\", …, \"object\": the review or redemption}.")
    var json = false

    func validate() throws {
        guard wait >= 1 && wait <= 600 else { throw ValidationError("--wait must be 1–600 seconds") }
    }
}

/// What a decision is taken on, from its id's prefix.
enum DecisionTarget {
    static func subject(of id: String) -> ActionSubject? {
        if id.hasPrefix("rev_") && id.count > 4 { return .review }
        if id.hasPrefix("red_") && id.count > 4 { return .redemption }
        return nil
    }

    static func validate(id: String, note: String?, noteRequired: Bool) throws {
        guard subject(of: id) != nil, id.count <= 255, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
            throw ValidationError("\(OutputText.inert(id)) is not a review (rev_…) or redemption (red_…) id")
        }
        let trimmed = note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if noteRequired && trimmed.isEmpty { throw ValidationError("An escalation needs a note: --note TEXT") }
        if let note, note.count > 2000 { throw ValidationError("--note is longer than 2,000 characters") }
    }
}

struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a review (rev_…) or redemption (red_…) and wait for the platform's answer.",
        discussion: HeadlessHelp.decisions)

    @Argument(help: "The review or redemption id.") var id: String
    @Option(help: "A note kept with the decision (up to 2,000 characters; without one the review keeps its note).")
    var note: String?
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var freshness: FreshnessOptions
    @OptionGroup var connection: ProfileOption

    func validate() throws { try DecisionTarget.validate(id: id, note: note, noteRequired: false) }

    func run() throws {
        let trimmed = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        try HeadlessDecision(verb: .approve, objectId: id, note: trimmed?.isEmpty == false ? trimmed : nil, options: decision)
            .run(connection, freshness)
    }
}

struct EscalateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalate",
        abstract: "Escalate a review (rev_…) or redemption (red_…) with a note, and wait for the platform's answer.",
        discussion: HeadlessHelp.decisions)

    @Argument(help: "The review or redemption id.") var id: String
    @Option(help: "Why it is escalated (required, up to 2,000 characters).") var note: String
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var freshness: FreshnessOptions
    @OptionGroup var connection: ProfileOption

    func validate() throws { try DecisionTarget.validate(id: id, note: note, noteRequired: true) }

    func run() throws {
        try HeadlessDecision(verb: .escalate, objectId: id, note: note.trimmingCharacters(in: .whitespacesAndNewlines),
                             options: decision).run(connection, freshness)
    }
}
