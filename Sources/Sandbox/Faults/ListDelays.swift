import Foundation

/// Lists slowed on purpose: every page of a listed list is held for its delay before it is
/// read. A test (or a demo) can then watch a client deal with one slow list — the review queue
/// arriving while members are still loading — without depending on how fast the machine is.
public struct ListDelays: Sendable, Hashable {
    /// The lists of contract §6, by the last segment of their path.
    public enum List: String, CaseIterable, Sendable {
        case members
        case redemptions
        case reviews
        case requestLogs = "request-logs"
    }

    public var delays: [List: Duration]

    public init(_ delays: [List: Duration] = [:]) {
        self.delays = delays
    }

    public static let none = ListDelays()

    /// A page is held at most this long, so that a typo cannot hang a client for an hour.
    public static let maximum: Duration = .seconds(60)

    public subscript(list: List) -> Duration? {
        get { delays[list] }
        set { delays[list] = newValue }
    }

    /// `members=300ms,reviews=2s`: each list at most once, durations in `ms` or `s` (decimals
    /// allowed), 0 to 60 s.
    public static func parse(_ text: String) throws -> ListDelays {
        var parsed = ListDelays()
        for item in text.split(separator: ",", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { throw ListDelaysError.malformed(String(item)) }
            guard let list = List(rawValue: parts[0]) else { throw ListDelaysError.unknownList(parts[0]) }
            guard parsed[list] == nil else { throw ListDelaysError.repeated(parts[0]) }
            guard let delay = duration(parts[1]) else { throw ListDelaysError.malformed(String(item)) }
            parsed[list] = delay
        }
        return parsed
    }

    private static func duration(_ text: String) -> Duration? {
        let (number, scale): (Substring, Double)
        if text.hasSuffix("ms") {
            (number, scale) = (text.dropLast(2), 1)
        } else if text.hasSuffix("s") {
            (number, scale) = (text.dropLast(1), 1000)
        } else {
            return nil
        }
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let value = Double(number), value.isFinite else { return nil }
        let milliseconds = value * scale
        guard milliseconds >= 0, milliseconds <= 60_000 else { return nil }
        return .milliseconds(Int64(milliseconds.rounded()))
    }
}

public enum ListDelaysError: Error, Sendable, CustomStringConvertible {
    case malformed(String)
    case unknownList(String)
    case repeated(String)

    public var description: String {
        switch self {
        case .malformed(let item): return "'\(item)' is not LIST=DELAY with a delay of 0 to 60 s, such as 300ms or 2s."
        case .unknownList(let name):
            return "Unknown list '\(name)'; use \(ListDelays.List.allCases.map(\.rawValue).joined(separator: ", "))."
        case .repeated(let name): return "The list '\(name)' is given twice."
        }
    }
}
