import Foundation

/// What `r` (sync now) came to: the round trip and the changes it applied, or why it failed.
public struct SyncNowOutcome: Sendable, Hashable {
    public var milliseconds: Int
    public var applied: Int
    /// Nil: the feed was read to its end.
    public var error: String?

    public init(milliseconds: Int, applied: Int = 0, error: String? = nil) {
        self.milliseconds = milliseconds
        self.applied = applied
        self.error = error
    }

    /// "Synced in 84 ms · 3 changes", "Sync failed after 1.2 s: transport_error — …".
    public var text: String {
        guard let error else {
            let changes = applied == 0 ? "nothing new" : applied == 1 ? "1 change" : "\(Format.points(applied)) changes"
            return "Synced in \(Self.duration(milliseconds)) · \(changes)"
        }
        return "Sync failed after \(Self.duration(milliseconds)): \(error)"
    }

    static func duration(_ milliseconds: Int) -> String {
        guard milliseconds >= 1000 else { return "\(max(0, milliseconds)) ms" }
        let tenths = (milliseconds + 50) / 100
        return "\(tenths / 10).\(tenths % 10) s"
    }
}
