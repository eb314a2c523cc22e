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
    /// A bootstrap page landed: the list, rows so far, and the last id read (lists come in id
    /// order, so where that id falls in the id space estimates how far the list has got).
    case bootstrapPage(kind: String, rows: Int, lastId: String?)
    case outboxDelivered(OutboxEntry)
    case outboxFailed(OutboxEntry)
    case error(PlatformError)
}

public typealias SyncEventHandler = @Sendable (SyncEvent) -> Void
