import Foundation

/// An RFC 3339 timestamp kept exactly as the server wrote it.
///
/// The raw text round-trips byte for byte (exports must equal the server's objects), while
/// `date` gives the instant: timestamps may carry 0 to 6 fractional digits, so two texts can
/// name the same instant and only instants may be compared.
public struct Timestamp: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let raw: String
    /// The instant this was made from, when it was made from one (its text may round it).
    private let madeFrom: Date?

    /// The instant, read from the text when asked: a bootstrap stores a million members'
    /// timestamps as text, and parsing each on arrival was 2% of its time.
    public var date: Date? { madeFrom ?? RFC3339.parse(raw) }

    public init(raw: String) {
        self.raw = raw
        self.madeFrom = nil
    }

    public init(_ date: Date, fractionalDigits: Int = 0) {
        self.raw = RFC3339.format(date, fractionalDigits: fractionalDigits)
        self.madeFrom = date
    }

    public init(from decoder: any Decoder) throws {
        self.init(raw: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(raw)
    }

    public var description: String { raw }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.date ?? .distantPast) < (rhs.date ?? .distantPast)
    }

    public static func == (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.raw == rhs.raw }
    public func hash(into hasher: inout Hasher) { hasher.combine(raw) }
}

/// RFC 3339 in UTC, done by hand: pure arithmetic, no formatter state shared across tasks.
public enum RFC3339 {
    public static func format(_ date: Date, fractionalDigits: Int = 0) -> String {
        let total = date.timeIntervalSince1970
        var seconds = Int64(total.rounded(.down))
        var fraction = total - Double(seconds)
        if fraction < 0 { fraction = 0 }
        let days = floorDiv(seconds, 86_400)
        seconds -= days * 86_400
        let (year, month, day) = civil(fromDays: days)
        let hour = seconds / 3600, minute = (seconds % 3600) / 60, second = seconds % 60
        var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
        if fractionalDigits > 0 {
            let digits = min(fractionalDigits, 6)
            var scale: Double = 1
            for _ in 0..<digits { scale *= 10 }
            let value = min(Int64(fraction * scale), Int64(scale) - 1)
            text += "." + pad(value, digits)
        }
        return text + "Z"
    }

    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20 else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), bytes[4] == 45, let month = number(5..<7), bytes[7] == 45,
              let day = number(8..<10), bytes[10] == 84 || bytes[10] == 116,
              let hour = number(11..<13), bytes[13] == 58, let minute = number(14..<16), bytes[16] == 58,
              let second = number(17..<19),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var fraction: Double = 0
        if index < bytes.count, bytes[index] == 46 {
            index += 1
            var scale = 0.1
            let start = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        guard index < bytes.count else { return nil }
        var offset: Int64 = 0
        switch bytes[index] {
        case 90, 122: index += 1
        case 43, 45:
            guard bytes.count == index + 6, bytes[index + 3] == 58,
                  let offsetHours = number(index + 1..<index + 3),
                  let offsetMinutes = number(index + 4..<index + 6) else { return nil }
            offset = (offsetHours * 3600 + offsetMinutes * 60) * (bytes[index] == 43 ? 1 : -1)
            index += 6
        default: return nil
        }
        guard index == bytes.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
