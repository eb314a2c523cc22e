import Foundation

/// One iteration's figures, and the paragraph that states them.
struct BootstrapFigures: Sendable {
    var members: Int
    var otherRows: [String: Int]
    var sandboxStartupSeconds: Double
    var syncSeconds: Double
    var syncPeakBytes: Int?
    var shellSeconds: Double
    var scriptSeconds: Double
    var indexSeconds: Double
    var logIndexSeconds: Double

    var membersPerSecond: Double { Double(members) / syncSeconds }
    var shellMembersPerSecond: Double { Double(members) / shellSeconds }
    var scriptMembersPerSecond: Double { Double(members) / scriptSeconds }
    var indexMembersPerSecond: Double { Double(members) / indexSeconds }
    var logIndexLogsPerSecond: Double { Double(otherRows["request_log"] ?? 0) / logIndexSeconds }
    var shellRatio: Double { shellSeconds / syncSeconds }
    var scriptRatio: Double { scriptSeconds / syncSeconds }

    static let shellGoal = 0.3
    static let scriptGoal = 1.5
    static let memoryGoalBytes = 60_000_000

    var summary: String {
        let others = ["redemption", "review", "request_log"]
            .map { "\(grouped(otherRows[$0] ?? 0)) \($0.replacingOccurrences(of: "_", with: " "))s" }
            .joined(separator: ", ")
        let memory = syncPeakBytes.map { "\(grouped($0 >> 20)) MiB (goal < 60 MB: \($0 < Self.memoryGoalBytes ? "met" : "MISSED"))" }
            ?? "n/a"
        return """
            rewards-ops sync --once of \(grouped(members)) members (and \(others)) from the sandbox over loopback \
            HTTP into an empty mirror: \(fixed(syncSeconds, 2)) s until it returned, \
            \(grouped(Int(membersPerSecond.rounded()))) members/s; its peak RSS \(memory). \
            Same run: the sqlite3 shell's plain insert of \(grouped(members)) member-shaped rows \
            \(fixed(shellSeconds, 2)) s, \(grouped(Int(shellMembersPerSecond.rounded()))) rows/s, ratio \
            \(fixed(shellRatio, 3)) (goal ≥ \(Self.shellGoal): \(shellRatio >= Self.shellGoal ? "met" : "MISSED")); \
            the Python script paging the four lists \(fixed(scriptSeconds, 2)) s, \
            \(grouped(Int(scriptMembersPerSecond.rounded()))) members/s, ratio \(fixed(scriptRatio, 3)) \
            (goal ≥ \(Self.scriptGoal): \(scriptRatio >= Self.scriptGoal ? "met" : "MISSED")). \
            The members' search index built afterwards in \(fixed(indexSeconds, 2)) s, \
            \(grouped(Int(indexMembersPerSecond.rounded()))) members/s; the request logs' in \
            \(fixed(logIndexSeconds, 2)) s, \(grouped(Int(logIndexLogsPerSecond.rounded()))) logs/s. \
            The sandbox generated its members in \
            \(fixed(sandboxStartupSeconds, 1)) s (not measured).
            """
    }
}

private func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (offset, character) in digits.enumerated() {
        if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
        result.append(character)
    }
    return (value < 0 ? "-" : "") + result
}

private func fixed(_ value: Double, _ places: Int) -> String { String(format: "%.\(places)f", value) }
