/// How many rows a filter matches among those the tab's number counts, read by one bounded
/// seek: "12 of 1,878", or "1,000+ of 1,000,000" past `limit`. A count of every match of "mem"
/// among a million members would read them all; the tab needs to know only that it is many.
public struct MatchCount: Sendable, Hashable {
    /// Rows read at most to count a filter's matches.
    static let limit = 1_000

    public var count: Int
    /// More rows match than were counted.
    public var more: Bool

    public init(count: Int, more: Bool) {
        self.count = count
        self.more = more
    }
}
