import Foundation

/// One iteration's figures, and the paragraph that states them.
struct BootstrapFigures: Sendable {
    var members: Int
    var otherRows: [String: Int]
    var sandboxStartupSeconds: Double
    var sandboxPeakBytes: Int?
    var syncSeconds: Double
    var residentBeforeBytes: Int?
    var syncPeakBytes: Int?
    var shellSeconds: Double
    var plainShellSeconds: Double

    var membersPerSecond: Double { Double(members) / syncSeconds }
    var shellMembersPerSecond: Double { Double(members) / shellSeconds }
    var plainShellMembersPerSecond: Double { Double(members) / plainShellSeconds }
    var ratio: Double { shellSeconds / syncSeconds }

    static let goal = 0.3

    var summary: String {
        let others = ["redemptions", "reviews", "request_logs"]
            .map { "\(grouped(otherRows[$0] ?? 0)) \($0.replacingOccurrences(of: "_", with: " "))" }
            .joined(separator: ", ")
        return """
            Bootstrap sync of \(grouped(members)) members (and \(others)) from the sandbox over loopback HTTP, \
            by the real SyncEngine into a fresh mirror: \(fixed(syncSeconds, 2)) s for all four lists, \
            \(grouped(Int(membersPerSecond.rounded()))) members/s; peak RSS of the syncing process \
            \(mebibytes(syncPeakBytes)) (VmHWM, reset before the sync; \(mebibytes(residentBeforeBytes)) resident \
            before it). The sandbox ran in a child process (members generated in \(fixed(sandboxStartupSeconds, 1)) s, \
            its own peak RSS \(mebibytes(sandboxPeakBytes)), not counted above). The sqlite3 shell loaded the same rows \
            into a fresh database with the mirror's schema (indexes, FTS5 trigram index and its triggers) in one \
            transaction with the mirror's PRAGMAs in \(fixed(shellSeconds, 2)) s, \
            \(grouped(Int(shellMembersPerSecond.rounded()))) members/s; sync/shell ratio \(fixed(ratio, 3)) \
            (goal ≥ \(Self.goal): \(ratio >= Self.goal ? "met" : "MISSED")). Into plain tables (no key, index or \
            trigger) the shell took \(fixed(plainShellSeconds, 2)) s, \
            \(grouped(Int(plainShellMembersPerSecond.rounded()))) members/s.
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

private func mebibytes(_ bytes: Int?) -> String {
    bytes.map { "\(grouped($0 >> 20)) MiB" } ?? "n/a"
}
