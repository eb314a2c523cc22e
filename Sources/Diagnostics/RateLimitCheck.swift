import Foundation
import Mirror
import RewardsClient
import RewardsContract

/// doctor's rate-limit line. The contract advertises no budget (§9: only 429 `rate_limited`
/// with `Retry-After`), so headroom is read from what evidence there is: rate-limit headers
/// if the server (or a gateway before it) sends them, and the 429s this profile's own calls
/// met in the last hour, from the mirror's local error log.
enum RateLimitCheck {
    static let name = "rate limit"
    /// Below this share of the limit left, the line warns.
    static let lowShare = 0.1
    static let sharedKeyFix = "another client shares this key, or lower the pace; the console waits for Retry-After"

    /// - Parameters:
    ///   - advertised: the headers of doctor's own call, when the server sends them.
    ///   - recentlyLimited: this profile's 429s in the last hour (0 without a mirror).
    ///   - refusedNow: doctor's own call was answered 429.
    static func evaluate(advertised: RateLimitHeadroom?, recentlyLimited: Int, refusedNow: Bool = false) -> DoctorCheck {
        var facts: [String] = []
        var fixes: [String] = []
        if refusedNow { facts.append("this check's own call was refused with 429 rate_limited") }
        if let advertised {
            let percent = Int((advertised.fraction * 100).rounded())
            facts.append("\(advertised.remaining) of \(advertised.limit) requests left (\(percent)%, "
                         + "\(advertised.source)-* headers)")
            if advertised.fraction < lowShare {
                fixes.append("close to the limit: past it every call waits for Retry-After")
            }
        } else if !refusedNow {
            facts.append("the server advertises no headroom")
        }
        if recentlyLimited > 0 {
            let times = recentlyLimited == 1 ? "once" : "\(recentlyLimited) times"
            facts.append("429 rate_limited \(times) on this profile's calls in the last hour")
        } else {
            facts.append("no 429 in the last hour")
        }
        if refusedNow || recentlyLimited > 0 { fixes.append(sharedKeyFix) }
        return DoctorCheck(name, fixes.isEmpty ? .ok : .warn, facts.joined(separator: "; "),
                           fix: fixes.isEmpty ? nil : fixes.joined(separator: "; "))
    }

    /// The 429s recorded in a mirror's local error log in the hour before `now`: the last
    /// hourly bucket of the Error log's summary query, which reads only its index.
    static func recentlyLimited(mirrorPath: String?, now: Date) -> Int {
        guard let mirrorPath, FileManager.default.fileExists(atPath: mirrorPath),
              let mirror = try? MirrorStore(path: mirrorPath),
              let summary = try? mirror.errorGroups(ErrorLogFilter(source: .console, code: ErrorCode.rateLimited.rawValue),
                                                    now: now, limit: 1) else { return 0 }
        return summary.groups.first?.hourly.last ?? 0
    }
}
