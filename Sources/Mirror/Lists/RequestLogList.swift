/// The filter of `requestLogsWindow`. No pane reads that window any more: the Error log reads
/// `errorLogWindow` (either source, with status and retryable filters), so both are left for
/// whoever next edits the query file to delete.
public struct RequestLogFilter: Sendable, Hashable {
    public var code: String?
    public init(code: String? = nil) { self.code = code }
}
