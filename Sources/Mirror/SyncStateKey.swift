/// Keys of the `sync_state` table.
enum SyncStateKey {
    static let cursor = "feed.cursor"
    static let lastSyncAt = "feed.lastSyncAt"
    static let bootstrapHead = "bootstrap.head"
    static let bootstrapCompletedAt = "bootstrap.completedAt"
    static let bootstrapCounts = "bootstrap.counts"
    static func bootstrapList(_ kind: ObjectKind) -> String { "bootstrap.list.\(kind.rawValue)" }
    /// Set while a pass must look for rows the server no longer has (the list had rows when it began).
    static func bootstrapSweep(_ kind: ObjectKind) -> String { "bootstrap.sweep.\(kind.rawValue)" }
}
