/// Keys of the `sync_state` table.
enum SyncStateKey {
    static let cursor = "feed.cursor"
    static let lastSyncAt = "feed.lastSyncAt"
    static let bootstrapHead = "bootstrap.head"
    static let bootstrapCompletedAt = "bootstrap.completedAt"
    static func bootstrapList(_ kind: ObjectKind) -> String { "bootstrap.list.\(kind.rawValue)" }
}
