import RewardsClient
import RewardsContract

/// Tells a paged read that goes nowhere from one that is still reading, so that a broken or
/// hostile server ends a sync with a protocol error instead of a loop.
///
/// A list (§6) comes in id order, one page after another: ids must rise strictly (in byte
/// order, as the contract sorts them) across the whole pass, which also rules out every
/// repeat, with no memory of the ids seen. Whatever the list, a page that hands back the
/// cursor it was given, or any cursor of this pass again, while saying `hasMore`, is a loop.
public struct ListProgressGuard: Sendable {
    /// Pages in a row with no row and `hasMore` before the list counts as stuck. The contract
    /// allows short pages, even empty ones, but not an endless run of them.
    public static let emptyPagesAllowed = 50

    let list: String
    let path: String
    private var lastId: String?
    private var cursors: Set<String> = []
    private var emptyRun = 0

    /// - Parameters:
    ///   - list: the list's name for messages ("members").
    ///   - path: its endpoint, to name in the error (`/v1/members`).
    ///   - lastId: the last id already read, when a bootstrap resumes mid-list.
    public init(list: String, path: String, resumingAfter lastId: String? = nil) {
        self.list = list
        self.path = path
        self.lastId = lastId
    }

    /// Checks one page: `sent` is the cursor the request carried (nil for the first page).
    public mutating func check(sent: String?, ids: [String], nextCursor: String?, hasMore: Bool) throws {
        if hasMore { try checkCursor(sent: sent, next: nextCursor) }
        for id in ids {
            if let lastId, !IdOrder.precedes(lastId, id) {
                throw violation(id == lastId ? "repeated \(id), already read in this pass"
                                             : "sent \(id) after \(lastId), out of id order")
            }
            lastId = id
        }
        guard hasMore else { return }
        emptyRun = ids.isEmpty ? emptyRun + 1 : 0
        if emptyRun > Self.emptyPagesAllowed {
            throw violation("sent \(emptyRun) empty pages in a row, each saying hasMore")
        }
    }

    private mutating func checkCursor(sent: String?, next: String?) throws {
        guard let next else { return }
        if next == sent { throw violation("handed back the cursor it was given, with hasMore true") }
        if let sent { cursors.insert(sent) }
        if cursors.contains(next) { throw violation("handed back a cursor of this pass again, with hasMore true") }
    }

    private func violation(_ what: String) -> PlatformError {
        PlatformError(kind: .invalidResponse("the \(list) list does not advance: the server \(what)"),
                      method: "GET", path: path, requestId: nil, attempts: 1)
    }
}

/// The same for the change feed (§7), where repeats are allowed: the feed may hold a change
/// twice, or an older version after a newer one. So a feed page is judged by its cursor, as a
/// list's is, and by whether it brings any entry (by `seq`) not seen in the last few pages;
/// too many pages in a row that bring nothing new, each saying `hasMore`, are a loop.
public struct FeedProgressGuard: Sendable {
    /// Pages in a row with nothing new before the feed counts as stuck.
    public static let stalePagesAllowed = 20
    /// How many recent pages' `seq`s are remembered (about 1,000 entries each).
    static let rememberedPages = 8

    private var cursors: Set<String> = []
    private var recent: [Set<String>] = []
    private var staleRun = 0

    public init() {}

    public mutating func check(sent: String, seqs: [String], nextCursor: String, hasMore: Bool) throws {
        defer {
            recent.append(Set(seqs))
            if recent.count > Self.rememberedPages { recent.removeFirst() }
        }
        guard hasMore else { return }
        if nextCursor == sent { throw violation("handed back the cursor it was given, with hasMore true") }
        cursors.insert(sent)
        if cursors.contains(nextCursor) { throw violation("handed back a cursor of this pass again, with hasMore true") }
        let bringsNew = seqs.contains { seq in !recent.contains { $0.contains(seq) } }
        staleRun = bringsNew ? 0 : staleRun + 1
        if staleRun > Self.stalePagesAllowed {
            throw violation("sent \(staleRun) pages in a row with nothing new, each saying hasMore")
        }
    }

    private func violation(_ what: String) -> PlatformError {
        PlatformError(kind: .invalidResponse("the change feed does not advance: the server \(what)"),
                      method: "GET", path: "/v1/changes", requestId: nil, attempts: 1)
    }
}
