import Foundation
import Mirror
import RewardsClient
import RewardsContract

/// Where the mirror stands against the platform, as the status line shows it.
public enum SyncStatus: Sendable, Hashable {
    case starting
    case bootstrapping(kind: String, rows: Int)
    case catchingUp(entries: Int)
    case live(since: Date)
    case offline(since: Date, code: String)
    case failed(code: String, message: String)
}

/// What the engine tells whoever runs it (the console, the `sync` command).
public enum SyncEvent: Sendable {
    case identity(Me)
    case status(SyncStatus)
    case applied(AppliedChanges)
    case bootstrapped(rows: Int)
    case outboxDelivered(OutboxEntry)
    case outboxFailed(OutboxEntry)
    case error(PlatformError)
}

public typealias SyncEventHandler = @Sendable (SyncEvent) -> Void
