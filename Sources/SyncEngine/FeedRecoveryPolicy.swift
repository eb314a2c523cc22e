import RewardsClient
import RewardsContract

/// What the feed does when the server refuses its cursor (§7).
///
/// `410 cursor_expired` means a new bootstrap. The first one starts at once; when the new
/// cursor expires again in the same pass the next waits, with full jitter, and after
/// `maxExpiredRebootstraps` the pass gives up with an error that says so: a server that
/// expires every cursor would otherwise be bootstrapped from scratch in a tight loop.
///
/// `400 invalid_request` on `after` means the server does not know the cursor at all (a
/// mirror moved to another platform, or a feed restored from backup): one new bootstrap, and
/// a second refusal in the same pass is an error.
public struct FeedRecoveryPolicy: Sendable {
    public var maxExpiredRebootstraps: Int
    public var baseDelaySeconds: Double
    public var maxDelaySeconds: Double

    public init(maxExpiredRebootstraps: Int = 3, baseDelaySeconds: Double = 1, maxDelaySeconds: Double = 30) {
        self.maxExpiredRebootstraps = maxExpiredRebootstraps
        self.baseDelaySeconds = baseDelaySeconds
        self.maxDelaySeconds = maxDelaySeconds
    }

    public static let standard = FeedRecoveryPolicy()

    /// Refusals met so far in one pass of the feed.
    public struct Tally: Sendable, Hashable {
        public var expired = 0
        public var invalid = 0
        public init() {}
    }

    public enum Decision: Sendable, Hashable {
        /// Not a cursor refusal: the error goes on as it is.
        case notACursorRefusal
        /// Drop the cursor and bootstrap again, after this many seconds.
        case rebootstrap(afterSeconds: Double)
        /// Stop: the error goes on with this note.
        case giveUp(String)
    }

    /// - Parameter random: uniform in 0…1, for the jitter.
    public func decide(_ error: PlatformError, tally: inout Tally, random: Double) -> Decision {
        if error.apiError?.code == .cursorExpired {
            tally.expired += 1
            guard tally.expired <= maxExpiredRebootstraps else {
                return .giveUp("the feed expired \(tally.expired) times in a row, each time right after a new "
                               + "bootstrap: the server keeps no usable history")
            }
            let ceiling = min(maxDelaySeconds, baseDelaySeconds * Double(1 << min(tally.expired - 1, 20)))
            return .rebootstrap(afterSeconds: tally.expired == 1 ? 0 : ceiling * min(max(random, 0), 1))
        }
        if error.status == 400, error.apiError?.code == .invalidRequest {
            tally.invalid += 1
            guard tally.invalid <= 1 else {
                return .giveUp("the server refused the cursor of a fresh bootstrap too")
            }
            return .rebootstrap(afterSeconds: 0)
        }
        return .notACursorRefusal
    }
}
