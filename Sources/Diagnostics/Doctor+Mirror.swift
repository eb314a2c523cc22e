import Foundation
import Mirror
import RewardsClient
import RewardsContract

extension Doctor {
    /// - Parameter identified: who the platform said the key is, in this run.
    func mirrorChecks(identified: Me?) -> [DoctorCheck] {
        let rule = target.mirrorRule.map { " (\($0))" } ?? ""
        guard let path = target.mirrorPath else {
            guard let rule = target.mirrorRule else { return [] }
            return [DoctorCheck("mirror", .warn, "not created yet: \(rule)", fix: "run rewards-ops sync --once")]
        }
        guard FileManager.default.fileExists(atPath: path) else {
            return [DoctorCheck("mirror", .warn, "no mirror at \(path) yet\(rule)", fix: "run rewards-ops sync --once")]
        }
        do {
            let mirror = try MirrorStore(path: path)
            let report = try mirror.healthReport()
            var checks = [DoctorCheck("mirror", report.integrity == "ok" ? .ok : .fail,
                                      "\(path): integrity \(report.integrity)\(rule)",
                                      fix: report.integrity == "ok" ? nil : "move the file away and sync again")]
            checks.append(identityCheck(try mirror.binding(), identified: identified))
            if let last = report.lastSyncAt {
                let age = Int(max(0, min(now().timeIntervalSince(last), 1e9)))
                checks.append(DoctorCheck("freshness", age > 3600 ? .warn : .ok, "last synced \(age) s ago",
                                          fix: age > 3600 ? "run rewards-ops sync (or leave the console open)" : nil))
            } else {
                checks.append(DoctorCheck("freshness", .warn, "never synced", fix: "run rewards-ops sync --once"))
            }
            checks.append(outboxCheck(report, waiting: try mirror.pendingOutboxByKey()))
            if let error = report.lastError {
                checks.append(DoctorCheck("last error", .warn, error))
            }
            return checks
        } catch {
            return [DoctorCheck("mirror", .fail, "\(error)", fix: "move the file away and sync again")]
        }
    }

    /// Whose the mirror is, against the key's own club and environment when this run learnt them.
    func identityCheck(_ binding: MirrorBinding?, identified: Me?) -> DoctorCheck {
        guard let binding else {
            return DoctorCheck("mirror owner", .ok, "not bound yet: the first sync binds it to the key's club and environment")
        }
        let keyHost = target.credentials.flatMap { MirrorBinding.host(of: $0.baseURL) }
        if let keyId = target.credentials?.keyId, let path = target.mirrorPath, let mine = identified,
           mine.clubId != binding.clubId || mine.environment != binding.environment
            || (binding.host != nil && binding.host != keyHost) {
            let key = MirrorBinding(baseURL: target.credentials?.baseURL, clubId: mine.clubId, clubName: mine.clubName,
                                    environment: mine.environment)
            return DoctorCheck("mirror owner", .fail,
                               MirrorIdentityMismatch(mirrorPath: path, mirror: binding, keyId: keyId, key: key).description,
                               fix: "unset REWARDS_OPS_MIRROR, or run with --reset-mirror to start this file over")
        }
        return DoctorCheck("mirror owner", .ok, binding.summary)
    }

    func outboxCheck(_ report: MirrorHealth, waiting: [String?: Int]) -> DoctorCheck {
        var detail = "\(report.outboxPending) decisions waiting, \(report.outboxFailed) failed"
        let keyId = target.credentials?.keyId
        let others = waiting.filter { $0.key != keyId }.values.reduce(0, +)
        if others > 0 {
            let keys = waiting.keys.filter { $0 != keyId }.map { $0 ?? "no key" }.sorted().joined(separator: ", ")
            detail += "; \(others) of them only key \(keys) may send"
        }
        return DoctorCheck("outbox", report.outboxPending > 0 ? .warn : .ok, detail,
                           fix: others > 0 ? "run rewards-ops sync --once with that key to send them"
                               : report.outboxPending > 0 ? "they go out when the platform is reachable" : nil)
    }
}
